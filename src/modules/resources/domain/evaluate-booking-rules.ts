import type { WhoMayBook } from './kinds.js';
import type { OpeningHours } from './opening-hours.js';
import { minutesOf, toLocal } from './zoned-time.js';

export interface BookingRule {
  whoMayBook: WhoMayBook;
  whoList: string[];
  horizonDays: number | null;
  minMinutes: number | null;
  maxMinutes: number | null;
  openingHoursOnly: boolean;
  lateBookingMinutes: number | null;
  maxConcurrentPerPerson: number | null;
}

export interface BookingRequest {
  startsAt: Date;
  endsAt: Date;
  /** Staff book for anyone: the "who may book" rules are theirs to apply, not to obey. */
  byStaff: boolean;
  membershipType: string | null;
  planIds: readonly string[];
  /** The booker's live bookings not yet ended of the resources these rules cover. */
  upcomingBookings: number;
}

export type Refusal =
  | { code: 'NOT_ALLOWED_TO_BOOK'; field: 'resourceId' }
  | { code: 'BEYOND_HORIZON'; field: 'startsAt'; horizonDays: number }
  | { code: 'TOO_SHORT'; field: 'endsAt'; minMinutes: number }
  | { code: 'TOO_LONG'; field: 'endsAt'; maxMinutes: number }
  | { code: 'OUTSIDE_OPENING_HOURS'; field: 'startsAt' }
  | { code: 'TOO_LATE_TO_BOOK'; field: 'startsAt'; lateBookingMinutes: number }
  | { code: 'TOO_MANY_BOOKINGS'; field: 'resourceId'; maxConcurrent: number };

/** Whether [startsAt, endsAt) lies within one day's opening hours of the site, read in its zone. */
export function withinOpeningHours(hours: OpeningHours, startsAt: Date, endsAt: Date, timeZone: string): boolean {
  const start = toLocal(startsAt, timeZone);
  const end = toLocal(endsAt, timeZone);
  // A booking ending at midnight reads 00:00 the next day.
  const endMinutes = end.date === start.date ? end.minutes : end.minutes === 0 && endsAt.getTime() - startsAt.getTime() <= 86400000 ? 1440 : -1;
  if (endMinutes < 0) return false;
  return hours.some((span) => span.weekday === start.weekday && minutesOf(span.opens) <= start.minutes && endMinutes <= minutesOf(span.closes));
}

/** Whether a rule holds bookings to the site's opening hours: the one test the refusal and the calendar share. */
const holdsToOpeningHours = (rule: BookingRule) => rule.openingHoursOnly;

/**
 * The hours in which these rules accept a booking as far as the clock goes: the site's opening
 * hours when one of them holds bookings to those hours, null (any hour) otherwise: a van
 * leaves on Friday evening and comes back on Monday morning, whatever the office's hours. The
 * calendar greys exactly what lies outside, which is what `evaluateBookingRules` refuses as
 * OUTSIDE_OPENING_HOURS.
 */
export function bookableHours(rules: readonly BookingRule[], openingHours: OpeningHours): OpeningHours | null {
  return rules.some(holdsToOpeningHours) ? openingHours : null;
}

/**
 * The first reason a booking is refused, or null. The rules of a resource (its own and its
 * kind's) are read in their order and, inside each, who may book, horizon, length, opening
 * hours, late-booking deadline and the number of bookings held: the member is told the first
 * rule they break, as the coop ordered them. Called again inside the booking's transaction
 * (the count of bookings held can change between two clicks).
 */
export function evaluateBookingRules(rules: readonly BookingRule[], req: BookingRequest, site: { openingHours: OpeningHours; timeZone: string }, now: Date): Refusal | null {
  const minutes = (req.endsAt.getTime() - req.startsAt.getTime()) / 60000;
  for (const rule of rules) {
    if (!req.byStaff) {
      const allowed =
        rule.whoMayBook === 'all_members' ||
        (rule.whoMayBook === 'membership_types' && req.membershipType !== null && rule.whoList.includes(req.membershipType)) ||
        (rule.whoMayBook === 'plans' && req.planIds.some((p) => rule.whoList.includes(p)));
      if (!allowed) return { code: 'NOT_ALLOWED_TO_BOOK', field: 'resourceId' };
    }
    if (rule.horizonDays !== null && req.startsAt.getTime() > now.getTime() + rule.horizonDays * 86400000) return { code: 'BEYOND_HORIZON', field: 'startsAt', horizonDays: rule.horizonDays };
    if (rule.minMinutes !== null && minutes < rule.minMinutes) return { code: 'TOO_SHORT', field: 'endsAt', minMinutes: rule.minMinutes };
    if (rule.maxMinutes !== null && minutes > rule.maxMinutes) return { code: 'TOO_LONG', field: 'endsAt', maxMinutes: rule.maxMinutes };
    if (holdsToOpeningHours(rule) && !withinOpeningHours(site.openingHours, req.startsAt, req.endsAt, site.timeZone)) return { code: 'OUTSIDE_OPENING_HOURS', field: 'startsAt' };
    if (rule.lateBookingMinutes !== null && req.startsAt.getTime() - now.getTime() < rule.lateBookingMinutes * 60000) return { code: 'TOO_LATE_TO_BOOK', field: 'startsAt', lateBookingMinutes: rule.lateBookingMinutes };
    if (rule.maxConcurrentPerPerson !== null && req.upcomingBookings >= rule.maxConcurrentPerPerson) return { code: 'TOO_MANY_BOOKINGS', field: 'resourceId', maxConcurrent: rule.maxConcurrentPerPerson };
  }
  return null;
}
