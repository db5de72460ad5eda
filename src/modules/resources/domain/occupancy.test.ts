import { describe, expect, it } from 'vitest';
import { computeOccupancy, openMinutesIn } from './occupancy.js';

const from = new Date('2026-03-09T00:00:00+01:00'); // Monday
const to = new Date('2026-03-16T00:00:00+01:00');
const weekdays = [0, 1, 2, 3, 4].map((weekday) => ({ weekday, startMinute: 9 * 60, endMinute: 18 * 60 }));

describe('occupancy', () => {
  it('open hours: 5 days of 9 hours, or round the clock for a van', () => {
    expect(openMinutesIn({ from, to, timeZone: 'Europe/Paris', weekly: weekdays })).toBe(5 * 9 * 60);
    expect(openMinutesIn({ from, to, timeZone: 'Europe/Paris', weekly: null })).toBe(7 * 24 * 60);
  });

  it('the week of the spring daylight-saving change is one hour shorter round the clock', () => {
    expect(openMinutesIn({ from: new Date('2026-03-23T00:00:00+01:00'), to: new Date('2026-03-30T00:00:00+02:00'), timeZone: 'Europe/Paris', weekly: null })).toBe(7 * 24 * 60 - 60);
    expect(openMinutesIn({ from: new Date('2026-03-23T00:00:00+01:00'), to: new Date('2026-03-30T00:00:00+02:00'), timeZone: 'Europe/Paris', weekly: [{ weekday: 6, startMinute: 0, endMinute: 24 * 60 }] })).toBe(23 * 60);
  });

  it('booked hours over open hours, per resource and per site; cancelled bookings count for nothing, no-shows held the slot', () => {
    const report = computeOccupancy({
      from,
      to,
      timeZone: 'Europe/Paris',
      resources: [
        { id: 'd1', name: 'Poste 1', siteId: 's1', openMinutes: 2700 },
        { id: 'd2', name: 'Poste 2', siteId: 's1', openMinutes: 2700 },
        { id: 'v', name: 'Camionnette', siteId: null, openMinutes: 10080 },
      ],
      bookings: [
        { resourceId: 'd1', startsAt: new Date('2026-03-09T09:00:00+01:00'), endsAt: new Date('2026-03-09T18:00:00+01:00'), status: 'completed', priceCents: 2000 },
        { resourceId: 'd1', startsAt: new Date('2026-03-10T09:00:00+01:00'), endsAt: new Date('2026-03-10T13:30:00+01:00'), status: 'no_show', priceCents: 1200 },
        { resourceId: 'd2', startsAt: new Date('2026-03-10T09:00:00+01:00'), endsAt: new Date('2026-03-10T18:00:00+01:00'), status: 'cancelled', priceCents: 2000 },
        // Half of it falls before the period: only the part inside counts.
        { resourceId: 'v', startsAt: new Date('2026-03-08T12:00:00+01:00'), endsAt: new Date('2026-03-09T12:00:00+01:00'), status: 'completed', priceCents: 9000 },
      ],
    });
    const d1 = report.resources.find((r) => r.resourceId === 'd1')!;
    expect(d1).toMatchObject({ bookedMinutes: 810, bookings: 2, noShows: 1, revenueCents: 3200, ratePerMille: 300 });
    expect(report.resources.find((r) => r.resourceId === 'd2')).toMatchObject({ bookedMinutes: 0, bookings: 0, ratePerMille: 0 });
    expect(report.sites.find((s) => s.siteId === 's1')).toMatchObject({ bookedMinutes: 810, openMinutes: 5400, ratePerMille: 150 });
    expect(report.resources.find((r) => r.resourceId === 'v')!.bookedMinutes).toBe(720);
    expect(report.totals.revenueCents).toBe(12200);
  });

  it('peak hours are counted in local time, by weekday and hour', () => {
    const report = computeOccupancy({
      from,
      to,
      timeZone: 'Europe/Paris',
      resources: [{ id: 'r', name: 'Salle', siteId: 's', openMinutes: 2700 }],
      bookings: [{ resourceId: 'r', startsAt: new Date('2026-03-11T09:30:00+01:00'), endsAt: new Date('2026-03-11T11:00:00+01:00'), status: 'confirmed', priceCents: 0 }],
    });
    expect(report.peakHours[2][9]).toBe(30);
    expect(report.peakHours[2][10]).toBe(60);
    expect(report.peakHours.flat().reduce((a, b) => a + b, 0)).toBe(90);
  });
});
