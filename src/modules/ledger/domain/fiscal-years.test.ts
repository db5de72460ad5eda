import { describe, expect, it } from 'vitest';
import { calendarYearOf, closeProblem, dayAfter, dayBefore, newFiscalYearProblem, openingLines, yearContaining } from './fiscal-years.js';

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

describe('the opening entry of the next year', () => {
  it('carries classes 1 to 5 per auxiliary account and the result into 120, balanced', () => {
    const lines = openingLines(
      [
        { account: '411', auxiliaryNumber: 'C00001', balanceCents: 1200 },
        { account: '411', auxiliaryNumber: 'C00002', balanceCents: 0 },
        { account: '512', auxiliaryNumber: null, balanceCents: 5000 },
        { account: '44571', auxiliaryNumber: null, balanceCents: -1000 },
        { account: '706', auxiliaryNumber: null, balanceCents: -6000 },
        { account: '6581', auxiliaryNumber: null, balanceCents: 800 },
      ],
      '120',
    );
    expect(lines).toEqual([
      { account: '411', auxiliaryNumber: 'C00001', debitCents: 1200 },
      { account: '512', auxiliaryNumber: null, debitCents: 5000 },
      { account: '44571', auxiliaryNumber: null, creditCents: 1000 },
      { account: '120', auxiliaryNumber: null, creditCents: 5200 },
    ]);
  });

  it('finds the neighbouring days across months and years', () => {
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayBefore('2027-03-01')).toBe('2027-02-28');
  });
});
