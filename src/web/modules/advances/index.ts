// The advances module's front door: its page for the route table, and its card on the invoice page.
export { default as AdvancesPage } from './AdvancesPage';
export { InvoiceAdvanceCard } from './InvoiceAdvanceCard';
