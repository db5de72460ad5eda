import { Button, Card, Checkbox, Group, NumberInput, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ENDOWMENT_SOURCES, type Fund, type FundSettingsBody } from '../../../modules/advances/contract';
import { DateField } from '../../components/DateField';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Page } from '../../components/Page';
import { useFormat } from '../../lib/format';
import { useSession } from '../../lib/session';
import { AdvancesList } from './AdvancesList';
import { LoansCard } from './LoansCard';
import { useEndowFund, useFund, useUpdateFundSettings } from './use-advances';

/**
 * The team and the accountant: the fund's position, its rules (admins change them), its
 * endowments, every advance and loan. A member: her activities' advances and loans.
 */
export default function AdvancesPage() {
  const { t } = useTranslation();
  const { hasRole } = useSession();
  const readsFund = hasRole('admin', 'staff', 'accountant');
  const fund = useFund(readsFund);
  return (
    <Page title={readsFund ? t('advances.title') : t('advances.myTitle')}>
      <Text c="dimmed" mt={-8}>
        {readsFund ? t('advances.intro') : t('advances.myIntro')}
      </Text>
      {readsFund && fund.isError && <ErrorAlert error={fund.error} />}
      {readsFund && fund.data && <PositionCard fund={fund.data} />}
      {hasRole('admin') && fund.data && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <SettingsCard settings={fund.data.settings} />
          <EndowCard />
        </SimpleGrid>
      )}
      <AdvancesList />
      <LoansCard />
    </Page>
  );
}

function PositionCard({ fund }: { fund: Fund }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const p = fund.position;
  const items: [string, number, string][] = [
    [t('advances.position.endowment'), p.endowmentCents, 'endowment'],
    [t('advances.position.fees'), p.feesEarnedCents, 'fees'],
    [t('advances.position.writtenOff'), p.writtenOffCents, 'written-off'],
    [t('advances.position.outstanding'), p.outstandingCents, 'outstanding'],
  ];
  return (
    <Card padding="lg" data-testid="fund-position">
      <Title order={2} fz="h4" mb="sm">
        {t('advances.position.title')}
      </Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }}>
        {items.map(([label, cents, id]) => (
          <Stack gap={0} key={id}>
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fw={500}>{fmt.money(cents)}</Text>
          </Stack>
        ))}
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('advances.position.available')}
          </Text>
          <Text fw={700} data-testid="fund-available">
            {fmt.money(p.availableCents)}
          </Text>
        </Stack>
      </SimpleGrid>
    </Card>
  );
}

/** Rates shown in %, amounts in euros; the API takes basis points and cents. */
function SettingsCard({ settings }: { settings: FundSettingsBody }) {
  const { t } = useTranslation();
  const update = useUpdateFundSettings();
  const [v, setV] = useState(settings);
  useEffect(() => setV(settings), [settings]);
  const pct = (key: 'feeRateBp' | 'ceilingRevenueShareBp' | 'maxInvoiceShareBp', max: number) => (
    <NumberInput label={t(`advances.settings.${key === 'feeRateBp' ? 'feeRate' : key === 'ceilingRevenueShareBp' ? 'ceilingShare' : 'maxInvoiceShare'}`)} value={v[key] / 100} onChange={(x) => setV({ ...v, [key]: Math.round(Number(x) * 100) })} min={0} max={max} decimalScale={2} />
  );
  const euros = (key: 'ceilingMaxCents' | 'minBalanceCents', label: string, max: number) => (
    <NumberInput label={label} value={v[key] / 100} onChange={(x) => setV({ ...v, [key]: Math.round(Number(x) * 100) })} min={0} max={max} decimalScale={2} thousandSeparator=" " />
  );
  return (
    <Card padding="lg" data-testid="fund-settings">
      <Title order={2} fz="h4" mb="sm">
        {t('advances.settings.title')}
      </Title>
      <Stack>
        {update.isError && <ErrorAlert error={update.error} />}
        {pct('feeRateBp', 20)}
        {pct('ceilingRevenueShareBp', 100)}
        {euros('ceilingMaxCents', t('advances.settings.ceilingMax'), 1_000_000)}
        {pct('maxInvoiceShareBp', 100)}
        {euros('minBalanceCents', t('advances.settings.minBalance'), 10_000_000)}
        <NumberInput label={t('advances.settings.writeOffAfter')} value={v.writeOffAfterDays} onChange={(x) => setV({ ...v, writeOffAfterDays: Number(x) })} min={30} max={730} allowDecimal={false} />
        <Checkbox
          label={t('advances.settings.quotesOnlineOnly')}
          description={t('advances.settings.quotesOnlineOnlyHint')}
          checked={v.quotesAcceptedOnlineOnly}
          onChange={(e) => setV({ ...v, quotesAcceptedOnlineOnly: e.currentTarget.checked })}
          data-testid="fund-quotes-online-only"
        />
        <Group>
          <Button onClick={() => update.mutate(v, { onSuccess: () => notifications.show({ color: 'teal', message: t('advances.settings.saved') }) })} loading={update.isPending}>
            {t('advances.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function EndowCard() {
  const { t } = useTranslation();
  const endow = useEndowFund();
  const [amount, setAmount] = useState<number | string>('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [source, setSource] = useState<(typeof ENDOWMENT_SOURCES)[number]>('reserves');
  const submit = () =>
    endow.mutate(
      { amountCents: Math.round(Number(amount) * 100), date, source },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('advances.endow.done') });
          setAmount('');
        },
      },
    );
  return (
    <Card padding="lg" data-testid="fund-endow">
      <Title order={2} fz="h4" mb="sm">
        {t('advances.endow.title')}
      </Title>
      <Stack>
        {endow.isError && <ErrorAlert error={endow.error} />}
        <NumberInput label={t('advances.endow.amount')} value={amount} onChange={setAmount} min={0.01} max={10_000_000} decimalScale={2} thousandSeparator=" " required />
        <DateField label={t('advances.endow.date')} value={date} onChange={setDate} />
        <Select
          label={t('advances.endow.source')}
          data={ENDOWMENT_SOURCES.map((s) => ({ value: s, label: t(`advances.endow.sources.${s}`) }))}
          value={source}
          onChange={(x) => x && setSource(x as typeof source)}
          allowDeselect={false}
        />
        <Group>
          <Button onClick={submit} loading={endow.isPending} disabled={!(Number(amount) > 0)}>
            {t('advances.endow.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
