import { describe, expect, it } from 'vitest';
import { addDays, addMonths, assertIsoDay, daysBetween, endOfMonth, isIsoDay, yearOf } from './calendar-days.js';

describe('adding days', () => {
  it('adds and removes days across months, years and leap days', () => {
    expect(addDays('2026-01-25', 7)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2026-06-15', 0)).toBe('2026-06-15');
  });

  it('counts a whole day on the days France changes clocks', () => {
    // 29 March 2026 has 23 hours in Paris, 25 October 2026 has 25: still one day each.
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2026-10-26', -2)).toBe('2026-10-24');
  });
});

describe('adding months', () => {
  it('keeps the day when the month has it', () => {
    expect(addMonths('2025-03-15', 1)).toBe('2025-04-15');
    expect(addMonths('2025-11-30', 2)).toBe('2026-01-30');
    expect(addMonths('2024-01-01', 36)).toBe('2027-01-01');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('falls back to the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30');
    expect(addMonths('2026-05-31', -1)).toBe('2026-04-30');
  });
});

describe('month ends and day counts', () => {
  it('finds the last day of the month, February of leap years included', () => {
    expect(endOfMonth('2026-03-01')).toBe('2026-03-31');
    expect(endOfMonth('2026-04-30')).toBe('2026-04-30');
    expect(endOfMonth('2026-02-10')).toBe('2026-02-28');
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2100-02-01')).toBe('2100-02-28');
    expect(endOfMonth('2000-02-01')).toBe('2000-02-29');
  });

  it('counts whole days whatever the daylight saving changes', () => {
    expect(daysBetween('2026-03-01', '2026-04-01')).toBe(31);
    expect(daysBetween('2026-10-20', '2026-10-30')).toBe(10);
    expect(daysBetween('2026-04-01', '2026-03-01')).toBe(-31);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
    expect(daysBetween('2026-06-15', '2026-06-15')).toBe(0);
  });

  it('reads the year of a day', () => {
    expect(yearOf('2026-01-01')).toBe(2026);
    expect(yearOf('1999-12-31')).toBe(1999);
  });
});

describe('ISO days', () => {
  it('accepts the days of the calendar written YYYY-MM-DD, and nothing else', () => {
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-12-31')).toBe(true);
    for (const bad of ['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-1-5', '23/11/2026', '2026-11-23T00:00:00Z', '']) {
      expect(isIsoDay(bad)).toBe(false);
    }
    expect(assertIsoDay('2026-11-23')).toBe('2026-11-23');
  });

  it('refuses a date that does not exist', () => {
    expect(() => assertIsoDay('2026-02-30')).toThrow(RangeError);
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('23/11/2026', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
    expect(() => endOfMonth('2026-13-01')).toThrow(RangeError);
    expect(() => daysBetween('2026-01-01', 'tomorrow')).toThrow(RangeError);
  });
});
