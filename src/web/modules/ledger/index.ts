// The ledger module's front door: its pages for the route table.
export { default as GeneralLedgerPage } from './GeneralLedgerPage';
export { default as TrialBalancePage } from './TrialBalancePage';
// Where an entry's document opens, for the pages of other modules that list entries (the VAT return).
export { documentLink } from './document-links';
