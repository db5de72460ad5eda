import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { EXPENSE_REPORT_STATUSES, type ExpenseReportStatus } from '../../../modules/expenses/contract';
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
import { eurosToCents } from '../documents';
import { useCreateExpenseReport, useExpenseAdvances, useExpenseReports, useGrantExpenseAdvance, type ExpenseAdvanceData, type ExpenseReportSummaryData } from './use-expenses';

const PAGE_SIZE = 25;
export const STATUS_COLORS: Record<ExpenseReportStatus, string> = { draft: 'gray', submitted: 'blue', returned: 'orange', validated: 'violet', paid: 'teal', cancelled: 'red' };

export function ReportStatusBadge({ status }: { status: ExpenseReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="expense-report-status">
      {t(`expenses.status.${status}`)}
    </Badge>
  );
}

/** Members: their reports and a form to open one. The team and the accountant: every report, to validate and pay, and the expense advances. */
export default function ExpenseReportsPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff', 'accountant');
  return (
    <Page
      title={team ? t('expenses.title') : t('expenses.myTitle')}
      actions={
        team ? (
          <Anchor component={Link} to="/expenses/categories" size="sm" data-testid="expense-categories-link">
            {t('expenses.categories.manage')}
          </Anchor>
        ) : undefined
      }
    >
      {!team && (
        <>
          <Text size="sm" c="dimmed">
            {t('expenses.intro')}
          </Text>
          <CreateReportForm />
        </>
      )}
      <ReportList team={team} />
      {team && <AdvancesSection />}
    </Page>
  );
}

