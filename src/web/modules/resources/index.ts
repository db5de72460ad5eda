// The resources module's front door: its page for the route table.
export { default as ResourcesPage } from './ResourcesPage';
