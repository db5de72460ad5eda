import { BarChart } from '@mantine/charts';
import { Card, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFormat } from '../../lib/format';
import { useTreasuryMonths } from './use-treasury';

/** Invoiced, collected and charges of the last twelve months, month names in the app's language. */
export function TreasuryChart({ activityId }: { activityId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const months = useTreasuryMonths(activityId);
  const data = (months.data?.months ?? []).map((m) => ({
    month: fmt.date(m.month, { month: 'short', year: '2-digit' }),
    invoiced: m.invoicedCents / 100,
    collected: m.collectedCents / 100,
    charges: m.chargesCents / 100,
  }));
  const empty = months.data !== undefined && months.data.months.every((m) => m.invoicedCents === 0 && m.collectedCents === 0 && m.chargesCents === 0);
  return (
    <Card padding="lg" data-testid="treasury-chart">
      <Title order={2} fz="h4" mb="md">
        {t('treasury.chart.title')}
      </Title>
      {months.isError && <ErrorAlert error={months.error} />}
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('treasury.chart.empty')}
        </Text>
      ) : (
        <BarChart
          h={260}
          data={data}
          dataKey="month"
          withLegend
          legendProps={{ verticalAlign: 'bottom' }}
          valueFormatter={(euros) => fmt.money(Math.round(euros * 100))}
          series={[
            { name: 'invoiced', label: t('treasury.chart.invoiced'), color: 'indigo.6' },
            { name: 'collected', label: t('treasury.chart.collected'), color: 'teal.6' },
            { name: 'charges', label: t('treasury.chart.charges'), color: 'orange.5' },
          ]}
          tickLine="y"
          yAxisProps={{ width: 80 }}
          aria-label={t('treasury.chart.title')}
        />
      )}
    </Card>
  );
}
