import type { BookingCharges } from '../resources/index.js';
import { chargeBooking } from './charge-booking.js';
import { releaseBooking } from './release-booking.js';

/** The `BookingCharges` port the composition root hands to the resources routes. */
export const planBookingCharges: BookingCharges = { charge: chargeBooking, release: releaseBooking };
