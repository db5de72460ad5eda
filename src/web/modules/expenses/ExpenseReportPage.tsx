import { Anchor, Button, Card, FileButton, Group, Image, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Timeline, Title } from '@mantine/core';
import { isNotEmpty, useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { todayInFrance } from '../../../platform/calendar/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ListTable, type ListColumn } from '../../components/ListTable';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { applyApiError } from '../../lib/forms';
import { useSession } from '../../lib/session';
import { eurosToCents } from '../documents';
import { ReportStatusBadge } from './ExpenseReportsPage';
import {
  receiptUrl,
  useAddExpenseLine,
  useAttachReceipt,
  useCancelReport,
  useExpenseReport,
  useMileageQuote,
  usePayReport,
  useRemoveExpenseLine,
  useReportAction,
  useReturnReport,
  useSpendingCategories,
  useUpdateExpenseReport,
  type ExpenseReportData,
} from './use-expenses';

type Line = ExpenseReportData['lines'][number];
const VAT_RATES = ['2000', '1000', '550', '210', '0'];

/** One expense report: its lines with their receipts, the mileage calculator, totals, history, and the actions of its stage. */
export default function ExpenseReportPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const report = useExpenseReport(id);
  const r = report.data;
  return (
    <Page
      title={r ? t('expenses.report.heading', { number: r.number }) : t('expenses.title')}
      actions={
        <Anchor component={Link} to="/expenses" size="sm">
          {t('expenses.report.back')}
        </Anchor>
      }
    >
      <ErrorAlert error={report.error} />
      {r && <ReportBody report={r} />}
    </Page>
  );
}

function ReportBody({ report: r }: { report: ExpenseReportData }) {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const team = hasRole('admin', 'staff', 'accountant');
  const writer = hasRole('admin', 'staff', 'member');
  const editable = writer && (r.status === 'draft' || r.status === 'returned');
  return (
    <Stack gap="md">
      <Card withBorder padding="md">
        <Stack gap="xs">
          <Group gap="sm" wrap="wrap">
            <ReportStatusBadge status={r.status} />
            <Text fw={600}>{r.title}</Text>
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Text size="sm">
              {t('expenses.report.member')} : {r.memberName}
            </Text>
            <Text size="sm">
              {t('expenses.report.activity')} : {r.activityName}
            </Text>
          </SimpleGrid>
          <IbanField report={r} editable={editable} />
        </Stack>
      </Card>
      <Title order={2} size="h4">
        {t('expenses.report.lines')}
      </Title>
      <LinesTable report={r} editable={editable} />
      {editable && <AddExpenseForm reportId={r.id} />}
      {editable && <AddMileageForm report={r} />}
      <Totals report={r} />
      <History report={r} />
      <Actions report={r} team={team} writer={writer} />
    </Stack>
  );
}

