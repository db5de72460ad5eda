export { isClientInScope } from './client-access.js';
export { countClients } from './count-clients.js';
export { clientIdentityForDocument, clientIdsNamed, clientNames, type ClientDocumentIdentity } from './client-identity-for-document.js';
export { createClient } from './create-client.js';
export { clientRoutes } from './routes.js';
export type { NewClient } from './contract.js';
