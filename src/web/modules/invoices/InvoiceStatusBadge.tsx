import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isInvoiceOverdue } from '../../../modules/invoicing/contract';
import { type InvoiceSummaryData, todayIso } from './use-invoices';

const COLORS = { draft: 'gray', validated: 'blue', sent: 'indigo', sending: 'gray', send_failed: 'orange', partially_paid: 'yellow', paid: 'teal', settled_by_credit: 'grape', overdue: 'red' } as const;

/**
 * Overdue is not stored: it is derived from the due date and what is left, the same rule as the
 * server's. A "paid" invoice whose money did not all come in was closed by a credit note: saying
 * "paid" would tell the member the client paid what they did not.
 */
export function displayStatusOf(invoice: InvoiceSummaryData, today = todayIso()): keyof typeof COLORS {
  if (invoice.kind !== 'credit_note' && isInvoiceOverdue(invoice, today)) return 'overdue';
  // "Sent" only once the mail left the outbox, never while it waits there or after it failed.
  if (invoice.status === 'sent' && invoice.lastMailStatus === 'queued') return 'sending';
  if (invoice.status === 'sent' && invoice.lastMailStatus === 'failed') return 'send_failed';
  if (invoice.kind !== 'credit_note' && invoice.status === 'paid' && invoice.paidCents < invoice.grossCents) return 'settled_by_credit';
  return invoice.status;
}

export function InvoiceStatusBadge({ invoice }: { invoice: InvoiceSummaryData }) {
  const { t } = useTranslation();
  const status = displayStatusOf(invoice);
  return (
    <Badge color={COLORS[status]} variant="light" data-testid="invoice-status">
      {t(`invoices.status.${status}`)}
    </Badge>
  );
}
