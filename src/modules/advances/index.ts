// The guarantee fund: advances (prefinancing) of members' invoices and loans to activities.
// Payments settle advances through settle/reopen; the composition root runs the loan job;
// the treasury reads the fund's position.
export { advanceRoutes } from './routes.js';
export { fundPosition } from './fund-position.js';
export { reopenAdvanceSettlementsOfPayment, settleAdvanceOfInvoice } from './settle-advance.js';
export { POST_LOAN_INSTALLMENT } from './grant-loan.js';
export { postLoanInstallmentJob } from './post-loan-installment.js';
export { endowFund } from './endow-fund.js';
export { requestAdvance } from './request-advance.js';
export { approveAdvance } from './approve-advance.js';
export { grantLoan } from './grant-loan.js';
export type { FundPosition } from './domain/fund-position.js';
export { listAdvances } from './list-advances.js';
