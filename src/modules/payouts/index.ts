// What other modules and the composition root use of the payouts (SEPA credit transfers).
export { payoutRoutes, type PayoutRoutesOptions } from './routes.js';
export { payoutMatcher } from './match-payout-lines.js';
export type { Payable, PayableSource, PayableSources } from './payable-sources.js';
export { countBatchesToApprove, countPayoutsToMake } from './count-payout-work.js';
