// The quotes module's front door: its pages for the route table (the client portal included),
// and its card on the coop settings page.
export { default as PortalQuotePage } from './PortalQuotePage';
export { default as QuoteDetailPage } from './QuoteDetailPage';
export { default as QuoteEditorPage } from './QuoteEditorPage';
export { default as QuotesPage } from './QuotesPage';
export { QuotesSettingsCard } from './QuotesSettingsCard';
export { QuoteOfInvoiceLink } from './QuoteOfInvoiceLink';
export { ClientQuotesCard } from './ClientQuotesCard';
