import { Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { PHONE_QUERY } from '../../components/ListTable';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { scaledToInput, useUnitLabel } from '../documents';
import { useFormat } from '../../lib/format';
import type { QuoteData } from './use-quotes';

type Line = QuoteData['lines'][number];

/**
 * The lines of a quote as the client reads them: sections as headings, then each line and its
 * total. On a phone each line is a card of its own, so the client never scrolls sideways inside
 * what they are asked to sign.
 */
export function QuoteLinesTable({ lines }: { lines: readonly Line[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const unitLabel = useUnitLabel();
  const phone = useMediaQuery(PHONE_QUERY);
  const discount = (l: Line) =>
    l.discountBp != null ? `${scaledToInput(l.discountBp, 2, fmt.lang)} %` : l.discountCents != null ? fmt.money(l.discountCents) : '';
  const vat = (l: Line) => t(`quotes.vat.${l.vatCategory}_${l.vatRateBp}`, { defaultValue: `${l.vatRateBp / 100} %` });
  const quantity = (l: Line) => `${scaledToInput(l.quantityMilli, 3, fmt.lang)} ${unitLabel(l.unit, l.quantityMilli)}`;
  if (phone) {
    return (
      <Stack gap="xs" data-testid="quote-lines">
        {lines.map((l) => (
          <Fragment key={l.position}>
            {l.sectionTitle && (
              <Text fw={700} size="sm" mt="xs">
                {l.sectionTitle}
              </Text>
            )}
            <Paper withBorder p="sm" data-testid={`quote-line-card-${l.position}`}>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {l.description}
              </Text>
              {l.exemptionReason && (
                <Text size="xs" c="dimmed">
                  {l.exemptionReason}
                </Text>
              )}
              <Group justify="space-between" align="flex-end" gap="xs" mt={4} wrap="nowrap">
                <Text size="xs" c="dimmed" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                  {quantity(l)} × {fmt.money(l.unitPriceCents)}
                  {discount(l) && ` · ${t('quotes.fields.discountKind')} ${discount(l)}`}
                  {` · ${t('quotes.fields.vat')} ${vat(l)}`}
                </Text>
                <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {fmt.money(l.netCents)}
                </Text>
              </Group>
            </Paper>
          </Fragment>
        ))}
      </Stack>
    );
  }
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
                <Table.Td ta="right">{quantity(l)}</Table.Td>
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
