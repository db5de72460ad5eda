// The advances module's front door: its page for the route table, and its card on the invoice and quote pages.
export { default as AdvancesPage } from './AdvancesPage';
export { InvoiceAdvanceCard, QuoteAdvanceCard } from './InvoiceAdvanceCard';
