// The treasury module's front door: its pages for the route table, its card and chart for the
// activity's page, and the member's money for the dashboard.
export { default as ActivityTreasuryPage } from './ActivityTreasuryPage';
export { default as CoopTreasuryPage } from './CoopTreasuryPage';
export { MyMoney } from './MyMoney';
export { TreasuryCard } from './TreasuryCard';
export { TreasuryChart } from './TreasuryChart';
