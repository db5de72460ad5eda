// The clients module's front door: its pages for the route table, and the client search other forms use.
export { default as ClientDetailPage } from './ClientDetailPage';
export { default as ClientsPage } from './ClientsPage';
export { useClients } from './use-clients';
