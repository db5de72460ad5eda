import { describe, expect, it } from 'vitest';
import { todayInFrance } from './today-in-france.js';

describe('today in France', () => {
  it('dates an instant by the Paris calendar day', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Paris.
    expect(todayInFrance(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInFrance(new Date('2025-06-15T10:00:00Z'))).toBe('2025-06-15');
  });

  it('turns the day at midnight in Paris, one hour ahead of UTC in winter', () => {
    expect(todayInFrance(new Date('2026-01-14T22:59:59.999Z'))).toBe('2026-01-14');
    expect(todayInFrance(new Date('2026-01-14T23:00:00Z'))).toBe('2026-01-15');
  });

  it('turns the day at midnight in Paris, two hours ahead of UTC in summer', () => {
    expect(todayInFrance(new Date('2026-07-14T21:59:59.999Z'))).toBe('2026-07-14');
    expect(todayInFrance(new Date('2026-07-14T22:00:00Z'))).toBe('2026-07-15');
  });

  it('keeps the right day on the days the clocks change', () => {
    // Sunday 29 March 2026: 02:00 becomes 03:00 in Paris (01:00 UTC).
    expect(todayInFrance(new Date('2026-03-28T22:59:59Z'))).toBe('2026-03-28');
    expect(todayInFrance(new Date('2026-03-28T23:00:00Z'))).toBe('2026-03-29');
    expect(todayInFrance(new Date('2026-03-29T21:59:59Z'))).toBe('2026-03-29');
    expect(todayInFrance(new Date('2026-03-29T22:00:00Z'))).toBe('2026-03-30');
    // Sunday 25 October 2026: 03:00 becomes 02:00 in Paris (01:00 UTC).
    expect(todayInFrance(new Date('2026-10-24T21:59:59Z'))).toBe('2026-10-24');
    expect(todayInFrance(new Date('2026-10-24T22:00:00Z'))).toBe('2026-10-25');
    expect(todayInFrance(new Date('2026-10-25T22:59:59Z'))).toBe('2026-10-25');
    expect(todayInFrance(new Date('2026-10-25T23:00:00Z'))).toBe('2026-10-26');
  });

  it('knows 29 February at the turn of a leap day in Paris', () => {
    expect(todayInFrance(new Date('2028-02-28T23:00:00Z'))).toBe('2028-02-29');
    expect(todayInFrance(new Date('2028-02-29T23:00:00Z'))).toBe('2028-03-01');
  });
});
