import { Group, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { centsToEurosText, eurosTextToCents } from './money';
import type { OpenInvoiceData } from './use-payments';

interface AllocationsEditorProps {
  invoices: OpenInvoiceData[];
  /** The amount typed for each invoice id, as text ("" = nothing on it). */
  values: Record<string, string>;
  onChange: (invoiceId: string, text: string) => void;
  /** The payment's amount, to show what stays as the client's credit. */
  amountCents: number | null;
  /** Shows the client of each invoice (when several clients are listed). */
  showClient?: boolean;
  errors?: Record<string, string | undefined>;
}

/** What each open invoice receives from a payment, editable, and what stays on the client's account. */
export function AllocationsEditor({ invoices, values, onChange, amountCents, showClient, errors }: AllocationsEditorProps) {
  const { t } = useTranslation();
  const { money, date } = useFormat();
  const allocated = allocatedCents(values);
  const credit = amountCents === null || allocated === null ? null : amountCents - allocated;
  if (invoices.length === 0) return <Text c="dimmed" size="sm">{t('payments.form.noOpenInvoices')}</Text>;
  return (
    <>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing="xs" data-testid="allocations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.columns.invoice')}</Table.Th>
              {showClient && <Table.Th>{t('payments.columns.client')}</Table.Th>}
              <Table.Th>{t('payments.columns.dueDate')}</Table.Th>
              <Table.Th ta="right">{t('payments.columns.amountLeft')}</Table.Th>
              <Table.Th ta="right">{t('payments.columns.allocated')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {invoices.map((invoice) => (
              <Table.Tr key={invoice.id} data-testid={`allocation-row-${invoice.number}`}>
                <Table.Td ff="monospace">{invoice.number}</Table.Td>
                {showClient && <Table.Td>{invoice.clientName}</Table.Td>}
                <Table.Td>{date(invoice.dueDate)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>{money(invoice.amountLeftCents)}</Table.Td>
                <Table.Td ta="right">
                  <TextInput
                    aria-label={t('payments.form.allocationFor', { number: invoice.number })}
                    value={values[invoice.id] ?? ''}
                    onChange={(e) => onChange(invoice.id, e.currentTarget.value)}
                    inputMode="decimal"
                    w={120}
                    ml="auto"
                    error={errors?.[invoice.id]}
                    data-testid={`allocation-${invoice.number}`}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="flex-end" gap="lg">
        <Text size="sm">
          {t('payments.form.allocatedTotal')} : <b>{allocated === null ? '—' : money(allocated)}</b>
        </Text>
        <Text size="sm" c={credit !== null && credit < 0 ? 'red' : undefined} data-testid="allocation-credit">
          {t('payments.form.clientCredit')} : <b>{credit === null ? '—' : money(credit)}</b>
        </Text>
      </Group>
    </>
  );
}

/** The total typed, or null while one of the amounts is not readable. */
export function allocatedCents(values: Record<string, string>): number | null {
  let total = 0;
  for (const text of Object.values(values)) {
    if (!text.trim()) continue;
    const cents = eurosTextToCents(text);
    if (cents === null) return null;
    total += cents;
  }
  return total;
}

/** The allocations to send: every invoice with an amount above zero. */
export function allocationsOf(values: Record<string, string>): { invoiceId: string; amountCents: number }[] {
  return Object.entries(values)
    .map(([invoiceId, text]) => ({ invoiceId, amountCents: text.trim() ? (eurosTextToCents(text) ?? 0) : 0 }))
    .filter((a) => a.amountCents > 0);
}

export const textsOf = (cents: Record<string, number>): Record<string, string> =>
  Object.fromEntries(Object.entries(cents).map(([id, c]) => [id, c > 0 ? centsToEurosText(c) : '']));
