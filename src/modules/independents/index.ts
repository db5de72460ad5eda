// What other modules and the composition root use of the independents (performance-centre) model.
export { independentsRoutes } from './routes.js';
export { checkIndependence, checkIndependenceOfCoop, independenceOf } from './check-independence.js';
export { generateMemberInvoice, uploadMemberInvoice } from './create-member-invoice.js';
export { markMemberInvoicePaid, validateMemberInvoice } from './validate-member-invoice.js';
export { updateIndependentsSettings } from './independents-settings.js';
export { CHECK_THRESHOLDS, checkThresholdsJob, queueDailyRuns, scheduleIndependents } from './schedule-independents.js';
export { listMemberInvoices } from './list-member-invoices.js';
export {
  listMemberInvoicePayables,
  markMemberInvoicePaidBy,
  reverseMemberInvoicePayment,
} from './member-invoice-payables.js';
export { jobSharesOf } from './job-shares.js';
