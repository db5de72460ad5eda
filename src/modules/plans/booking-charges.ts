import type { BookingChargesPort } from './booking-port.js';
import { chargeBooking } from './charge-booking.js';
import { releaseBooking } from './release-booking.js';

/** The `BookingCharges` port the composition root hands to the resources routes. */
export const planBookingCharges: BookingChargesPort = { charge: chargeBooking, release: releaseBooking };
