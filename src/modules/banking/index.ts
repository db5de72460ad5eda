export { importStatement, type UploadedStatementFile } from './import-statement.js';
export { getStatement, getStatementLine, listStatements } from './list-statements.js';
export { openStatementFile, type StatementFile } from './statement-file.js';
export { confirmBankLine, ignoreBankLine, restoreBankLine } from './reconcile-line.js';
export { confirmRecordedReceipt } from './confirm-recorded-receipt.js';
export { unmatchBankLine } from './unmatch-bank-line.js';
export { bankRoutes } from './routes.js';
export { ensureDefaultBankAccount } from './ensure-default-bank-account.js';
export { bankLineSummaries, statementSummaries, type BankLineSummary, type StatementSummary } from './bank-record-summaries.js';
