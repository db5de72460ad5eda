import { Anchor, Badge, Button, Card, FileInput, Group, Modal, Select, SimpleGrid, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconFileTypePdf, IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberInvoiceStatus } from '../../../modules/independents/contract';
import { MEMBER_INVOICE_STATUSES } from '../../../modules/independents/contract';
import { todayInFrance } from '../../../platform/calendar/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListPager } from '../../components/ListPager';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { useActivityOptions } from '../activities';
import { eurosToCents, scaledToInput } from '../documents';
import { useMyMember } from '../members';
import { IndependenceCard } from './IndependenceCard';
import {
  memberInvoiceFileUrl,
  useGenerateMemberInvoice,
  useJobShares,
  useMarkMemberInvoicePaid,
  useMemberInvoices,
  useUploadMemberInvoice,
  useValidateMemberInvoice,
  type JobShareData,
  type MemberInvoiceData,
} from './use-independents';

const PAGE_SIZE = 25;
const STATUS_COLORS: Record<MemberInvoiceStatus, string> = { received: 'blue', validated: 'violet', paid: 'teal' };
const VAT_RATES = ['2000', '1000', '550', '210'];

function StatusBadge({ status }: { status: MemberInvoiceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="member-invoice-status">
      {t(`independents.status.${status}`)}
    </Badge>
  );
}

/**
 * Members: their invoices to the coop, generated or uploaded, and their volume. The team and
 * the accountant: every member's, to validate (a purchase is booked) and mark paid.
 */
export default function MemberInvoicesPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff', 'accountant');
  return (
    <Page title={team ? t('independents.title') : t('independents.myTitle')}>
      {!team && (
        <>
          <Text size="sm" c="dimmed">
            {t('independents.intro')}
          </Text>
          <IndependenceCard memberId={null} />
          <Tabs defaultValue="generate" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="generate">{t('independents.generate.title')}</Tabs.Tab>
              <Tabs.Tab value="upload">{t('independents.upload.title')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="generate" pt="md">
              <GenerateForm />
            </Tabs.Panel>
            <Tabs.Panel value="upload" pt="md">
              <UploadForm />
            </Tabs.Panel>
          </Tabs>
        </>
      )}
      <MemberInvoiceList team={team} />
    </Page>
  );
}

