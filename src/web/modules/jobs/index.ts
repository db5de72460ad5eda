// The jobs module's front door: its pages for the route table, the job picker of the quote and
// invoice editors, and the card of the activity page.
export { default as JobsPage } from './JobsPage';
export { default as JobDetailPage } from './JobDetailPage';
export { ActivityJobsCard } from './ActivityJobsCard';
export { JobSelect } from './JobSelect';
