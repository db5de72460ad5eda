// The independents module's front door: its page for the route table, and the cards other pages show.
export { default as MemberInvoicesPage } from './MemberInvoicesPage';
export { IndependenceCard } from './IndependenceCard';
export { IndependentsSettingsCard } from './IndependentsSettingsCard';
