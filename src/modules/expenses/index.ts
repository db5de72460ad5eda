// What other modules and the composition root use of expenses: the spending categories
// (expense lines and supplier invoice lines name one), the payable source of the payouts
// module (validated reports to refund) and the routes.
export { expenseRoutes } from './routes.js';
export { listSpendingCategories } from './list-spending-categories.js';
export { spendingCategoryOf } from './spending-category-of.js';
export type { SpendingCategory } from './contract.js';
export { listPayables } from './list-payables.js';
export { markPaid } from './pay-expense-report.js';
export { listExpenseReports } from './list-expense-reports.js';
// The operations of a report, for the demo's story (the routes call the same).
export { createExpenseReport } from './create-expense-report.js';
export { addExpenseLine } from './add-expense-line.js';
export { attachReceipt } from './attach-receipt.js';
export { submitExpenseReport } from './submit-expense-report.js';
export { validateExpenseReport } from './validate-expense-report.js';
export { markExpenseReportPaid } from './pay-expense-report.js';
