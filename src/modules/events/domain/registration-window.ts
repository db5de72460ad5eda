import type { EventStatus } from '../schema.js';

export type RegistrationProblem = 'EVENT_CANCELLED' | 'EVENT_DONE' | 'REGISTRATION_CLOSED';

/**
 * Whether one may still register at `now`: not for a cancelled or finished event, and not
 * once registrations closed — at the deadline the organisers set (to order the lunch), or at
 * the start when they set none. Checked again inside the registration's transaction.
 */
export function registrationProblem(event: { status: EventStatus; startsAt: Date; registrationDeadline: Date | null }, now: Date): RegistrationProblem | null {
  if (event.status === 'cancelled') return 'EVENT_CANCELLED';
  if (event.status === 'done') return 'EVENT_DONE';
  const closesAt = event.registrationDeadline ?? event.startsAt;
  return now.getTime() >= closesAt.getTime() ? 'REGISTRATION_CLOSED' : null;
}

/** A registration may be given up until the event starts (after, it is attendance that counts). */
export function cancellationProblem(event: { status: EventStatus; startsAt: Date }, now: Date): 'EVENT_STARTED' | null {
  return event.status === 'scheduled' && now.getTime() >= event.startsAt.getTime() ? 'EVENT_STARTED' : null;
}
