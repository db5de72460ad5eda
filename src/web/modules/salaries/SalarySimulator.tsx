import { Button, Card, Group, NumberInput, SegmentedControl, Slider, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SIMULATED_CENTS, MAX_SMOOTHING_MONTHS, MIN_SMOOTHING_MONTHS, simulateFromNet, simulateFromRevenue, smoothSalary, type SalaryRates } from '../../../modules/salaries/contract';
import type { SalaryOverview } from '../../../modules/salaries/contract';
import type { Wire } from '../../lib/wire';
import { centsOfEuros, useSalaryFormat } from './salary-format';

const euroInput = (lang: string) => ({ min: 0, max: MAX_SIMULATED_CENTS / 100, decimalScale: 2, suffix: ' €', decimalSeparator: lang === 'fr' ? ',' : '.', thousandSeparator: lang === 'fr' ? '\u202f' : ',' }) as const;

/**
 * The simulator, live in the browser with the very rules the server books (the pure functions
 * of the salaries contract): from revenue to net, or from the net wanted back to the revenue to
 * invoice. Flat rates: an estimate, not a payslip.
 */
export function SalarySimulator({ rates, onUseGross }: { rates: SalaryRates; onUseGross?: (grossCents: number) => void }) {
  const { t } = useTranslation();
  const { money, rate, lang } = useSalaryFormat();
  const [direction, setDirection] = useState<'revenue' | 'net'>('revenue');
  const [amount, setAmount] = useState<number | string>(direction === 'revenue' ? 3000 : 1800);
  const cents = Math.min(centsOfEuros(amount), MAX_SIMULATED_CENTS);
  const result = direction === 'revenue' ? simulateFromRevenue(cents, rates) : simulateFromNet(cents, rates);
  const row = (label: string, value: number, testId: string, strong = false) => (
    <Table.Tr>
      <Table.Td>{strong ? <b>{label}</b> : label}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid={testId}>
        {strong ? <b>{money(value)}</b> : money(value)}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Card padding="lg" component="section" aria-labelledby="salary-simulator-title">
      <Title order={2} fz="h4" mb="sm" id="salary-simulator-title">
        {t('salaries.simulator.title')}
      </Title>
      <Stack gap="sm">
        <SegmentedControl
          value={direction}
          onChange={(v) => {
            setDirection(v as 'revenue' | 'net');
            setAmount(v === 'revenue' ? 3000 : 1800);
          }}
          data={[
            { value: 'revenue', label: t('salaries.simulator.fromRevenue') },
            { value: 'net', label: t('salaries.simulator.fromNet') },
          ]}
          fullWidth
          // Two long choices share a phone's width: each wraps rather than being cut.
          styles={{ label: { whiteSpace: 'normal', lineHeight: 1.3 } }}
          data-testid="simulator-direction"
        />
        <NumberInput
          label={direction === 'revenue' ? t('salaries.simulator.revenue') : t('salaries.simulator.net')}
          value={amount}
          onChange={setAmount}
          {...euroInput(lang)}
          data-testid="simulator-amount"
        />
        {result ? (
          <Table withRowBorders={false} verticalSpacing={4} data-testid="simulator-result">
            <Table.Tbody>
              {direction === 'net' && row(t('salaries.simulator.toInvoice'), result.revenueCents, 'sim-revenue', true)}
              {row(t('salaries.simulator.contribution', { rate: rate(rates.contributionRateBp) }), result.contributionCents, 'sim-contribution')}
              {row(t('salaries.simulator.left'), result.leftCents, 'sim-left')}
              {row(t('salaries.simulator.employerContributions', { rate: rate(rates.employerRateBp) }), result.employerContributionsCents, 'sim-employer-contributions')}
              {row(t('salaries.simulator.employerCost'), result.employerCostCents, 'sim-employer-cost')}
              {row(t('salaries.simulator.gross'), result.grossCents, 'sim-gross', true)}
              {row(t('salaries.simulator.employeeContributions', { rate: rate(rates.employeeRateBp) }), result.employeeContributionsCents, 'sim-employee-contributions')}
              {row(t('salaries.simulator.netResult'), result.netCents, 'sim-net', true)}
            </Table.Tbody>
          </Table>
        ) : (
          <Text c="red" size="sm">
            {t('salaries.simulator.unreachable')}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('salaries.flatRatesNote')}
        </Text>
        {onUseGross && result && result.grossCents > 0 && (
          <Group justify="flex-end">
            <Button variant="light" onClick={() => onUseGross(result.grossCents)} data-testid="simulator-use-gross">
              {t('salaries.simulator.useGross')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** A constant monthly gross over 1–12 months, from the treasury and the accepted quotes left to invoice. */
export function SalarySmoothing({ overview, onUseGross }: { overview: Wire<SalaryOverview>; onUseGross?: (grossCents: number) => void }) {
  const { t } = useTranslation();
  const { money } = useSalaryFormat();
  const [months, setMonths] = useState(3);
  const proposal = smoothSalary({ availableCents: overview.availableCents, pipelineNetCents: overview.pipeline.map((q) => q.leftToInvoiceNetCents), months, rates: overview.rates });
  return (
    <Card padding="lg" component="section" aria-labelledby="salary-smoothing-title">
      <Title order={2} fz="h4" mb="xs" id="salary-smoothing-title">
        {t('salaries.smoothing.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('salaries.smoothing.intro', { pipeline: money(proposal.pipelineNetCents) })}
        </Text>
        <Text size="sm" fw={500}>
          {t('salaries.smoothing.monthsValue', { count: months })}
        </Text>
        <Slider value={months} onChange={setMonths} min={MIN_SMOOTHING_MONTHS} max={MAX_SMOOTHING_MONTHS} step={1} marks={[{ value: 1, label: '1' }, { value: 6, label: '6' }, { value: 12, label: '12' }]} mb="md" aria-label={t('salaries.smoothing.months')} data-testid="smoothing-months" />
        <Group justify="space-between" wrap="wrap">
          <Text>{t('salaries.smoothing.monthly')}</Text>
          <Text fw={700} data-testid="smoothing-gross">
            {money(proposal.monthly.grossCents)}
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          {t('salaries.smoothing.monthlyNet', { net: money(proposal.monthly.netCents), cost: money(proposal.monthly.employerCostCents) })}
        </Text>
        <Text size="sm">{t('salaries.smoothing.coveredNow', { count: proposal.monthsCoveredNow })}</Text>
        <Text size="sm" fw={500}>
          {t('salaries.smoothing.pipeline')}
        </Text>
        {overview.pipeline.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('salaries.smoothing.noPipeline')}
          </Text>
        ) : (
          <Stack gap={2}>
            {overview.pipeline.map((q) => (
              <Group key={q.quoteId} justify="space-between" wrap="nowrap">
                <Text size="sm" truncate>
                  {q.number ?? '—'} · {q.clientName}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {money(q.leftToInvoiceNetCents)}
                </Text>
              </Group>
            ))}
          </Stack>
        )}
        {onUseGross && proposal.monthly.grossCents > 0 && (
          <Group justify="flex-end">
            <Button variant="light" onClick={() => onUseGross(proposal.monthly.grossCents)} data-testid="smoothing-use-gross">
              {t('salaries.simulator.useGross')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}
