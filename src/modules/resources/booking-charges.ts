import type { Executor } from '../../platform/db/client.js';

/** A booking (or a check-in) to pay, handed to the plans module inside the booking's transaction. */
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

/** How a booking is paid: from the member's passes or credits, per use, or free. */
export interface BookingCharge {
  paidBy: 'allowance' | 'pay_per_use' | 'free';
  billableCents: number;
}

/**
 * The port the plans module implements (wired in src/server.ts). Resources know nothing of
 * plans: they ask this port how a booking is paid and tell it when one is cancelled.
 */
export interface BookingCharges {
  /** Inside the booking's transaction: pays the booking from the member's passes/credits, or leaves it to pay per use. */
  charge(tx: Executor, booking: BookingToCharge): Promise<BookingCharge>;
  /** Inside the cancellation's transaction: gives back what the booking consumed. */
  release(tx: Executor, ref: { coopId: string; bookingId: string }): Promise<void>;
  /** The plans a member holds now, for booking rules restricted to some plans (none when not wired). */
  planIdsOf?(tx: Executor, ref: { coopId: string; memberId: string; at: Date }): Promise<string[]>;
}

/** Without plans, every booking is paid per use at its price (a non-member's too: staff invoice them). */
export const payPerUse: BookingCharges = {
  charge: async (_tx, booking) => ({ paidBy: 'pay_per_use', billableCents: booking.priceCents }),
  release: async () => {},
};
