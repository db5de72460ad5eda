// The salaries module's front door: its pages for the route table and its card on the coop settings page.
export { default as SalaryPage } from './SalaryPage';
export { default as SalaryRequestsPage } from './SalaryRequestsPage';
export { SalarySettingsCard } from './SalarySettingsCard';
