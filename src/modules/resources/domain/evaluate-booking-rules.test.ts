import { describe, expect, it } from 'vitest';
import { bookableHours, evaluateBookingRules, withinOpeningHours, type BookingRequest, type BookingRule } from './evaluate-booking-rules.js';

const open = { whoMayBook: 'all_members', whoList: [], horizonDays: null, minMinutes: null, maxMinutes: null, openingHoursOnly: false, lateBookingMinutes: null, maxConcurrentPerPerson: null } satisfies BookingRule;
const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '19:00' }));
const site = { openingHours: weekdays, timeZone: 'Europe/Paris' };
const now = new Date('2027-02-01T08:00:00Z'); // Monday 09:00 Paris
// Wednesday 3 February 2027, 09:00–18:00 Paris (UTC+1).
const req: BookingRequest = { startsAt: new Date('2027-02-03T08:00:00Z'), endsAt: new Date('2027-02-03T17:00:00Z'), byStaff: false, membershipType: 'coworker', planIds: [], upcomingBookings: 0 };

describe('booking rules, in order', () => {
  it('accepts a booking no rule refuses', () => {
    expect(evaluateBookingRules([open, { ...open, openingHoursOnly: true, horizonDays: 30 }], req, site, now)).toBeNull();
  });
  it('refuses a membership type not listed, unless staff book', () => {
    const rule = { ...open, whoMayBook: 'membership_types', whoList: ['entrepreneur_salarie'] } satisfies BookingRule;
    expect(evaluateBookingRules([rule], req, site, now)).toEqual({ code: 'NOT_ALLOWED_TO_BOOK', field: 'resourceId' });
    expect(evaluateBookingRules([rule], { ...req, byStaff: true }, site, now)).toBeNull();
  });
  it('lets only staff book a staff-only resource', () => {
    const rule = { ...open, whoMayBook: 'staff_only' } satisfies BookingRule;
    expect(evaluateBookingRules([rule], req, site, now)?.code).toBe('NOT_ALLOWED_TO_BOOK');
    expect(evaluateBookingRules([rule], { ...req, byStaff: true }, site, now)).toBeNull();
  });
  it('lets a plan holder book a plans-only resource', () => {
    const rule = { ...open, whoMayBook: 'plans', whoList: ['plan-nomad'] } satisfies BookingRule;
    expect(evaluateBookingRules([rule], req, site, now)?.code).toBe('NOT_ALLOWED_TO_BOOK');
    expect(evaluateBookingRules([rule], { ...req, planIds: ['plan-nomad'] }, site, now)).toBeNull();
  });
  it('refuses beyond the horizon', () => {
    expect(evaluateBookingRules([{ ...open, horizonDays: 1 }], req, site, now)).toEqual({ code: 'BEYOND_HORIZON', field: 'startsAt', horizonDays: 1 });
  });
  it('refuses too short and too long', () => {
    expect(evaluateBookingRules([{ ...open, minMinutes: 600 }], req, site, now)?.code).toBe('TOO_SHORT');
    expect(evaluateBookingRules([{ ...open, maxMinutes: 120 }], req, site, now)?.code).toBe('TOO_LONG');
  });
  it('refuses outside opening hours read in the site zone', () => {
    const rule = { ...open, openingHoursOnly: true };
    // 07:00–09:00 Paris: opens at 08:00.
    expect(evaluateBookingRules([rule], { ...req, startsAt: new Date('2027-02-03T06:00:00Z'), endsAt: new Date('2027-02-03T08:00:00Z') }, site, now)?.code).toBe('OUTSIDE_OPENING_HOURS');
    // Saturday: closed.
    expect(evaluateBookingRules([rule], { ...req, startsAt: new Date('2027-02-06T08:00:00Z'), endsAt: new Date('2027-02-06T09:00:00Z') }, site, now)?.code).toBe('OUTSIDE_OPENING_HOURS');
    // Summer time: 08:00 Paris is 06:00 UTC, open.
    expect(evaluateBookingRules([rule], { ...req, startsAt: new Date('2027-06-02T06:00:00Z'), endsAt: new Date('2027-06-02T08:00:00Z') }, site, new Date('2027-06-01T08:00:00Z'))).toBeNull();
  });
  it('refuses a booking made after the late-booking deadline', () => {
    expect(evaluateBookingRules([{ ...open, lateBookingMinutes: 60 }], req, site, new Date('2027-02-03T07:30:00Z'))?.code).toBe('TOO_LATE_TO_BOOK');
  });
  it('refuses beyond the bookings one person may hold', () => {
    expect(evaluateBookingRules([{ ...open, maxConcurrentPerPerson: 2 }], { ...req, upcomingBookings: 2 }, site, now)).toEqual({ code: 'TOO_MANY_BOOKINGS', field: 'resourceId', maxConcurrent: 2 });
  });
  it('answers the first refusal in rule order', () => {
    const rules = [{ ...open, maxMinutes: 60 }, { ...open, horizonDays: 1 }];
    expect(evaluateBookingRules(rules, req, site, now)?.code).toBe('TOO_LONG');
    expect(evaluateBookingRules([...rules].reverse(), req, site, now)?.code).toBe('BEYOND_HORIZON');
  });
});

describe('the hours the calendar greys', () => {
  // Every hour of the week of Monday 1 February 2027, read in Paris (UTC+1).
  const hours = Array.from({ length: 7 * 24 }, (_, i) => new Date(Date.parse('2027-01-31T23:00:00Z') + i * 3_600_000));
  const hourRefused = (rules: BookingRule[], startsAt: Date) => evaluateBookingRules(rules, { ...req, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000) }, site, now)?.code === 'OUTSIDE_OPENING_HOURS';

  it('are none when no rule holds bookings to the opening hours: a van leaves on Friday evening, comes back on Monday morning', () => {
    const vanRules = [{ ...open, minMinutes: 240, maxMinutes: 72 * 60 }];
    expect(bookableHours(vanRules, weekdays)).toBeNull();
    expect(bookableHours([], weekdays)).toBeNull();
    // Friday 17:00 to Monday 09:00: not refused for closing time (its length, 64 hours, is within the rules too).
    expect(evaluateBookingRules(vanRules, { ...req, startsAt: new Date('2027-02-05T16:00:00Z'), endsAt: new Date('2027-02-08T08:00:00Z') }, site, now)).toBeNull();
    expect(hours.filter((h) => hourRefused(vanRules, h))).toEqual([]);
  });

  it('are exactly the hours the rules refuse as outside opening hours, when one rule (of any position) holds to them', () => {
    const rules = [{ ...open, horizonDays: 60 }, { ...open, openingHoursOnly: true }];
    const bookable = bookableHours(rules, weekdays);
    expect(bookable).toEqual(weekdays);
    for (const h of hours) expect(hourRefused(rules, h)).toBe(!withinOpeningHours(bookable!, h, new Date(h.getTime() + 3_600_000), site.timeZone));
    // Wednesday 08:00 Paris is open, Wednesday 07:00 and Saturday 10:00 are not.
    expect(hourRefused(rules, new Date('2027-02-03T07:00:00Z'))).toBe(false);
    expect(hourRefused(rules, new Date('2027-02-03T06:00:00Z'))).toBe(true);
    expect(hourRefused(rules, new Date('2027-02-06T09:00:00Z'))).toBe(true);
  });
});
