// The workclubs module's front door: its pages for the route table.
export { default as WorkclubsPage } from './WorkclubsPage';
export { default as WorkclubGroupPage } from './WorkclubGroupPage';
export { default as GuestWorkclubPage } from './GuestWorkclubPage';
