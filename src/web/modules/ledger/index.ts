// The ledger module's front door: its pages for the route table.
export { default as GeneralLedgerPage } from './GeneralLedgerPage';
export { default as TrialBalancePage } from './TrialBalancePage';
