// The contribution's front door on the web: its card on the coop settings page, its card on
// an activity, and its line under an invoice's totals.
export { ActivityContributionCard } from './ActivityContributionCard';
export { ContributionSettingsCard } from './ContributionSettingsCard';
export { InvoiceContributionLine } from './InvoiceContributionLine';
