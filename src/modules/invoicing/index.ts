export { createCreditNote } from './create-credit-note.js';
export { createDraftInvoice, deleteDraftInvoice, updateDraftInvoice } from './draft-invoices.js';
export { getInvoice } from './get-invoice.js';
export { listInvoices } from './list-invoices.js';
export { invoiceRoutes } from './routes.js';
export { validateInvoice } from './validate-invoice.js';
export { applyPaymentToInvoice, paymentOnInvoiceErrors, type AppliedPayment } from './apply-payment.js';
export { openInvoices, type OpenInvoiceRow } from './open-invoices.js';
