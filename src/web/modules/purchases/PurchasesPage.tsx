import { Alert, Anchor, Badge, Button, Card, FileInput, Group, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SUPPLIER_INVOICE_STATUSES, type SupplierInvoiceStatus } from '../../../modules/purchases/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useActivityOptions } from '../activities';
import { useLifecycleDestination, useReceiveSupplierInvoice, useSupplierInvoices, type SupplierInvoiceRowData } from './use-purchases';

const PAGE_SIZE = 25;
export const STATUS_COLORS: Record<SupplierInvoiceStatus, string> = { received: 'blue', approved: 'violet', refused: 'red', disputed: 'orange', paid: 'teal' };

export function SupplierInvoiceStatusBadge({ status }: { status: SupplierInvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="supplier-invoice-status">
      {t(`purchases.status.${status}`)}
    </Badge>
  );
}

/** Where the statuses go while no approved platform is connected: said, not hidden. */
export function LifecycleNotice() {
  const { t } = useTranslation();
  const where = useLifecycleDestination();
  if (!where.data) return null;
  return (
    <Alert color="gray" variant="light" data-testid="lifecycle-notice">
      {where.data.connected ? t('purchases.lifecycle.connected', { destination: where.data.destination }) : t('purchases.lifecycle.notConnected', { destination: where.data.destination })}
    </Alert>
  );
}

/** Supplier invoices: the team and the accountant receive, check, approve and pay them; a member reads those of their activities. */
export default function PurchasesPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff', 'accountant');
  return (
    <Page title={team ? t('purchases.title') : t('purchases.myTitle')}>
      <Text size="sm" c="dimmed">
        {t('purchases.intro')}
      </Text>
      {team && <ReceiveCard />}
      {team && <LifecycleNotice />}
      <SupplierInvoiceList />
    </Page>
  );
}

function ReceiveCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const receive = useReceiveSupplierInvoice();
  const activities = useActivityOptions({ status: 'active' });
  const [file, setFile] = useState<File | null>(null);
  const [activityId, setActivityId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <Card withBorder padding="md">
      <Stack gap="sm">
        <Text fw={600}>{t('purchases.receive.title')}</Text>
        <Text size="sm" c="dimmed">
          {t('purchases.receive.help')}
        </Text>
        <ErrorAlert error={error} />
        <Group align="end" gap="sm" wrap="wrap">
          <FileInput label={t('purchases.receive.file')} accept="application/pdf,.pdf,.xml,text/xml,application/xml" value={file} onChange={setFile} clearable data-testid="supplier-invoice-file" style={{ minWidth: 240, flex: 1 }} />
          <Select
            label={t('purchases.receive.activity')}
            placeholder={t('purchases.coopOwn')}
            clearable
            searchable
            data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
            value={activityId}
            onChange={setActivityId}
            style={{ minWidth: 220, flex: 1 }}
          />
          <Button
            leftSection={<IconUpload size={16} aria-hidden />}
            disabled={!file}
            loading={receive.isPending}
            data-testid="supplier-invoice-receive"
            onClick={() => {
              if (!file) return;
              setError(null);
              receive.mutate(
                { file, ...(activityId ? { activityId } : {}) },
                {
                  onSuccess: (inv) => {
                    notifications.show({ color: 'teal', message: t('purchases.receive.done', { number: inv.number }) });
                    navigate(`/purchases/${inv.id}`);
                  },
                  onError: setError,
                },
              );
            }}
          >
            {t('purchases.receive.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function SupplierInvoiceList() {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState(1);
  const status = (SUPPLIER_INVOICE_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as SupplierInvoiceStatus) : undefined;
  const list = useSupplierInvoices({ page, pageSize: PAGE_SIZE, status });
  const columns: ListColumn<SupplierInvoiceRowData>[] = [
    { key: 'number', header: t('purchases.columns.number'), cell: (r) => <Anchor component={Link} to={`/purchases/${r.id}`}>{r.number}</Anchor>, phone: 'title', nowrap: true },
    { key: 'status', header: t('purchases.columns.status'), cell: (r) => <SupplierInvoiceStatusBadge status={r.status} />, phone: 'badge' },
    { key: 'supplier', header: t('purchases.columns.supplier'), cell: (r) => r.supplierName },
    { key: 'date', header: t('purchases.columns.date'), cell: (r) => format.date(r.issueDate), nowrap: true },
    { key: 'activity', header: t('purchases.columns.activity'), cell: (r) => r.activityName ?? t('purchases.coopOwn') },
    { key: 'kind', header: t('purchases.columns.kind'), cell: (r) => t(`purchases.kind.${r.kind}`) },
    { key: 'gross', header: t('purchases.columns.gross'), cell: (r) => format.money(r.grossCents), align: 'right', nowrap: true },
  ];
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Select
          aria-label={t('purchases.columns.status')}
          placeholder={t('purchases.allStatuses')}
          clearable
          data={SUPPLIER_INVOICE_STATUSES.map((s) => ({ value: s, label: t(`purchases.status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => {
            setParams(v ? { status: v } : {});
            setPage(1);
          }}
          data-testid="supplier-invoice-status-filter"
        />
      </Group>
      <ListTable query={list} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `supplier-invoice-${r.number}`} empty={t('purchases.empty')} minWidth={860} />
      {list.data && <ListPager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('purchases.pager')} count={t('purchases.count', { count: list.data.total })} />}
    </Stack>
  );
}
