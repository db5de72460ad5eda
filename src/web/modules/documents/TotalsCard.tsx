import { Card, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import type { DocumentTotals } from '../../../modules/documents/contract';
import { vatLabelKey } from './line-form';

/** How a VAT group reads: the editor's label when it offers it, the bare rate otherwise. */
export function useVatText() {
  const { t } = useTranslation();
  return (category: string, rateBp: number) => {
    const key = vatLabelKey(category, rateBp);
    return key ? t(key) : `${category} ${rateBp / 100} %`;
  };
}

/** The VAT breakdown and totals, the same block on every document's editor and page. */
export function TotalsCard({ totals, extra }: { extra?: React.ReactNode; totals: Pick<DocumentTotals, 'taxBasisCents' | 'vatTotalCents' | 'grandTotalCents'> & { vatBreakdown: { vatCategory: string; vatRateBp: number; basisCents: number; vatCents: number }[] } }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const vatText = useVatText();
  return (
    <Card padding="lg" data-testid="invoice-totals">
      <Table.ScrollContainer minWidth={0}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoices.totals.rate')}</Table.Th>
              <Table.Th ta="right">{t('invoices.totals.basis')}</Table.Th>
              <Table.Th ta="right">{t('invoices.totals.vat')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {totals.vatBreakdown.map((g) => (
              <Table.Tr key={`${g.vatCategory}:${g.vatRateBp}`}>
                <Table.Td>{vatText(g.vatCategory, g.vatRateBp)}</Table.Td>
                <Table.Td ta="right">{fmt.money(g.basisCents)}</Table.Td>
                <Table.Td ta="right">{fmt.money(g.vatCents)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={2} mt="md" align="flex-end">
        <TotalLine label={t('invoices.totals.net')} value={fmt.money(totals.taxBasisCents)} testId="total-net" />
        <TotalLine label={t('invoices.totals.vatTotal')} value={fmt.money(totals.vatTotalCents)} testId="total-vat" />
        <TotalLine label={t('invoices.totals.gross')} value={fmt.money(totals.grandTotalCents)} testId="total-gross" strong />
        {extra}
      </Stack>
    </Card>
  );
}

export function TotalLine({ label, value, testId, strong }: { label: string; value: string; testId?: string; strong?: boolean }) {
  return (
    <Group gap="lg" justify="flex-end" wrap="nowrap">
      <Text fz={strong ? 'lg' : undefined}>{label}</Text>
      <Text fz={strong ? 'lg' : undefined} fw={700} miw={120} ta="right" data-testid={testId} style={{ whiteSpace: 'nowrap' }}>
        {value}
      </Text>
    </Group>
  );
}
