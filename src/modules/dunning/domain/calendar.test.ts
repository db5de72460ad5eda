import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from './calendar.js';

describe('calendar days', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-01-25', 7)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('counts whole days whatever the daylight saving changes', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-20', '2026-10-30')).toBe(10);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
  });

  it('refuses a date that does not exist', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});
