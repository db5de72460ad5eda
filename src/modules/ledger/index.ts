export { accountBalances, activityBalance, trialBalance, type BalanceFilter } from './balances.js';
export { ensureChartOfAccounts } from './ensure-chart-of-accounts.js';
export { closeFiscalYear, openFiscalYear } from './fiscal-years-service.js';
export { generalLedger, type GeneralLedgerFilter } from './general-ledger.js';
export { postEntry, reverseEntry, type NewEntry } from './post-entry.js';
export { ledgerRoutes } from './routes.js';
