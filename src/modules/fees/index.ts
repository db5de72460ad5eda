// Member fees (monthly billing on the coop's own funds) and their SEPA direct debits.
// The composition root mounts the routes, runs the monthly job and the pre-notifications;
// the bank-statement matcher records what the bank did with each debit.
export { feeRoutes } from './routes.js';
export { BILL_MONTHLY_FEES, billMonthlyFeesJob, queueMonthlyFeeRuns, scheduleFees } from './schedule-fees.js';
export { billMonthlyFees } from './bill-monthly-fees.js';
export { PRENOTIFY_COLLECTION, prenotifyCollectionJob } from './collections.js';
export { markFeePaid, recordDebitOutcome, type DebitOutcome } from './settle-debit.js';
export { feesMatcher } from './match-debit-lines.js';
export { createMandate } from './mandates.js';
export { listFees } from './list-fees.js';
export { updateFeeSettings } from './fee-settings.js';
export { feesBilledToUser } from './fees-billed.js';
// The plans module invoices members their resources as fees of another kind (same series kind, debit, settlement).
export { billMemberCharge, type BilledMemberCharge, type MemberCharge } from './bill-member-charge.js';
/** The most one fee or member charge document may carry, excl. VAT: a resources run cuts a larger month under it. */
export { MAX_FEE_CENTS } from './domain/fee-amounts.js';
