// What other modules use of VAT: invoicing asks where an invoice's VAT goes and lets it follow
// each payment and credit note; the composition root mounts the routes.
export { isVatOnReceipt } from './domain/vat-regime.js';
export { vatSettingsOf } from './vat-settings-of.js';
export { followVatOnReceipt, pendingVatOf, type InvoiceReceiptFacts } from './follow-vat-on-receipt.js';
export { vatRoutes } from './routes.js';
