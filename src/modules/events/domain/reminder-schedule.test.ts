import { describe, expect, it } from 'vitest';
import { reminderSchedule } from './reminder-schedule.js';

describe('reminders', () => {
  it('go the day before at 9:00 Paris time and one hour before the start', () => {
    // Thursday 10 December 2026, 12:30 in Paris (UTC+1).
    const s = reminderSchedule(new Date('2026-12-10T11:30:00Z'), new Date('2026-12-01T08:00:00Z'));
    expect(s.map((r) => [r.kind, r.at.toISOString()])).toEqual([
      ['day_before', '2026-12-09T08:00:00.000Z'],
      ['hour_before', '2026-12-10T10:30:00.000Z'],
    ]);
  });

  it('follow Paris summer time (9:00 is 07:00 UTC in June)', () => {
    const s = reminderSchedule(new Date('2026-06-11T10:30:00Z'), new Date('2026-06-01T08:00:00Z'));
    expect(s[0]!.at.toISOString()).toBe('2026-06-10T07:00:00.000Z');
  });

  it('take the Paris day of the start: an event at 00:30 in Paris on Friday is reminded on Thursday morning', () => {
    // 23:30 UTC on Thursday is already Friday 00:30 in Paris.
    const s = reminderSchedule(new Date('2026-12-10T23:30:00Z'), new Date('2026-12-01T08:00:00Z'));
    expect(s[0]!.at.toISOString()).toBe('2026-12-10T08:00:00.000Z');
  });

  it('leave out a reminder whose time has passed', () => {
    const start = new Date('2026-12-10T11:30:00Z');
    expect(reminderSchedule(start, new Date('2026-12-10T09:00:00Z')).map((r) => r.kind)).toEqual(['hour_before']);
    expect(reminderSchedule(start, new Date('2026-12-10T11:00:00Z'))).toEqual([]);
  });
});
