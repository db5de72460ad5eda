export { countClients } from './count-clients.js';
export { createClient } from './create-client.js';
export { clientRoutes } from './routes.js';
export type { NewClient } from './contract.js';
