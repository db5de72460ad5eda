// Plans (formules), their passes and credits, and the monthly billing of resources.
// The composition root mounts the routes, hands `planBookingCharges` to the resources routes
// (resources never imports plans) and runs the monthly billing job.
export { planRoutes } from './routes.js';
export { planBookingCharges } from './booking-charges.js';
export { chargeBooking } from './charge-booking.js';
export { releaseBooking } from './release-booking.js';
export { billResourceMonth, type ChargeableBookingsOf } from './bill-resource-month.js';
export { BILL_RESOURCE_MONTH, billResourceMonthJob, queueResourceBillingRuns, scheduleResourceBilling } from './schedule-resource-billing.js';
// Used by the demo seed: the same operations the routes run.
export { createPlan } from './create-plan.js';
export { subscribeMember } from './subscribe-member.js';
