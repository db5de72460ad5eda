// What other modules use of invoicing: drafting and issuing invoices (quotes, the demo, tests),
// the open invoices and applying a payment (payments, banking, dunning), its routes (server).
export { createCreditNote } from './create-credit-note.js';
export { assertDocumentParties, createDraftInvoice } from './draft-invoices.js';
export { getInvoice } from './get-invoice.js';
export { listInvoices } from './list-invoices.js';
export { visibleInvoice } from './invoice-access.js';
export { invoiceRoutes } from './routes.js';
export { validateInvoice } from './validate-invoice.js';
export { submitInvoice } from './submit-invoice.js';
export { applyPaymentToInvoice, type AppliedPayment } from './apply-payment.js';
export { unapplyPaymentFromInvoice } from './unapply-payment.js';
export { openInvoices, type OpenInvoiceRow } from './open-invoices.js';
export { RENDER_ISSUED_FILES, renderIssuedFilesJob } from './render-issued-files-job.js';
export { invoiceNumbers, type InvoiceNumber } from './invoice-numbers.js';
export { invoiceCollections, type InvoiceCollection } from './invoice-collections.js';
// The guarantee fund (advances) reads an invoice it prefinances and what credit notes took off it.
export { creditedCentsOf } from './create-credit-note.js';
export type { InvoiceRow } from './schema.js';
