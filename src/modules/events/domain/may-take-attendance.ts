import { addDays, todayInFrance } from '../../../platform/calendar/index.js';
import type { EventStatus } from '../schema.js';

/** Staff take attendance, and so does the event's host (the member who runs the co-lunch, on a phone at the table). */
export function mayTakeAttendance(args: { isStaff: boolean; actorMemberId: string | null; hostMemberId: string | null }): boolean {
  return args.isStaff || (args.actorMemberId !== null && args.actorMemberId === args.hostMemberId);
}

/**
 * Attendance is taken from the day of the event (Paris) on — who came cannot be known before
 * — and a late correction stays possible for a week; never on a cancelled event.
 */
export function attendanceProblem(event: { status: EventStatus; startsAt: Date }, now: Date): 'EVENT_CANCELLED' | 'ATTENDANCE_NOT_OPEN' | 'ATTENDANCE_CLOSED' | null {
  if (event.status === 'cancelled') return 'EVENT_CANCELLED';
  const today = todayInFrance(now);
  const day = todayInFrance(event.startsAt);
  if (today < day) return 'ATTENDANCE_NOT_OPEN';
  if (today > addDays(day, 7)) return 'ATTENDANCE_CLOSED';
  return null;
}
