import { describe, expect, it } from 'vitest';
import { asTitle, busyAt, dayLoad, gridHours, isBookableHour, isOpenHour, monthGrid, siteInstant, siteToday } from './site-calendar';

const TZ = 'Europe/Paris';
const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:30', closes: '19:00' }));

describe('the resource calendar in the site’s time zone', () => {
  it('reads a 09:00 Paris booking as the 09:00 hour, winter and summer, whatever the browser zone', () => {
    // 08:00 UTC in December, 07:00 UTC in July: both are 09:00 on the site's wall clock.
    expect(busyAt([{ startsAt: '2026-12-04T08:00:00Z', endsAt: '2026-12-04T17:00:00Z' }], '2026-12-04', 9, TZ)).toBeDefined();
    expect(busyAt([{ startsAt: '2026-12-04T08:00:00Z', endsAt: '2026-12-04T17:00:00Z' }], '2026-12-04', 8, TZ)).toBeUndefined();
    expect(busyAt([{ startsAt: '2026-12-04T08:00:00Z', endsAt: '2026-12-04T17:00:00Z' }], '2026-12-04', 17, TZ)).toBeDefined();
    expect(busyAt([{ startsAt: '2026-12-04T08:00:00Z', endsAt: '2026-12-04T17:00:00Z' }], '2026-12-04', 18, TZ)).toBeUndefined();
    expect(siteInstant('2026-07-03', 9, TZ).toISOString()).toBe('2026-07-03T07:00:00.000Z');
  });

  it('takes today as the site’s date, not UTC’s (00:30 in Paris is still yesterday in UTC)', () => {
    expect(siteToday(new Date('2026-12-03T23:30:00Z'), TZ)).toBe('2026-12-04');
  });

  it('opens an hour only when the site is open for all of it', () => {
    expect(isOpenHour(WEEKDAYS, '2026-12-04', 8)).toBe(false);
    expect(isOpenHour(WEEKDAYS, '2026-12-04', 9)).toBe(true);
    expect(isOpenHour(WEEKDAYS, '2026-12-04', 18)).toBe(true);
    expect(isOpenHour(WEEKDAYS, '2026-12-05', 10)).toBe(false);
    expect(gridHours(WEEKDAYS)).toEqual({ first: 8, last: 19 });
    expect(gridHours([])).toEqual({ first: 8, last: 20 });
  });

  it('covers a month with whole weeks from Monday', () => {
    const days = monthGrid('2026-12-17');
    expect(days[0]).toBe('2026-11-30');
    expect(days.at(-1)).toBe('2027-01-03');
    expect(days.length % 7).toBe(0);
    expect(monthGrid('2027-02-10')).toHaveLength(28);
  });

  it('tells a day free, partly or fully taken within its opening hours', () => {
    const day = '2026-12-04';
    expect(dayLoad(WEEKDAYS, [], day, TZ)).toBe('free');
    expect(dayLoad(WEEKDAYS, [], '2026-12-05', TZ)).toBe('closed');
    expect(dayLoad(WEEKDAYS, [{ startsAt: '2026-12-04T08:00:00Z', endsAt: '2026-12-04T17:00:00Z' }], day, TZ)).toBe('partly');
    // Two overlapping spans covering 08:30–19:00 Paris fill the day.
    expect(
      dayLoad(
        WEEKDAYS,
        [
          { startsAt: '2026-12-04T07:00:00Z', endsAt: '2026-12-04T13:00:00Z' },
          { startsAt: '2026-12-04T12:00:00Z', endsAt: '2026-12-04T18:00:00Z' },
        ],
        day,
        TZ,
      ),
    ).toBe('full');
    // A booking the evening before does not touch the day.
    expect(dayLoad(WEEKDAYS, [{ startsAt: '2026-12-03T17:00:00Z', endsAt: '2026-12-03T18:00:00Z' }], day, TZ)).toBe('free');
  });

  it('writes a French date title with lower-case month and weekday, only its first letter raised', () => {
    const title = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: TZ }).format(siteInstant('2026-12-03', 12, TZ));
    expect(asTitle(title, 'fr')).toBe('Jeudi 3 décembre 2026');
    expect(asTitle('1 déc. – 7 déc. 2026', 'fr')).toBe('1 déc. – 7 déc. 2026');
    expect(asTitle('décembre 2026', 'fr')).toBe('Décembre 2026');
  });

  it('greys closing time only for a resource whose rules hold bookings to the opening hours (not a van taken on Saturday)', () => {
    // A meeting room held to the hours: Saturday and 08:00 are greyed, Friday 10:00 is not.
    expect(isBookableHour(WEEKDAYS, '2026-12-05', 10)).toBe(false);
    expect(isBookableHour(WEEKDAYS, '2026-12-04', 8)).toBe(false);
    expect(isBookableHour(WEEKDAYS, '2026-12-04', 10)).toBe(true);
    // A van whose rules ignore them: every hour, Saturday and night included.
    for (const hour of [0, 7, 19, 23]) expect(isBookableHour(null, '2026-12-05', hour)).toBe(true);
    // Its month view reads a Saturday by the whole day: free, partly taken by a weekend booking, never "closed".
    expect(dayLoad(null, [], '2026-12-05', TZ)).toBe('free');
    expect(dayLoad(null, [{ startsAt: '2026-12-04T16:00:00Z', endsAt: '2026-12-05T10:00:00Z' }], '2026-12-05', TZ)).toBe('partly');
    expect(dayLoad(null, [{ startsAt: '2026-12-04T16:00:00Z', endsAt: '2026-12-07T08:00:00Z' }], '2026-12-05', TZ)).toBe('full');
  });
});
