import { describe, expect, it } from 'vitest';
import { askableMonths, firstDayOfMonth, lastDayOfMonth, maySalaryRequest, salaryEntryDate } from './salary-rules.js';

describe('the months a salary may be asked for', () => {
  it('the month before, this month and the next, across a new year', () => {
    expect(askableMonths('2026-01-15')).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(askableMonths('2026-12-31')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
  });

  it('first and last days of a month, leap February included', () => {
    expect(firstDayOfMonth('2026-03-17')).toBe('2026-03-01');
    expect(lastDayOfMonth('2028-02-01')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-02-01')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-12-01')).toBe('2026-12-31');
  });
});

describe('the day the salary entry is dated', () => {
  it('a past month: its last day', () => {
    expect(salaryEntryDate('2026-02-01', '2026-03-03')).toBe('2026-02-28');
  });
  it('this month or the next: today, never a day ahead', () => {
    expect(salaryEntryDate('2026-03-01', '2026-03-10')).toBe('2026-03-10');
    expect(salaryEntryDate('2026-04-01', '2026-03-10')).toBe('2026-03-10');
    expect(salaryEntryDate('2026-03-01', '2026-03-31')).toBe('2026-03-31');
  });
});

describe('the life of a request', () => {
  it('an asked salary may be validated, refused or cancelled', () => {
    for (const action of ['validate', 'refuse', 'cancel'] as const) expect(maySalaryRequest('requested', action)).toBe(true);
  });
  it('a validated salary may only be cancelled (by reversal); refused and cancelled ones are over', () => {
    expect(maySalaryRequest('validated', 'cancel')).toBe(true);
    expect(maySalaryRequest('validated', 'validate')).toBe(false);
    expect(maySalaryRequest('validated', 'refuse')).toBe(false);
    for (const action of ['validate', 'refuse', 'cancel'] as const) {
      expect(maySalaryRequest('refused', action)).toBe(false);
      expect(maySalaryRequest('cancelled', action)).toBe(false);
    }
  });
});
