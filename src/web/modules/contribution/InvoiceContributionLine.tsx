import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { InvoiceContribution } from '../../../modules/contribution/contract';
import { useFormat } from '../../lib/format';
import { TotalLine } from '../documents';
import { formatRate } from './amounts';

/** Under an invoice's totals: the cooperative contribution it bore, its rate and when it was taken. */
export function InvoiceContributionLine({ contribution }: { contribution: InvoiceContribution | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (!contribution) return null;
  const label = contribution.rateBp === null ? t('contribution.invoice.lineMixed') : t('contribution.invoice.line', { rate: formatRate(contribution.rateBp, fmt.lang) });
  return (
    <>
      <TotalLine label={label} value={fmt.money(contribution.amountCents)} testId="total-contribution" />
      <Text size="xs" c="dimmed" ta="right">
        {t(`contribution.invoice.hint.${contribution.basis}`)}
      </Text>
    </>
  );
}
