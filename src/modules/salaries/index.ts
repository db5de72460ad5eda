export { pendingSalaryCents } from './pending-salary-cents.js';
export { salaryRoutes } from './routes.js';
