import { describe, expect, it } from 'vitest';
import { addDays, endOfMonth } from '../../../platform/calendar/index.js';
import { checkPaymentTerms, dueDate, isDueDateLawful, latestLawfulDueDate } from './due-date.js';

describe('payment due date', () => {
  it('is the issue date when payable on receipt', () => {
    expect(dueDate('2026-11-23', { kind: 'onReceipt' })).toBe('2026-11-23');
  });

  it('counts N days net across months and years', () => {
    expect(dueDate('2026-11-23', { kind: 'net', days: 30 })).toBe('2026-12-23');
    expect(dueDate('2026-12-15', { kind: 'net', days: 30 })).toBe('2027-01-14');
    expect(dueDate('2028-02-01', { kind: 'net', days: 28 })).toBe('2028-02-29');
  });

  it('reads "45 jours fin de mois" as 45 days, then the end of that month', () => {
    expect(dueDate('2026-01-15', { kind: 'endOfMonth', days: 45 })).toBe('2026-03-31');
    expect(dueDate('2026-11-23', { kind: 'endOfMonth', days: 45 })).toBe('2027-01-31');
    expect(dueDate('2026-11-30', { kind: 'endOfMonth', days: 0 })).toBe('2026-11-30');
  });

  it('refuses a date that is not on the calendar', () => {
    expect(() => dueDate('2026-02-30', { kind: 'net', days: 1 })).toThrow();
    expect(() => addDays('23/11/2026', 1)).toThrow();
  });

  it('knows month ends, leap years included', () => {
    expect(endOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(endOfMonth('2027-02-10')).toBe('2027-02-28');
  });
});

describe('legal cap on payment terms (Code de commerce art. L441-10)', () => {
  it('allows up to 60 days net or 45 days end of month', () => {
    expect(checkPaymentTerms({ kind: 'net', days: 60 })).toEqual([]);
    expect(checkPaymentTerms({ kind: 'endOfMonth', days: 45 })).toEqual([]);
    expect(checkPaymentTerms({ kind: 'onReceipt' })).toEqual([]);
  });

  it('refuses longer, negative or fractional delays', () => {
    expect(checkPaymentTerms({ kind: 'net', days: 61 })).toEqual(['beyond_legal_cap']);
    expect(checkPaymentTerms({ kind: 'endOfMonth', days: 60 })).toEqual(['beyond_legal_cap']);
    expect(checkPaymentTerms({ kind: 'net', days: -1 })).toEqual(['days_negative']);
    expect(checkPaymentTerms({ kind: 'net', days: 1.5 })).toEqual(['days_not_a_whole_number']);
  });

  it('caps a hand-typed due date at the later of the two legal limits', () => {
    // 15 January: 60 days = 16 March; 45 days end of month = 31 March.
    expect(latestLawfulDueDate('2026-01-15')).toBe('2026-03-31');
    expect(isDueDateLawful('2026-01-15', '2026-03-31')).toBe(true);
    expect(isDueDateLawful('2026-01-15', '2026-04-01')).toBe(false);
    // 31 January: 45 days = 17 March → 31 March; 60 days = 1 April, the later one.
    expect(latestLawfulDueDate('2026-01-31')).toBe('2026-04-01');
  });

  it('refuses a due date before the issue date', () => {
    expect(isDueDateLawful('2026-11-23', '2026-11-22')).toBe(false);
    expect(isDueDateLawful('2026-11-23', '2026-11-23')).toBe(true);
  });
});