function MemberInvoiceList({ team }: { team: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { hasRole } = useSession();
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<MemberInvoiceStatus | undefined>(undefined);
  const list = useMemberInvoices({ page, pageSize: PAGE_SIZE, status });
  const validate = useValidateMemberInvoice();
  const [paying, setPaying] = useState<MemberInvoiceData | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const mayAct = team && hasRole('admin', 'staff', 'accountant');

  const columns: ListColumn<MemberInvoiceData>[] = [
    { key: 'number', header: t('independents.columns.number'), cell: (r) => r.number, phone: 'title', nowrap: true },
    { key: 'status', header: t('independents.columns.status'), cell: (r) => <StatusBadge status={r.status} />, phone: 'badge' },
    { key: 'date', header: t('independents.columns.date'), cell: (r) => format.date(r.issueDate), nowrap: true },
    ...(team ? [{ key: 'member', header: t('independents.columns.member'), cell: (r: MemberInvoiceData) => r.memberName }] : []),
    { key: 'activity', header: t('independents.columns.activity'), cell: (r) => r.activityName },
    { key: 'description', header: t('independents.columns.description'), cell: (r) => r.description },
    { key: 'net', header: t('independents.columns.net'), cell: (r) => format.money(r.netCents), align: 'right', nowrap: true },
    { key: 'gross', header: t('independents.columns.gross'), cell: (r) => format.money(r.grossCents), align: 'right', nowrap: true },
    {
      key: 'actions',
      header: t('independents.columns.actions'),
      cell: (r) => (
        <Group gap="xs" wrap="wrap">
          {r.hasFile && (
            <Anchor href={memberInvoiceFileUrl(r.id)} target="_blank" rel="noopener" size="sm">
              <Group gap={4} wrap="nowrap">
                <IconFileTypePdf size={16} aria-hidden />
                {t('independents.download')}
              </Group>
            </Anchor>
          )}
          {mayAct && r.status === 'received' && (
            <Button
              size="xs"
              leftSection={<IconCheck size={14} aria-hidden />}
              loading={validate.isPending && validate.variables === r.id}
              data-testid="member-invoice-validate"
              onClick={() => {
                setActionError(null);
                validate.mutate(r.id, { onSuccess: () => notifications.show({ color: 'teal', message: t('independents.validated') }), onError: setActionError });
              }}
            >
              {t('independents.validate')}
            </Button>
          )}
          {mayAct && r.status === 'validated' && (
            <Button size="xs" variant="light" data-testid="member-invoice-pay" onClick={() => setPaying(r)}>
              {t('independents.markPaid')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Select
          aria-label={t('independents.columns.status')}
          placeholder={t('independents.allStatuses')}
          clearable
          data={MEMBER_INVOICE_STATUSES.map((s) => ({ value: s, label: t(`independents.status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => {
            setStatus((v as MemberInvoiceStatus | null) ?? undefined);
            setPage(1);
          }}
          data-testid="member-invoice-status-filter"
        />
      </Group>
      <ErrorAlert error={actionError} />
      <ListTable query={list} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `member-invoice-${r.number}`} empty={t('independents.empty')} minWidth={900} />
      {list.data && (
        <ListPager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('independents.pager')} count={t('independents.count', { count: list.data.total })} />
      )}
      <PayModal invoice={paying} onClose={() => setPaying(null)} />
    </Stack>
  );
}

function PayModal({ invoice, onClose }: { invoice: MemberInvoiceData | null; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = useMarkMemberInvoicePaid();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { paidOn: todayInFrance(new Date()), reference: '' },
    validate: { reference: isNotEmpty(' '), paidOn: isNotEmpty(' ') },
  });
  const submit = form.onSubmit((v) => {
    if (!invoice) return;
    setFormError(null);
    pay.mutate(
      { id: invoice.id, ...v },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('independents.paidSaved') });
          form.reset();
          onClose();
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });
  return (
    <Modal opened={invoice !== null} onClose={onClose} title={t('independents.paidTitle', { number: invoice?.number ?? '' })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert>{formError}</ErrorAlert>
          <DateField label={t('independents.paidOn')} required {...form.getInputProps('paidOn')} />
          <TextInput label={t('independents.reference')} required maxLength={140} data-testid="member-invoice-reference" {...form.getInputProps('reference')} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('independents.cancel')}
            </Button>
            <Button type="submit" loading={pay.isPending} data-testid="member-invoice-pay-submit">
              {t('independents.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function useActivitySelect() {
  const activities = useActivityOptions({ status: 'active' });
  return (activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }));
}

/** A job share's key in the select: one job may be shared by two of the member's activities. */
const shareKey = (s: Pick<JobShareData, 'jobId' | 'activityId'>) => `${s.jobId}:${s.activityId}`;

function GenerateForm() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const generate = useGenerateMemberInvoice();
  const activities = useActivitySelect();
  const shares = (useJobShares().data?.items ?? []).filter((s) => s.leftCents > 0);
  const me = useMyMember();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { share: '', activityId: '', description: '', amount: '', vatRegime: 'standard', vatRateBp: '2000', vatNumber: '', iban: '', serviceDate: todayInFrance(new Date()) },
    validate: {
      activityId: isNotEmpty(t('independents.generate.activity')),
      description: isNotEmpty(t('independents.generate.description')),
      amount: (v, values) => {
        const cents = eurosToCents(v);
        if (!cents || cents <= 0) return t('independents.generate.badAmount');
        const share = shares.find((s) => shareKey(s) === values.share);
        return share && cents > share.leftCents ? t('independents.generate.aboveShare', { amount: format.money(share.leftCents) }) : null;
      },
      iban: isNotEmpty(t('independents.generate.iban')),
    },
  });
  // Her IBAN is on her profile: offered once it is read, never over what she typed.
  const profileIban = me.data?.iban ?? null;
  useEffect(() => {
    if (profileIban && !form.getValues().iban) form.setFieldValue('iban', profileIban);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [profileIban]);
  const selected = shares.find((s) => shareKey(s) === form.values.share) ?? null;
  const chooseShare = (key: string | null) => {
    const share = shares.find((s) => shareKey(s) === key);
    if (!share) {
      form.setFieldValue('share', '');
      return;
    }
    form.setValues({ share: key!, activityId: share.activityId, amount: scaledToInput(share.leftCents, 2, i18n.language), description: `${share.title} (${share.reference}, ${share.clientName})`.slice(0, 500) });
  };
  const standard = form.values.vatRegime === 'standard';
  const submit = form.onSubmit((v) => {
    setFormError(null);
    generate.mutate(
      {
        activityId: v.activityId,
        description: v.description,
        netCents: eurosToCents(v.amount) ?? 0,
        vatRegime: v.vatRegime as 'standard' | 'franchise',
        vatRateBp: standard ? Number(v.vatRateBp) : 0,
        ...(standard && v.vatNumber.trim() ? { vatNumber: v.vatNumber.trim() } : {}),
        ...(selected ? { jobId: selected.jobId } : {}),
        iban: v.iban,
        serviceDate: v.serviceDate,
      },
      {
        onSuccess: (inv) => {
          notifications.show({ color: 'teal', message: t('independents.generate.done', { number: inv.number }) });
          form.setValues({ share: '', description: '', amount: '' });
        },
        onError: (error) => setFormError(applyApiError(form, error, { netCents: 'amount', jobId: 'share' })),
      },
    );
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h5">
            {t('independents.generate.title')}
          </Title>
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {shares.length > 0 && (
              <Select
                label={t('independents.generate.job')}
                description={t('independents.generate.jobHelp')}
                placeholder={t('independents.generate.noJob')}
                clearable
                data={shares.map((s) => ({ value: shareKey(s), label: t('independents.generate.jobOption', { reference: s.reference, client: s.clientName, activity: s.activityName, amount: format.money(s.leftCents) }) }))}
                data-testid="mi-job"
                {...form.getInputProps('share')}
                onChange={chooseShare}
              />
            )}
            <Select
              label={t('independents.generate.activity')}
              required
              data={activities}
              allowDeselect={false}
              data-testid="mi-activity"
              {...form.getInputProps('activityId')}
              onChange={(v) => {
                // Another activity is not the one the job's share belongs to: the invoice is no longer for that share.
                if (selected && v !== selected.activityId) form.setFieldValue('share', '');
                form.setFieldValue('activityId', v ?? '');
              }}
            />
            <TextInput label={t('independents.generate.description')} required maxLength={500} data-testid="mi-description" {...form.getInputProps('description')} />
            <TextInput
              label={t('independents.generate.amount')}
              description={selected ? t('independents.generate.shareLeft', { amount: format.money(selected.leftCents) }) : undefined}
              required
              inputMode="decimal"
              rightSection="€"
              data-testid="mi-amount"
              {...form.getInputProps('amount')}
            />
            <DateField label={t('independents.generate.serviceDate')} required {...form.getInputProps('serviceDate')} />
            <Select
              label={t('independents.generate.regime')}
              allowDeselect={false}
              data={[
                { value: 'standard', label: t('independents.generate.standard') },
                { value: 'franchise', label: t('independents.generate.franchise') },
              ]}
              data-testid="mi-regime"
              {...form.getInputProps('vatRegime')}
            />
            {standard && (
              <Select label={t('independents.generate.rate')} allowDeselect={false} data={VAT_RATES.map((r) => ({ value: r, label: `${Number(r) / 100} %` }))} {...form.getInputProps('vatRateBp')} />
            )}
            {standard && <TextInput label={t('independents.generate.vatNumber')} required placeholder="FR12345678901" data-testid="mi-vat-number" {...form.getInputProps('vatNumber')} />}
            <TextInput label={t('independents.generate.iban')} required data-testid="mi-iban" {...form.getInputProps('iban')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={generate.isPending} data-testid="mi-generate">
              {t('independents.generate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function UploadForm() {
  const { t } = useTranslation();
  const upload = useUploadMemberInvoice();
  const activities = useActivitySelect();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { activityId: '', number: '', issueDate: todayInFrance(new Date()), description: '', amount: '', vatRegime: 'standard', vatRateBp: '2000', file: null as File | null },
    validate: {
      activityId: isNotEmpty(t('independents.generate.activity')),
      number: isNotEmpty(t('independents.upload.number')),
      description: isNotEmpty(t('independents.generate.description')),
      amount: (v) => (eurosToCents(v) && eurosToCents(v)! > 0 ? null : t('independents.generate.badAmount')),
      file: (f) => (f ? null : t('independents.upload.file')),
    },
  });
  const standard = form.values.vatRegime === 'standard';
  const submit = form.onSubmit((v) => {
    if (!v.file) return;
    setFormError(null);
    upload.mutate(
      { activityId: v.activityId, number: v.number, issueDate: v.issueDate, description: v.description, netCents: eurosToCents(v.amount) ?? 0, vatRegime: v.vatRegime, vatRateBp: standard ? Number(v.vatRateBp) : 0, file: v.file },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('independents.upload.done') });
          form.reset();
        },
        onError: (error) => setFormError(applyApiError(form, error, { netCents: 'amount' })),
      },
    );
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} fz="h5">
            {t('independents.upload.title')}
          </Title>
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select label={t('independents.generate.activity')} required data={activities} allowDeselect={false} {...form.getInputProps('activityId')} />
            <TextInput label={t('independents.upload.number')} required maxLength={40} {...form.getInputProps('number')} />
            <DateField label={t('independents.upload.issueDate')} required {...form.getInputProps('issueDate')} />
            <TextInput label={t('independents.generate.description')} required maxLength={500} {...form.getInputProps('description')} />
            <TextInput label={t('independents.generate.amount')} required inputMode="decimal" rightSection="€" {...form.getInputProps('amount')} />
            <Select
              label={t('independents.generate.regime')}
              allowDeselect={false}
              data={[
                { value: 'standard', label: t('independents.generate.standard') },
                { value: 'franchise', label: t('independents.generate.franchise') },
              ]}
              {...form.getInputProps('vatRegime')}
            />
            {standard && (
              <Select label={t('independents.generate.rate')} allowDeselect={false} data={VAT_RATES.map((r) => ({ value: r, label: `${Number(r) / 100} %` }))} {...form.getInputProps('vatRateBp')} />
            )}
            <FileInput label={t('independents.upload.file')} required clearable accept="application/pdf" leftSection={<IconUpload size={16} aria-hidden />} {...form.getInputProps('file')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={upload.isPending}>
              {t('independents.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
