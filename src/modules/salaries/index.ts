export { pendingSalaryCents } from './pending-salary-cents.js';
export { requestSalary } from './request-salary.js';
export { salaryRoutes } from './routes.js';
export { validateSalary } from './validate-salary.js';
export { listSalaries } from './list-salaries.js';
export { listSalaryPayables, markSalaryPaid, reverseSalaryPayment } from './salary-payables.js';
