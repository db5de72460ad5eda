import { describe, expect, it } from 'vitest';
import { calendarYearOf, closeProblem, newFiscalYearProblem, yearContaining } from './fiscal-years.js';

const y2025 = { id: '2025', startDate: '2025-01-01', endDate: '2025-12-31', closedAt: null };
const y2026 = { id: '2026', startDate: '2026-01-01', endDate: '2026-12-31', closedAt: null };

describe('fiscal years', () => {
  it('defaults to the calendar year', () => {
    expect(calendarYearOf('2026-11-23')).toEqual({ startDate: '2026-01-01', endDate: '2026-12-31' });
  });

  it('finds the year a day falls in, bounds included', () => {
    expect(yearContaining([y2025, y2026], '2025-12-31')?.id).toBe('2025');
    expect(yearContaining([y2025, y2026], '2026-01-01')?.id).toBe('2026');
    expect(yearContaining([y2025], '2027-01-01')).toBeUndefined();
  });

  it('refuses a year ending before it starts or lasting more than 24 months', () => {
    expect(newFiscalYearProblem('2026-12-31', '2026-01-01')?.path).toBe('endDate');
    expect(newFiscalYearProblem('2026-07-01', '2028-07-31')?.path).toBe('endDate');
    expect(newFiscalYearProblem('2026-07-01', '2028-06-30')).toBeNull();
  });

  it('closes a year only once it is over', () => {
    expect(closeProblem(y2026, [y2026], '2026-12-31')).not.toBeNull();
    expect(closeProblem(y2026, [y2026], '2027-01-01')).toBeNull();
  });

  it('closes years in order', () => {
    expect(closeProblem(y2026, [y2025, y2026], '2027-02-01')?.en).toMatch(/earlier/);
    expect(closeProblem(y2026, [{ ...y2025, closedAt: new Date() }, y2026], '2027-02-01')).toBeNull();
  });

  it('does not close a year twice', () => {
    expect(closeProblem({ ...y2025, closedAt: new Date() }, [], '2027-01-01')?.en).toMatch(/already/);
  });
});
