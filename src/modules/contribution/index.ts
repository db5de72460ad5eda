// What other modules use of the contribution: invoicing moves it as an invoice is validated,
// paid or credited, and shows it; the composition root mounts its routes and its monthly job.
export { settleContribution, type ContributionEvent, type InvoiceContributionFacts } from './settle-contribution.js';
export { reversePaymentContribution } from './reverse-payment-contribution.js';
export { contributionOfInvoice } from './contribution-of-invoice.js';
export { contributionRoutes } from './routes.js';
export { MONTHLY_FLOOR_JOB, monthlyFloorJob } from './monthly-floor-job.js';
// Costs in the contribution base (goods resold, subcontracting) lower the activity's contribution: expenses and purchases call these at validation and cancellation.
export { postContributionBaseDeduction, reverseContributionBaseDeduction, type BaseDeductionInput, type DeductionSource } from './post-contribution-base-deduction.js';
export { expectedContribution } from './expected-contribution.js';
