import { Button, Card, Group, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOAN_KINDS } from '../../../modules/advances/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { useActivityOptions } from '../activities';
import { type LoanData, useGrantLoan, useLoans } from './use-advances';

/** The loans one sees (a member: her activities'), each with its schedule; the team grants them. */
export function LoansCard() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const loans = useLoans();
  const [granting, setGranting] = useState(false);
  return (
    <Card padding="lg" data-testid="loans">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} fz="h4">
          {t('advances.loans.title')}
        </Title>
        {hasRole('admin', 'staff') && (
          <Button variant="light" onClick={() => setGranting(true)} data-testid="loan-grant">
            {t('advances.loans.grant')}
          </Button>
        )}
      </Group>
      {loans.isError && <ErrorAlert error={loans.error} />}
      {loans.data?.length === 0 && <Text c="dimmed">{t('advances.loans.empty')}</Text>}
      <Stack gap="lg">
        {loans.data?.map((loan) => <LoanSchedule key={loan.id} loan={loan} />)}
      </Stack>
      <Modal opened={granting} onClose={() => setGranting(false)} title={t('advances.loans.grant')}>
        {granting && <GrantLoanForm onDone={() => setGranting(false)} />}
      </Modal>
    </Card>
  );
}

function LoanSchedule({ loan }: { loan: LoanData }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Stack gap={4} data-testid={`loan-${loan.id}`}>
      <Text fw={500}>
        {loan.activityName} — {t(`advances.loans.kinds.${loan.kind}`)}
      </Text>
      <Text size="sm" c="dimmed">
        {t('advances.loans.summary', { principal: fmt.money(loan.principalCents), rate: loan.rateBp / 100, count: loan.installmentCount, outstanding: fmt.money(loan.outstandingCents) })}
      </Text>
      <Table.ScrollContainer minWidth={0}>
        <Table verticalSpacing={4} aria-label={t('advances.loans.schedule')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('advances.loans.month')}</Table.Th>
              <Table.Th ta="right">{t('advances.loans.principalPart')}</Table.Th>
              <Table.Th ta="right">{t('advances.loans.interest')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {loan.installments.map((i) => (
              <Table.Tr key={i.seq}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{fmt.date(i.dueDate, { month: 'short', year: 'numeric' })}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {fmt.money(i.principalCents)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {fmt.money(i.interestCents)}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c={i.posted ? 'teal' : 'dimmed'}>
                    {i.posted ? t('advances.loans.posted') : t('advances.loans.due')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

const thisMonth = () => new Date().toISOString().slice(0, 7);
const today = () => new Date().toISOString().slice(0, 10);

function GrantLoanForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const activities = useActivityOptions({ status: 'active' });
  const grant = useGrantLoan();
  const [activityId, setActivityId] = useState<string | null>(null);
  const [kind, setKind] = useState<(typeof LOAN_KINDS)[number]>('treasury');
  const [principal, setPrincipal] = useState<number | string>('');
  const [rate, setRate] = useState<number | string>(0);
  const [count, setCount] = useState<number | string>(12);
  const [startMonth, setStartMonth] = useState(thisMonth());
  const [grantDate, setGrantDate] = useState(today());
  const [note, setNote] = useState('');
  const submit = () =>
    grant.mutate(
      {
        activityId: activityId ?? '',
        kind,
        principalCents: Math.round(Number(principal) * 100),
        rateBp: Math.round(Number(rate) * 100),
        installmentCount: Number(count),
        startMonth,
        grantDate,
        note: note || undefined,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('advances.loans.granted') });
          onDone();
        },
      },
    );
  return (
    <Stack>
      {grant.isError && <ErrorAlert error={grant.error} />}
      <Select
        label={t('advances.loans.activity')}
        data={(activities.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.name}` }))}
        value={activityId}
        onChange={setActivityId}
        searchable
        required
      />
      <Select label={t('advances.loans.kind')} data={LOAN_KINDS.map((k) => ({ value: k, label: t(`advances.loans.kinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as typeof kind)} allowDeselect={false} />
      <NumberInput label={t('advances.loans.principal')} value={principal} onChange={setPrincipal} min={1} max={1_000_000} decimalScale={2} required />
      <NumberInput label={t('advances.loans.rate')} value={rate} onChange={setRate} min={0} max={20} decimalScale={2} />
      <NumberInput label={t('advances.loans.installments')} value={count} onChange={setCount} min={1} max={120} allowDecimal={false} />
      <TextInput label={t('advances.loans.startMonth')} value={startMonth} onChange={(e) => setStartMonth(e.currentTarget.value)} placeholder="2027-01" />
      <DateField label={t('advances.loans.grantDate')} value={grantDate} onChange={setGrantDate} />
      <TextInput label={t('advances.loans.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={1000} />
      <Button onClick={submit} loading={grant.isPending}>
        {t('advances.loans.submit')}
      </Button>
    </Stack>
  );
}
