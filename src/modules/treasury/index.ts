export { activityTreasury, type TreasuryOptions } from './activity-treasury.js';
export type { ActivityTreasury } from './contract.js';
