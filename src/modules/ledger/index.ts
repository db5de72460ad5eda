export { accountBalances, activityBalance, trialBalance, type BalanceFilter } from './balances.js';
export { ensureChartOfAccounts } from './ensure-chart-of-accounts.js';
export { closeFiscalYear, openFiscalYear } from './fiscal-years-service.js';
export { generalLedger, type GeneralLedgerFilter } from './general-ledger.js';
export { checkEntry, postCheckedEntry, postEntry, reverseEntry, type CheckedEntry, type NewEntry } from './post-entry.js';
export { ledgerRoutes } from './routes.js';
// The CSV dialect French spreadsheets read, shared with the other exports of the platform.
export { centsToFrenchDecimal, frenchDate, renderCsv } from './domain/csv.js';
// Named posting rules: operations of other modules build their entries with these, not with account numbers.
export {
  ACCOUNTS,
  bankDebitEntry,
  clearingEntry,
  commissionEntry,
  creditNoteEntry,
  DEDUCTIBLE_VAT_ACCOUNT,
  depositCreditNoteEntry,
  depositInvoiceEntry,
  JOURNALS,
  paymentEntry,
  rateOfVatLabel,
  salesEntry,
  vatLineLabel,
  vatOnReceiptEntry,
  vatSettlementEntry,
  type BankDebit,
  type Commission,
  type DeductedDeposits,
  type DepositAccount,
  type Posting,
  type Receipt,
  type Sale,
  type VatSettlement,
} from './domain/posting-rules.js';
export { accountLines, type AccountLine } from './account-lines.js';
export { openReceivableParts } from './receivable-parts.js';
export { splitReceipt, type ReceivablePart } from './domain/receivable-parts.js';
// A client's or supplier's own account (C00001, F00001) and what it holds, for their pages.
export { auxiliaryAccountBalance } from './auxiliary-accounts.js';
export { revenueByActivity } from './revenue-by-activity.js';
export { activityLinesAfterQuery, activityMonthlyGroupMovements, type AccountGroup } from './activity-group-balances.js';
export { openAccountIfMissing } from './open-account-if-missing.js';
export { openJournalIfMissing } from './open-journal-if-missing.js';
export { linesOfSources, periodLines, periodTotalsByLabel, type PeriodLine, type SourceLine } from './lines-by-label.js';