function ReportList({ team }: { team: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [params] = useSearchParams();
  const initial = params.get('status');
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<ExpenseReportStatus | undefined>((EXPENSE_REPORT_STATUSES as readonly string[]).includes(initial ?? '') ? (initial as ExpenseReportStatus) : undefined);
  const list = useExpenseReports({ page, pageSize: PAGE_SIZE, status });
  const columns: ListColumn<ExpenseReportSummaryData>[] = [
    {
      key: 'number',
      header: t('expenses.columns.number'),
      cell: (r) => (
        <Anchor component={Link} to={`/expenses/${r.id}`} data-testid="expense-report-link">
          {r.number}
        </Anchor>
      ),
      phone: 'title',
      nowrap: true,
    },
    { key: 'status', header: t('expenses.columns.status'), cell: (r) => <ReportStatusBadge status={r.status} />, phone: 'badge' },
    { key: 'title', header: t('expenses.columns.title'), cell: (r) => r.title },
    ...(team ? [{ key: 'member', header: t('expenses.columns.member'), cell: (r: ExpenseReportSummaryData) => r.memberName }] : []),
    { key: 'activity', header: t('expenses.columns.activity'), cell: (r) => r.activityName },
    { key: 'total', header: t('expenses.columns.total'), cell: (r) => format.money(r.totalGrossCents), align: 'right', nowrap: true },
    { key: 'refund', header: t('expenses.columns.refund'), cell: (r) => (r.refundCents === null ? '—' : format.money(r.refundCents)), align: 'right', nowrap: true },
    { key: 'created', header: t('expenses.columns.created'), cell: (r) => format.date(r.createdAt), nowrap: true },
  ];
  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <Select
          aria-label={t('expenses.columns.status')}
          placeholder={t('expenses.allStatuses')}
          clearable
          data={EXPENSE_REPORT_STATUSES.map((s) => ({ value: s, label: t(`expenses.status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => {
            setStatus((v as ExpenseReportStatus | null) ?? undefined);
            setPage(1);
          }}
          data-testid="expense-status-filter"
        />
      </Group>
      <ListTable query={list} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `expense-report-${r.number}`} empty={t('expenses.empty')} minWidth={800} />
      {list.data && <ListPager total={list.data.total} pageSize={PAGE_SIZE} page={page} onChange={setPage} label={t('expenses.pager')} count={t('expenses.count', { count: list.data.total })} />}
    </Stack>
  );
}

function CreateReportForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateExpenseReport();
  const activities = useActivityOptions({ status: 'active' });
  const options = (activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }));
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { activityId: '', title: '', payeeIban: '' },
    validate: { activityId: isNotEmpty(t('expenses.create.activity')), title: isNotEmpty(t('expenses.create.reportTitle')) },
  });
  const submit = form.onSubmit((v) => {
    setFormError(null);
    create.mutate(
      { activityId: v.activityId, title: v.title, ...(v.payeeIban.trim() ? { payeeIban: v.payeeIban } : {}) },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('expenses.create.done', { number: r.number }) });
          void navigate(`/expenses/${r.id}`);
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('expenses.create.title')}
          </Title>
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('expenses.create.activity')} required data={options} data-testid="expense-activity" {...form.getInputProps('activityId')} />
            <TextInput label={t('expenses.create.reportTitle')} required maxLength={200} data-testid="expense-title" {...form.getInputProps('title')} />
            <TextInput label={t('expenses.create.iban')} maxLength={42} data-testid="expense-iban" {...form.getInputProps('payeeIban')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending} data-testid="expense-create">
              {t('expenses.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AdvancesSection() {
  const { t } = useTranslation();
  const format = useFormat();
  const { hasRole } = useSession();
  const advances = useExpenseAdvances();
  const columns: ListColumn<ExpenseAdvanceData>[] = [
    { key: 'member', header: t('expenses.advances.columns.member'), cell: (r) => r.memberName, phone: 'title' },
    { key: 'activity', header: t('expenses.advances.columns.activity'), cell: (r) => r.activityName },
    { key: 'amount', header: t('expenses.advances.columns.amount'), cell: (r) => format.money(r.amountCents), align: 'right', nowrap: true },
    { key: 'paidOn', header: t('expenses.advances.columns.paidOn'), cell: (r) => format.date(r.paidOn), nowrap: true },
    { key: 'reference', header: t('expenses.advances.columns.reference'), cell: (r) => r.reference },
  ];
  return (
    <Stack gap="sm" mt="lg">
      <Title order={2} size="h4">
        {t('expenses.advances.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('expenses.advances.intro')}
      </Text>
      {hasRole('admin', 'staff', 'accountant') && <GrantAdvanceForm />}
      <ListTable query={advances} columns={columns} rowKey={(r) => r.id} rowTestId={(r) => `expense-advance-${r.id}`} empty={t('expenses.advances.empty')} minWidth={700} />
    </Stack>
  );
}

function GrantAdvanceForm() {
  const { t } = useTranslation();
  const grant = useGrantExpenseAdvance();
  const activities = useActivityOptions({ status: 'active' });
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { activityId: '', memberId: '', amount: '', paidOn: todayInFrance(new Date()), reference: '' },
    validate: {
      activityId: isNotEmpty(' '),
      memberId: isNotEmpty(' '),
      reference: isNotEmpty(' '),
      amount: (v) => (eurosToCents(v) && eurosToCents(v)! > 0 ? null : t('expenses.line.badAmount')),
    },
  });
  const activity = activities.data?.items.find((a) => a.id === form.values.activityId);
  const submit = form.onSubmit((v) => {
    setFormError(null);
    grant.mutate(
      { activityId: v.activityId, memberId: v.memberId, amountCents: eurosToCents(v.amount) ?? 0, paidOn: v.paidOn, reference: v.reference },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('expenses.advances.done') });
          form.reset();
        },
        onError: (error) => setFormError(applyApiError(form, error, { amountCents: 'amount' })),
      },
    );
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select label={t('expenses.advances.activity')} required searchable data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))} {...form.getInputProps('activityId')} />
            <Select label={t('expenses.advances.member')} required data={(activity?.holders ?? []).map((h) => ({ value: h.memberId, label: h.name }))} {...form.getInputProps('memberId')} />
            <TextInput label={t('expenses.advances.amount')} required inputMode="decimal" {...form.getInputProps('amount')} />
            <DateField label={t('expenses.advances.paidOn')} required {...form.getInputProps('paidOn')} />
            <TextInput label={t('expenses.advances.reference')} required maxLength={140} {...form.getInputProps('reference')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={grant.isPending}>
              {t('expenses.advances.grant')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
