// The outbox module's front door: its page for the route table.
export { default as OutboxPage } from './OutboxPage';
