import { describe, expect, it } from 'vitest';
import { expandWeekly } from './expand-weekly.js';
import { fromLocal, toLocal } from './zoned-time.js';

describe('wall-clock time in the site zone', () => {
  it('reads 09:00 Paris as 08:00 UTC in winter and 07:00 UTC in summer', () => {
    expect(fromLocal('2027-01-12', '09:00', 'Europe/Paris').toISOString()).toBe('2027-01-12T08:00:00.000Z');
    expect(fromLocal('2027-07-12', '09:00', 'Europe/Paris').toISOString()).toBe('2027-07-12T07:00:00.000Z');
    expect(toLocal(new Date('2027-07-12T07:00:00Z'), 'Europe/Paris')).toMatchObject({ date: '2027-07-12', time: '09:00', weekday: 1 });
  });

  it('reads a time skipped in spring as the hour after, and a repeated autumn time as its first occurrence', () => {
    expect(fromLocal('2027-03-28', '02:30', 'Europe/Paris').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(fromLocal('2027-10-31', '02:30', 'Europe/Paris').toISOString()).toBe('2027-10-31T00:30:00.000Z');
  });
});

describe('weekly recurrence', () => {
  it('keeps a 09:00–11:00 Paris booking at 09:00 local across the last Sunday of March', () => {
    const occ = expandWeekly({ firstDate: '2027-03-22', startTime: '09:00', endTime: '11:00', weeks: 3, timeZone: 'Europe/Paris' });
    expect(occ.map((o) => o.startsAt.toISOString())).toEqual(['2027-03-22T08:00:00.000Z', '2027-03-29T07:00:00.000Z', '2027-04-05T07:00:00.000Z']);
    expect(occ.map((o) => toLocal(o.endsAt, 'Europe/Paris').time)).toEqual(['11:00', '11:00', '11:00']);
  });

  it('keeps it at 09:00 local across the last Sunday of October', () => {
    const occ = expandWeekly({ firstDate: '2027-10-25', startTime: '09:00', endTime: '11:00', weeks: 2, timeZone: 'Europe/Paris' });
    expect(occ.map((o) => o.startsAt.toISOString())).toEqual(['2027-10-25T07:00:00.000Z', '2027-11-01T08:00:00.000Z']);
    expect(occ.map((o) => o.date)).toEqual(['2027-10-25', '2027-11-01']);
  });
});
