import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { addDays, todayInFrance } from '../../../platform/calendar/index.js';


dayjs.extend(utc);
dayjs.extend(timezone);

export const REMINDER_KINDS = ['day_before', 'hour_before'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** The morning reminder goes at 9:00, Paris time, the day before: read with the morning mail, in time to plan the day. */
const MORNING_HOUR = '09:00';

/**
 * When a registered person is reminded of an event: the day before at 9:00 in Paris, and one
 * hour before the start (time to leave for the lunch or open the link). A reminder whose time
 * is already past at `now` is not scheduled: one registering at 11:00 for a 12:30 lunch gets
 * the one-hour reminder only, one registering at 12:00 none.
 */
export function reminderSchedule(startsAt: Date, now: Date): { kind: ReminderKind; at: Date }[] {
  const dayBefore = addDays(todayInFrance(startsAt), -1);
  const all = [
    { kind: 'day_before' as const, at: dayjs.tz(`${dayBefore} ${MORNING_HOUR}`, 'Europe/Paris').toDate() },
    { kind: 'hour_before' as const, at: new Date(startsAt.getTime() - 60 * 60 * 1000) },
  ];
  return all.filter((r) => r.at.getTime() > now.getTime());
}
