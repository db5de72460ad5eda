import { describe, expect, it } from 'vitest';
import { addDays, addMonths, parisDayOf, yearOf } from './dates.js';

describe('calendar dates', () => {
  it('adds months and keeps the day when the month has it', () => {
    expect(addMonths('2025-03-15', 1)).toBe('2025-04-15');
    expect(addMonths('2025-11-30', 2)).toBe('2026-01-30');
    expect(addMonths('2024-01-01', 36)).toBe('2027-01-01');
  });

  it('falls back to the last day of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });

  it('adds and removes days across months and years', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
  });

  it('dates an instant by the Paris calendar day', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(parisDayOf(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(parisDayOf(new Date('2025-06-15T10:00:00Z'))).toBe('2025-06-15');
    expect(yearOf('2026-01-01')).toBe(2026);
  });
});
