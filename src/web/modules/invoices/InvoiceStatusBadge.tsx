import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isInvoiceOverdue } from '../../../modules/invoicing/domain/invoice-lifecycle';
import { type InvoiceSummaryData, todayIso } from './use-invoices';

const COLORS = { draft: 'gray', validated: 'blue', sent: 'indigo', partially_paid: 'yellow', paid: 'teal', overdue: 'red' } as const;

/** Overdue is not stored: it is derived from the due date and what is left, the same rule as the server's. */
export function displayStatusOf(invoice: InvoiceSummaryData, today = todayIso()): keyof typeof COLORS {
  if (invoice.kind !== 'credit_note' && isInvoiceOverdue(invoice, today)) return 'overdue';
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
