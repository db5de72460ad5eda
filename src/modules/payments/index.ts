export { getPayment, listPayments } from './list-payments.js';
export { recordPayment, recordPaymentIn, type RecordPaymentOptions } from './record-payment.js';
export { paymentRoutes } from './routes.js';
export type { RecordPaymentInput } from './contract.js';
