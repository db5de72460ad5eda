// The fees module's front door: its page for the route table, and its settings card.
export { default as MemberFeesPage } from './MemberFeesPage';
export { FeeSettingsCard } from './FeeSettingsCard';
