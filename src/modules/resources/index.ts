// Shared resources (desks, rooms, vans, equipment): catalogue, booking rules, bookings and
// availability. Plans pay bookings through the BookingCharges port wired by server.ts;
// feeds, occupancy and billing read bookings through the two list functions.
export { resourceRoutes, type ResourceRouteOptions } from './routes.js';
export type { BookingCharges, BookingToCharge, BookingCharge } from './booking-charges.js';
export { listChargeableBookings, type ChargeableBooking } from './list-chargeable-bookings.js';
export { listBookingsInRange, type BookingInRange } from './list-bookings-in-range.js';
// Catalogue and booking operations, for the demo seed and other composition code.
export { createSite } from './manage-sites.js';
export { createResource } from './manage-resources.js';
export { setBookingRules } from './set-booking-rules.js';
export { addUnavailability } from './manage-unavailabilities.js';
export { bookResource } from './book-resource.js';
export { joinWaitlist } from './join-waitlist.js';
export { payPerUse } from './booking-charges.js';
export { checkIn } from './check-in.js';
export { markNoShows } from './mark-no-shows.js';
export { recordHandover } from './record-handover.js';
export { addHandoverPhoto } from './add-handover-photo.js';
// Wall-clock time in a site's zone (feeds, seeds and occupancy read times as the site does).
export { addDays as addLocalDays, fromLocal, toLocal, weekdayOf } from './domain/zoned-time.js';
