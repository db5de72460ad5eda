import type { Executor } from '../../platform/db/client.js';

/*
 * The shape of the resources module's `BookingCharges` port, which this module implements
 * (resources must not import plans: the composition root hands the implementation over).
 * Kept structurally identical to resources' own declaration.
 */
export interface BookingToCharge {
  coopId: string;
  bookingId: string;
  resourceId: string;
  resourceKind: string;
  memberId: string | null;
  activityId: string | null;
  startsAt: Date;
  endsAt: Date;
  priceCents: number;
  source: 'booking' | 'check_in';
}

export interface BookingCharge {
  paidBy: 'allowance' | 'pay_per_use' | 'free';
  billableCents: number;
}

export interface BookingChargesPort {
  charge(tx: Executor, booking: BookingToCharge): Promise<BookingCharge>;
  release(tx: Executor, booking: { coopId: string; bookingId: string }): Promise<void>;
}
