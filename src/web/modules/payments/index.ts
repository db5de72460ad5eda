// The payments module's front door: its page for the route table, and the allocation of a
// payment to open invoices that the bank reconciliation reuses.
export { AllocationsEditor, allocatedCents, allocationsOf, textsOf } from './AllocationsEditor';
export { prefillAllocations } from './money';
export { default as PaymentsPage } from './PaymentsPage';
export { PAYMENT_MODES } from './RecordPaymentForm';
export { useOpenInvoices } from './use-payments';
export { InvoicePaymentsCard } from './InvoicePaymentsCard';
