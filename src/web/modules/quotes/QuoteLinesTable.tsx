import { Table, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { scaledToInput, useUnitLabel } from '../documents';
import { useFormat } from '../../lib/format';
import type { QuoteData } from './use-quotes';

type Line = QuoteData['lines'][number];

/** The lines of a quote as the client reads them: sections as headings, then each line and its total. */
export function QuoteLinesTable({ lines }: { lines: readonly Line[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const unitLabel = useUnitLabel();
  const discount = (l: Line) =>
    l.discountBp != null ? `${scaledToInput(l.discountBp, 2, fmt.lang)} %` : l.discountCents != null ? fmt.money(l.discountCents) : '';
  const vat = (l: Line) => t(`quotes.vat.${l.vatCategory}_${l.vatRateBp}`, { defaultValue: `${l.vatRateBp / 100} %` });
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table verticalSpacing="xs" data-testid="quote-lines">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('quotes.fields.description')}</Table.Th>
            <Table.Th ta="right">{t('quotes.fields.quantity')}</Table.Th>
            <Table.Th ta="right">{t('quotes.fields.unitPrice')}</Table.Th>
            <Table.Th ta="right">{t('quotes.fields.discountKind')}</Table.Th>
            <Table.Th ta="right">{t('quotes.fields.vat')}</Table.Th>
            <Table.Th ta="right">{t('quotes.lineNet')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l) => (
            <Fragment key={l.position}>
              {l.sectionTitle && (
                <Table.Tr bg="var(--mantine-color-default-hover)">
                  <Table.Td colSpan={6}>
                    <Text fw={700} size="sm">
                      {l.sectionTitle}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              <Table.Tr>
                <Table.Td>
                  <Text size="sm">{l.description}</Text>
                  {l.exemptionReason && (
                    <Text size="xs" c="dimmed">
                      {l.exemptionReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {scaledToInput(l.quantityMilli, 3, fmt.lang)} {unitLabel(l.unit, l.quantityMilli)}
                </Table.Td>
                <Table.Td ta="right">{fmt.money(l.unitPriceCents)}</Table.Td>
                <Table.Td ta="right">{discount(l)}</Table.Td>
                <Table.Td ta="right">{vat(l)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {fmt.money(l.netCents)}
                </Table.Td>
              </Table.Tr>
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
