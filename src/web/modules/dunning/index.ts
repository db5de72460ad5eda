// The dunning module's front door: its page for the route table, and its card on the coop settings page.
export { default as DunningPage } from './DunningPage';
export { DunningSettingsCard } from './DunningSettingsCard';
export { InvoiceMailsCard } from './InvoiceMailsCard';
