export { dashboardRoutes, type DashboardRoutesOptions } from './routes.js';
