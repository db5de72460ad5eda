// The bank module's front door: its pages for the route table.
export { default as BankStatementsPage } from './BankStatementsPage';
export { default as ImportStatementPage } from './ImportStatementPage';
export { default as ReconciliationPage } from './ReconciliationPage';
export { default as BankAccountsPage } from './BankAccountsPage';
export { default as ReconciliationStatementPage } from './ReconciliationStatementPage';
