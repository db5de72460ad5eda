/**
 * Where a new registration goes: confirmed while a place is left, otherwise at the end of the
 * waiting list. The counts must be read under the event's row lock (register-for-event.ts):
 * two registrations computed from the same counts would both take the last place.
 */
export type Placement = { status: 'confirmed'; waitingPosition: null } | { status: 'waiting'; waitingPosition: number };

export function placeRegistration(args: { capacity: number | null; confirmed: number; waiting: number }): Placement {
  if (args.capacity === null || args.confirmed < args.capacity) return { status: 'confirmed', waitingPosition: null };
  return { status: 'waiting', waitingPosition: args.waiting + 1 };
}

/** Places left, or null when the event takes as many as come. Never negative (capacity lowered below the confirmed). */
export function placesLeft(capacity: number | null, confirmed: number): number | null {
  return capacity === null ? null : Math.max(0, capacity - confirmed);
}

/**
 * Who leaves the waiting list when places free up (a cancellation, a capacity raised): the
 * first ones in order, as many as there are places. `waitingInOrder` is sorted by position.
 */
export function promotions(args: { capacity: number | null; confirmed: number; waitingInOrder: readonly string[] }): string[] {
  const free = args.capacity === null ? args.waitingInOrder.length : Math.max(0, args.capacity - args.confirmed);
  return args.waitingInOrder.slice(0, free);
}

/** The positions 1..k of those still waiting, in their order: no gap, no duplicate. */
export function renumberWaiting(waitingInOrder: readonly string[]): Map<string, number> {
  return new Map(waitingInOrder.map((id, i) => [id, i + 1]));
}
