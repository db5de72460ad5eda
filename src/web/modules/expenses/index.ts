// The expenses module's front door: its pages for the route table.
export { default as ExpenseReportsPage } from './ExpenseReportsPage';
export { default as ExpenseReportPage } from './ExpenseReportPage';
export { default as SpendingCategoriesPage } from './SpendingCategoriesPage';
// The spending categories, for the purchases module's lines (a supplier invoice line names one).
export { useSpendingCategories } from './use-expenses';
