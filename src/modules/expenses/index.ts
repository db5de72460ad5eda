// What other modules and the composition root use of expenses: the spending categories
// (expense lines and supplier invoice lines name one) and the routes.
export { expenseRoutes } from './routes.js';
export { listSpendingCategories } from './list-spending-categories.js';
export { spendingCategoryOf } from './spending-category-of.js';
export type { SpendingCategory } from './contract.js';
