/**
 * A hot-desk booking nobody checked in for by the cutoff is a no-show: the desk goes back to
 * the pool for walk-ins and the coop counts it (occupancy, and the cancellation fee rules of
 * the plan). The cutoff is measured from the booking's start; `now` is an argument.
 */
export function isNoShow(booking: { status: string; startsAt: Date; checkedInAt: Date | null }, cutoffMinutes: number, now: Date): boolean {
  return booking.status === 'confirmed' && booking.checkedInAt === null && now.getTime() >= booking.startsAt.getTime() + cutoffMinutes * 60_000;
}

/** Kinds of resource a member checks in at (a desk); vans and equipment are handed over instead. */
export const checkInKinds = ['hot_desk', 'dedicated_desk'] as const;
export const handoverKinds = ['van', 'equipment'] as const;
