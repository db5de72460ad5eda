// Shared resources (desks, rooms, vans, equipment): catalogue, booking rules, bookings and
// availability. Plans pay bookings through the BookingCharges port wired by server.ts;
// feeds, occupancy and billing read bookings through the two list functions.
export { resourceRoutes, type ResourceRouteOptions } from './routes.js';
export type { BookingCharges, BookingToCharge, BookingCharge } from './booking-charges.js';
export { listChargeableBookings, type ChargeableBooking } from './list-chargeable-bookings.js';
export { listBookingsInRange, type BookingInRange } from './list-bookings-in-range.js';