function IbanField({ report: r, editable }: { report: ExpenseReportData; editable: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateExpenseReport();
  const [value, setValue] = useState(r.payeeIban ?? '');
  const [error, setError] = useState<unknown>(null);
  if (!editable) return <Text size="sm">{r.payeeIban ? `${t('expenses.report.iban')} : ${r.payeeIban}` : t('expenses.report.noIban')}</Text>;
  return (
    <Group align="flex-end" gap="xs" wrap="wrap">
      <TextInput label={t('expenses.report.iban')} value={value} onChange={(e) => setValue(e.currentTarget.value)} maxLength={42} description={r.payeeIban ? undefined : t('expenses.report.noIban')} style={{ flex: 1, minWidth: 220 }} />
      <Button variant="light" loading={update.isPending} onClick={() => update.mutate({ id: r.id, payeeIban: value.trim() ? value : null }, { onError: setError, onSuccess: () => setError(null) })}>
        {t('expenses.report.saveIban')}
      </Button>
      <ErrorAlert error={error} />
    </Group>
  );
}

function LinesTable({ report: r, editable }: { report: ExpenseReportData; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const attach = useAttachReceipt();
  const remove = useRemoveExpenseLine();
  const [error, setError] = useState<unknown>(null);
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'fr';
  const columns: ListColumn<Line>[] = [
    { key: 'date', header: t('expenses.line.date'), cell: (l) => format.date(l.spentOn), nowrap: true, phone: 'title' },
    { key: 'description', header: t('expenses.line.description'), cell: (l) => l.description },
    {
      key: 'category',
      header: t('expenses.line.category'),
      cell: (l) =>
        l.kind === 'mileage' ? (
          t('expenses.report.mileage', { km: l.distanceKm, cv: l.horsepower, year: l.scaleYear })
        ) : (
          <Stack gap={0}>
            <span>{l.categoryLabel?.[lang] ?? ''}</span>
            {l.inContributionBase && (
              <Text size="xs" c="dimmed">
                {t('expenses.report.inBase')}
              </Text>
            )}
          </Stack>
        ),
    },
    { key: 'net', header: t('expenses.report.totalNet'), cell: (l) => format.money(l.netCents), align: 'right', nowrap: true },
    { key: 'vat', header: t('expenses.report.totalVat'), cell: (l) => format.money(l.vatCents), align: 'right', nowrap: true },
    { key: 'gross', header: t('expenses.report.totalGross'), cell: (l) => format.money(l.grossCents), align: 'right', nowrap: true },
    {
      key: 'receipt',
      header: t('expenses.report.receipt'),
      cell: (l) =>
        l.kind === 'mileage' ? (
          '—'
        ) : (
          <Stack gap={4}>
            {l.receipt ? (
              <Anchor href={receiptUrl(r.id, l.id)} target="_blank" rel="noopener" size="sm" data-testid="expense-receipt-link">
                {l.receipt.type.startsWith('image/') ? <Image src={receiptUrl(r.id, l.id)} alt={l.receipt.name} h={48} w="auto" fit="contain" /> : t('expenses.report.view')}
              </Anchor>
            ) : (
              <Text size="sm" c="red">
                {t('expenses.report.noReceipt')}
              </Text>
            )}
            {editable && (
              <FileButton
                accept="image/jpeg,image/png,image/webp,application/pdf"
                onChange={(file) => file && attach.mutate({ id: r.id, lineId: l.id, file }, { onError: setError, onSuccess: () => notifications.show({ color: 'teal', message: t('expenses.report.attached') }) })}
              >
                {(props) => (
                  <Button size="xs" variant="light" {...props} data-testid="expense-attach">
                    {l.receipt ? t('expenses.report.replace') : t('expenses.report.attach')}
                  </Button>
                )}
              </FileButton>
            )}
          </Stack>
        ),
    },
    ...(editable
      ? [
          {
            key: 'actions',
            header: '',
            cell: (l: Line) => (
              <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate({ id: r.id, lineId: l.id }, { onError: setError })}>
                {t('expenses.report.remove')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Stack gap="xs">
      <Text size="xs" c="dimmed">
        {t('expenses.report.receiptHelp')}
      </Text>
      <ErrorAlert error={error} />
      <ListTable query={{ isError: false, error: null, isPending: false, data: { items: r.lines } }} columns={columns} rowKey={(l) => l.id} rowTestId={(l) => `expense-line-${l.kind}`} empty={t('expenses.report.noLines')} minWidth={800} />
    </Stack>
  );
}

function AddExpenseForm({ reportId }: { reportId: string }) {
  const { t, i18n } = useTranslation();
  const add = useAddExpenseLine();
  const categories = useSpendingCategories();
  const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'fr';
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { spentOn: todayInFrance(new Date()), description: '', categoryId: '', gross: '', vatRateBp: '2000', vat: '' },
    validate: {
      description: isNotEmpty(t('expenses.line.description')),
      categoryId: isNotEmpty(t('expenses.line.category')),
      gross: (v) => (eurosToCents(v) && eurosToCents(v)! > 0 ? null : t('expenses.line.badAmount')),
      vat: (v) => (v.trim() === '' || eurosToCents(v) !== null ? null : t('expenses.line.badAmount')),
    },
  });
  const submit = form.onSubmit((v) => {
    setFormError(null);
    const vat = v.vat.trim() ? eurosToCents(v.vat) : null;
    add.mutate(
      {
        id: reportId,
        body: { kind: 'expense', spentOn: v.spentOn, description: v.description, categoryId: v.categoryId, grossCents: eurosToCents(v.gross) ?? 0, ...(vat !== null ? { vatCents: vat } : { vatRateBp: Number(v.vatRateBp) }) },
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('expenses.line.added') });
          form.setValues({ description: '', gross: '', vat: '' });
        },
        onError: (error) => setFormError(applyApiError(form, error, { grossCents: 'gross', vatCents: 'vat' })),
      },
    );
  });
  return (
    <Card withBorder padding="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5">
            {t('expenses.line.addExpense')}
          </Title>
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <DateField label={t('expenses.line.date')} required {...form.getInputProps('spentOn')} />
            <TextInput label={t('expenses.line.description')} required maxLength={300} data-testid="expense-line-description" {...form.getInputProps('description')} />
            <Select
              label={t('expenses.line.category')}
              required
              searchable
              data={(categories.data?.items ?? []).map((c) => ({ value: c.id, label: lang === 'en' ? c.labelEn : c.labelFr }))}
              data-testid="expense-line-category"
              {...form.getInputProps('categoryId')}
            />
            <TextInput label={t('expenses.line.gross')} required inputMode="decimal" data-testid="expense-line-gross" {...form.getInputProps('gross')} />
            <Select
              label={t('expenses.line.vatRate')}
              data={VAT_RATES.map((r) => ({ value: r, label: r === '0' ? t('expenses.line.noVat') : `${Number(r) / 100} %` }))}
              disabled={form.values.vat.trim() !== ''}
              data-testid="expense-line-vat-rate"
              {...form.getInputProps('vatRateBp')}
            />
            <TextInput label={t('expenses.line.vatAmount')} inputMode="decimal" {...form.getInputProps('vat')} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending} data-testid="expense-line-add">
              {t('expenses.line.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function AddMileageForm({ report: r }: { report: ExpenseReportData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { hasRole } = useSession();
  const add = useAddExpenseLine();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ spentOn: string; description: string; horsepower: number | string; distanceKm: number | string }>({
    initialValues: { spentOn: todayInFrance(new Date()), description: '', horsepower: 5, distanceKm: '' },
    validate: { description: isNotEmpty(t('expenses.line.trip')), distanceKm: (v) => (Number(v) >= 1 ? null : t('expenses.line.distance')) },
  });
  const [debounced] = useDebouncedValue(form.values, 300);
  const ready = Number(debounced.distanceKm) >= 1 && Number(debounced.horsepower) >= 1 && /^\d{4}-\d{2}-\d{2}$/.test(debounced.spentOn);
  const quote = useMileageQuote(
    ready ? { spentOn: debounced.spentOn, horsepower: Number(debounced.horsepower), distanceKm: Number(debounced.distanceKm), ...(hasRole('admin', 'staff') ? { memberId: r.memberId } : {}) } : null,
  );
  const submit = form.onSubmit((v) => {
    setFormError(null);
    add.mutate(
      { id: r.id, body: { kind: 'mileage', spentOn: v.spentOn, description: v.description, horsepower: Number(v.horsepower), distanceKm: Number(v.distanceKm) } },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('expenses.line.added') });
          form.setValues({ description: '', distanceKm: '' });
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
            {t('expenses.line.addMileage')}
          </Title>
          {r.mileageScaleYear !== null && (
            <Text size="xs" c="dimmed" data-testid="expense-scale-note">
              {t('expenses.line.scaleNote', { year: r.mileageScaleYear })}
            </Text>
          )}
          <ErrorAlert>{formError}</ErrorAlert>
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <DateField label={t('expenses.line.date')} required {...form.getInputProps('spentOn')} />
            <TextInput label={t('expenses.line.trip')} required maxLength={300} data-testid="expense-trip" {...form.getInputProps('description')} />
            <NumberInput label={t('expenses.line.horsepower')} min={1} max={50} allowDecimal={false} data-testid="expense-horsepower" {...form.getInputProps('horsepower')} />
            <NumberInput label={t('expenses.line.distance')} min={1} max={10000} allowDecimal={false} data-testid="expense-distance" {...form.getInputProps('distanceKm')} />
          </SimpleGrid>
          {quote.data && (
            <Text size="sm" data-testid="expense-mileage-quote">
              {t('expenses.line.quote', { amount: format.money(quote.data.amountCents), year: quote.data.scaleYear, prior: quote.data.priorKm })}
            </Text>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={add.isPending} data-testid="expense-mileage-add">
              {t('expenses.line.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function Totals({ report: r }: { report: ExpenseReportData }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, number, string][] = [
    [t('expenses.report.totalNet'), r.totalNetCents, 'net'],
    [t('expenses.report.totalVat'), r.totalVatCents, 'vat'],
    [t('expenses.report.totalGross'), r.totalGrossCents, 'gross'],
  ];
  if (r.advanceSettledCents !== null && r.advanceSettledCents > 0) rows.push([t('expenses.report.advanceSettled'), -r.advanceSettledCents, 'settled']);
  else if (r.advanceSettledCents === null && r.advanceOutstandingCents > 0) rows.push([t('expenses.report.advanceOutstanding'), r.advanceOutstandingCents, 'outstanding']);
  if (r.refundCents !== null) rows.push([t('expenses.report.refund'), r.refundCents, 'refund']);
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {t('expenses.report.totals')}
      </Title>
      <Table>
        <Table.Tbody>
          {rows.map(([label, cents, key]) => (
            <Table.Tr key={key} data-testid={`expense-total-${key}`}>
              <Table.Td>{label}</Table.Td>
              <Table.Td ta="right">{format.money(cents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

function History({ report: r }: { report: ExpenseReportData }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {t('expenses.report.history')}
      </Title>
      {r.steps.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('expenses.report.noHistory')}
        </Text>
      ) : (
        <Timeline bulletSize={14} lineWidth={2}>
          {r.steps.map((s, i) => (
            <Timeline.Item key={i} title={t(`expenses.report.steps.${s.step}`, { defaultValue: s.step })} data-testid={`expense-step-${s.step}`}>
              <Text size="xs" c="dimmed">
                {format.dateTime(s.at)}
                {s.byName ? ` — ${t('expenses.report.by', { name: s.byName })}` : ''}
              </Text>
              {s.comment && <Text size="sm">{s.comment}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
}

function Actions({ report: r, team, writer }: { report: ExpenseReportData; team: boolean; writer: boolean }) {
  const { t } = useTranslation();
  const submit = useReportAction('submit');
  const validate = useReportAction('validate');
  const [modal, setModal] = useState<'return' | 'pay' | 'cancel' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const done = (message: string) => () => {
    setError(null);
    notifications.show({ color: 'teal', message });
  };
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      <Group gap="sm" wrap="wrap">
        {writer && (r.status === 'draft' || r.status === 'returned') && (
          <Button loading={submit.isPending} data-testid="expense-submit" onClick={() => submit.mutate(r.id, { onSuccess: done(t('expenses.report.submitted')), onError: setError })}>
            {t('expenses.report.submit')}
          </Button>
        )}
        {team && r.status === 'submitted' && (
          <>
            <Button loading={validate.isPending} data-testid="expense-validate" onClick={() => validate.mutate(r.id, { onSuccess: done(t('expenses.report.validated')), onError: setError })}>
              {t('expenses.report.validate')}
            </Button>
            <Button variant="light" color="orange" data-testid="expense-return" onClick={() => setModal('return')}>
              {t('expenses.report.returnAction')}
            </Button>
          </>
        )}
        {team && r.status === 'validated' && (
          <>
            <Button data-testid="expense-pay" onClick={() => setModal('pay')}>
              {t('expenses.report.pay')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setModal('cancel')}>
              {t('expenses.report.cancelAction')}
            </Button>
          </>
        )}
      </Group>
      <CommentModal kind="return" opened={modal === 'return'} report={r} onClose={() => setModal(null)} />
      <CommentModal kind="cancel" opened={modal === 'cancel'} report={r} onClose={() => setModal(null)} />
      <PayModal opened={modal === 'pay'} report={r} onClose={() => setModal(null)} />
    </Stack>
  );
}

function CommentModal({ kind, opened, report: r, onClose }: { kind: 'return' | 'cancel'; opened: boolean; report: ExpenseReportData; onClose: () => void }) {
  const { t } = useTranslation();
  const ret = useReturnReport();
  const cancel = useCancelReport();
  const mutation = kind === 'return' ? ret : cancel;
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { comment: '' }, validate: { comment: isNotEmpty(' ') } });
  const submit = form.onSubmit((v) => {
    setFormError(null);
    mutation.mutate(
      { id: r.id, comment: v.comment },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: kind === 'return' ? t('expenses.report.returned') : t('expenses.report.cancelled') });
          form.reset();
          onClose();
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={kind === 'return' ? t('expenses.report.returnTitle') : t('expenses.report.cancelTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert>{formError}</ErrorAlert>
          <Textarea label={kind === 'return' ? t('expenses.report.comment') : t('expenses.report.cancelReason')} required maxLength={1000} autosize minRows={3} data-testid="expense-comment" {...form.getInputProps('comment')} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('expenses.report.close')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="expense-comment-submit">
              {t('expenses.report.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function PayModal({ opened, report: r, onClose }: { opened: boolean; report: ExpenseReportData; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = usePayReport();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ initialValues: { paidOn: todayInFrance(new Date()) }, validate: { paidOn: isNotEmpty(' ') } });
  const submit = form.onSubmit((v) => {
    setFormError(null);
    pay.mutate(
      { id: r.id, paidOn: v.paidOn },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('expenses.report.paid') });
          onClose();
        },
        onError: (error) => setFormError(applyApiError(form, error)),
      },
    );
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('expenses.report.payTitle', { number: r.number })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert>{formError}</ErrorAlert>
          <DateField label={t('expenses.report.paidOn')} required {...form.getInputProps('paidOn')} />
          <Group justify="flex-end">
            <Button variant="subtle" onClick={onClose}>
              {t('expenses.report.close')}
            </Button>
            <Button type="submit" loading={pay.isPending} data-testid="expense-pay-submit">
              {t('expenses.report.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
