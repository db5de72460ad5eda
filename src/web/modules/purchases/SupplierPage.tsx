import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { SupplierInvoiceStatusBadge } from './PurchasesPage';
import { SupplierFormModal } from './SupplierForm';
import { ibanOf } from './SuppliersPage';
import { useSupplier, useSupplierInvoices, type SupplierInvoiceRowData } from './use-purchases';

const PAGE_SIZE = 25;

function Field({ label, value, testId }: { label: string; value: string | null | undefined; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
        {value || '—'}
      </Text>
    </div>
  );
}

/** One supplier: who it is, where it is paid, its 401 auxiliary account and balance, and its invoices. */
export default function SupplierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const supplier = useSupplier(id);
  const [editing, setEditing] = useState(false);
  const [page, setPage] = useState(1);
  const invoices = useSupplierInvoices({ page, pageSize: PAGE_SIZE, supplierId: id });
  const s = supplier.data;
  const columns: ListColumn<SupplierInvoiceRowData>[] = [
    { key: 'number', header: t('purchases.columns.number'), cell: (r) => <Anchor component={Link} to={`/purchases/${r.id}`}>{r.number}</Anchor>, phone: 'title', nowrap: true },
    { key: 'status', header: t('purchases.columns.status'), cell: (r) => <SupplierInvoiceStatusBadge status={r.status} />, phone: 'badge' },
    { key: 'date', header: t('purchases.columns.date'), cell: (r) => format.date(r.issueDate), nowrap: true },
    { key: 'activity', header: t('purchases.columns.activity'), cell: (r) => r.activityName ?? t('purchases.coopOwn') },
    { key: 'gross', header: t('purchases.columns.gross'), cell: (r) => format.money(r.grossCents), align: 'right', nowrap: true },
  ];
  return (
    <Page
      title={s ? s.name : t('suppliers.title')}
      actions={
        s && (
          <Button variant="default" leftSection={<IconPencil size={18} aria-hidden />} onClick={() => setEditing(true)} data-testid="supplier-edit">
            {t('suppliers.edit')}
          </Button>
        )
      }
    >
      <Anchor component={Link} to="/purchases/suppliers" size="sm">
        {t('suppliers.back')}
      </Anchor>
      <ErrorAlert error={supplier.error} />
      {s && (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder padding="md" data-testid="supplier-identity">
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t('suppliers.identity')}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <Field label={t('suppliers.fields.name')} value={s.name} testId="supplier-detail-name" />
                <Field label="SIREN" value={s.siren} testId="supplier-detail-siren" />
                <Field label="SIRET" value={s.siret} />
                <Field label={t('suppliers.fields.vatNumber')} value={s.vatNumber} testId="supplier-detail-vat" />
                <Field label={t('suppliers.fields.address')} value={s.address} />
              </SimpleGrid>
            </Stack>
          </Card>
          <Card withBorder padding="md" data-testid="supplier-accounts">
            <Stack gap="sm">
              <Title order={3} size="h5">
                {t('suppliers.payment')}
              </Title>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs">
                <Field label="IBAN" value={ibanOf(s.iban)} testId="supplier-detail-iban" />
                <Field label="BIC" value={s.bic} />
                <Field label={t('suppliers.auxiliary')} value={s.auxiliaryNumber ? `401 — ${s.auxiliaryNumber}` : t('suppliers.noAuxiliary')} testId="supplier-detail-aux" />
                <Field label={s.balanceCents >= 0 ? t('suppliers.owed') : t('suppliers.owing')} value={format.money(Math.abs(s.balanceCents))} testId="supplier-detail-balance" />
              </SimpleGrid>
            </Stack>
          </Card>
        </SimpleGrid>
      )}
      <Title order={2} size="h4">
        {t('suppliers.invoices')}
      </Title>
      <ListTable query={invoices} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `supplier-invoice-${r.number}`} empty={t('purchases.empty')} minWidth={640} />
      {invoices.data && <ListPager total={invoices.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('purchases.pager')} count={t('purchases.count', { count: invoices.data.total })} />}
      {s && <SupplierFormModal opened={editing} onClose={() => setEditing(false)} supplier={s} />}
    </Page>
  );
}
