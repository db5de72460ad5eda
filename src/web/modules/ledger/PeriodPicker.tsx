import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Period } from './use-ledger';
import { DateField } from '../../components/DateField';

/** The two dates of a ledger period; an empty or reversed period shows under the field. */
export function PeriodPicker({ period, onChange, children }: { period: Period; onChange: (name: keyof Period, value: string) => void; children?: React.ReactNode }) {
  const { t } = useTranslation();
  const reversed = period.from && period.to && period.to < period.from;
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
      <DateField
        label={t('ledger.period.from')}
        value={period.from}
        onChange={(day) => onChange('from', day)}
        required
        data-testid="ledger-period-from"
      />
      <DateField
        label={t('ledger.period.to')}
        value={period.to}
        onChange={(day) => onChange('to', day)}
        error={reversed ? t('ledger.period.reversed') : undefined}
        required
        data-testid="ledger-period-to"
      />
      {children}
    </SimpleGrid>
  );
}

/** Whether the period can be asked for. */
export const isValidPeriod = (p: Period) => Boolean(p.from && p.to && p.from <= p.to);
