export { activityTreasury, type TreasuryOptions } from './activity-treasury.js';
export type { ActivityTreasury } from './contract.js';
export { treasuryRoutes } from './routes.js';
