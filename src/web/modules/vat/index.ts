// The VAT module's front door: its page for the route table, and the card of the settings page.
export { default as VatSummaryPage } from './VatSummaryPage';
export { VatSettingsCard } from './VatSettingsCard';
