import { describe, expect, it } from 'vitest';
import { addBusinessDays, collectionDateProblem, earliestCollectionDate, isTargetBusinessDay } from './collection-date.js';

describe('the collection date (SEPA D-2 and the pre-notification)', () => {
  it('knows the TARGET2 closing days', () => {
    expect(isTargetBusinessDay('2026-12-25')).toBe(false);
    expect(isTargetBusinessDay('2026-12-26')).toBe(false);
    expect(isTargetBusinessDay('2027-03-26')).toBe(false); // Good Friday 2027
    expect(isTargetBusinessDay('2027-03-29')).toBe(false); // Easter Monday 2027
    expect(isTargetBusinessDay('2026-12-05')).toBe(false); // a Saturday
    expect(isTargetBusinessDay('2026-12-07')).toBe(true);
  });
  it('counts business days over a weekend and Christmas', () => {
    expect(addBusinessDays('2026-12-04', 2)).toBe('2026-12-08');
    expect(addBusinessDays('2026-12-23', 2)).toBe('2026-12-28');
  });
  it('waits the 14 days of the pre-notification, then the next business day', () => {
    // 2026-12-02 + 14 = 2026-12-16, a Wednesday.
    expect(earliestCollectionDate('2026-12-02', 14)).toBe('2026-12-16');
    // 2026-12-11 + 14 = Friday 25th, closed; Saturday, Sunday; Monday 28th.
    expect(earliestCollectionDate('2026-12-11', 14)).toBe('2026-12-28');
  });
  it('keeps D-2 business days when the agreed notice is shorter', () => {
    expect(earliestCollectionDate('2026-12-04', 2)).toBe('2026-12-08');
  });
  it('refuses a date too early or a closed day, with the date to choose', () => {
    expect(collectionDateProblem('2026-12-15', '2026-12-02', 14)?.en).toContain('2026-12-16');
    expect(collectionDateProblem('2026-12-19', '2026-12-02', 14)?.en).toContain('business day');
    expect(collectionDateProblem('2026-12-16', '2026-12-02', 14)).toBeNull();
  });
});
