// The dunning module's front door: its page for the route table, its card on the coop settings
// page, and its cards on the invoice and client pages.
export { default as DunningPage } from './DunningPage';
export { DunningSettingsCard } from './DunningSettingsCard';
export { DunningOfClient, DunningOfInvoice } from './DunningOfInvoice';
