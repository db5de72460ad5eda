import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { bookingUid, buildBookingFeed, buildBookingInvitation, type CalendarBooking } from './booking-calendar.js';

const now = new Date('2026-03-20T10:00:00Z');
const booking = (over: Partial<CalendarBooking> = {}): CalendarBooking => ({
  bookingId: '11111111-1111-4111-8111-111111111111',
  summary: 'Camionnette',
  startsAt: new Date('2026-03-29T07:00:00Z'),
  endsAt: new Date('2026-03-29T16:00:00Z'),
  timeZone: 'Europe/Paris',
  cancelled: false,
  sequence: 0,
  updatedAt: now,
  ...over,
});

function events(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { cal, events: cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('booking calendar (RFC 5545)', () => {
  it('a booking on the spring daylight-saving Sunday reads back at the same instants and at 09:00 Paris', () => {
    const { events: [e] } = events(buildBookingFeed({ name: 'Camionnette', bookings: [booking()], now }));
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(e.endDate.toJSDate().toISOString()).toBe('2026-03-29T16:00:00.000Z');
    expect(e.startDate.hour).toBe(9);
    expect(e.startDate.zone.tzid).toBe('Europe/Paris');
  });

  it('a booking on the autumn daylight-saving Sunday keeps its instants (UTC+1 again)', () => {
    const b = booking({ startsAt: new Date('2026-10-25T08:00:00Z'), endsAt: new Date('2026-10-25T17:00:00Z') });
    const { events: [e] } = events(buildBookingFeed({ name: 'x', bookings: [b], now }));
    expect(e.startDate.toJSDate().toISOString()).toBe('2026-10-25T08:00:00.000Z');
    expect(e.startDate.hour).toBe(9);
    expect(e.endDate.hour).toBe(18);
  });

  it('stamps are UTC, as RFC 5545 requires, even though the event times are zoned', () => {
    const ics = buildBookingFeed({ name: 'x', bookings: [booking()], now });
    expect(ics).toMatch(/DTSTAMP:20260320T100000Z/);
    expect(ics).toMatch(/DTSTART;TZID=Europe\/Paris:20260329T090000/);
  });

  it('the invitation is a REQUEST, its cancellation a CANCEL of the same UID with a higher sequence', () => {
    const req = events(buildBookingInvitation({ bookings: [booking()], organizerEmail: 'contact@demo.coop', organizerName: 'Coop', now }));
    const cancel = events(buildBookingInvitation({ bookings: [booking({ cancelled: true, sequence: 1 })], organizerEmail: 'contact@demo.coop', organizerName: 'Coop', now }));
    expect(req.cal.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(cancel.cal.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(req.events[0].uid).toBe(bookingUid(booking().bookingId));
    expect(cancel.events[0].uid).toBe(req.events[0].uid);
    expect(cancel.events[0].sequence).toBeGreaterThan(req.events[0].sequence);
    expect(cancel.events[0].component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});
