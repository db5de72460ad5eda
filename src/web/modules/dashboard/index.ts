// The dashboard module's front door: its page for the route table.
export { default as DashboardPage } from './DashboardPage';
