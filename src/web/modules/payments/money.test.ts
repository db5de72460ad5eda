import { describe, expect, it } from 'vitest';
import { centsToEurosText, eurosTextToCents, prefillAllocations } from './money';

describe('amounts typed in euros', () => {
  it('are read to the exact cent, with a comma or a dot, spaces allowed', () => {
    expect(eurosTextToCents('1 234,56')).toBe(123_456);
    expect(eurosTextToCents('0.1')).toBe(10);
    expect(eurosTextToCents('19,99')).toBe(1_999);
    expect(eurosTextToCents('1005.03')).toBe(100_503);
    expect(eurosTextToCents('12')).toBe(1_200);
    expect(eurosTextToCents('12 €')).toBe(1_200);
  });

  it('are refused when they are not an amount in euros and cents', () => {
    for (const text of ['', 'abc', '1,234,5', '12,345', '-5', '1e3']) expect(eurosTextToCents(text)).toBeNull();
  });

  it('round-trip with the text shown in the input', () => {
    expect(centsToEurosText(123_456)).toBe('1234,56');
    expect(eurosTextToCents(centsToEurosText(7))).toBe(7);
  });
});

describe('the allocation proposed for a payment', () => {
  const invoices = [
    { id: 'late', dueDate: '2026-07-31', issueDate: '2026-07-01', amountLeftCents: 50_000 },
    { id: 'old', dueDate: '2026-06-30', issueDate: '2026-06-01', amountLeftCents: 30_000 },
  ];

  it('settles the oldest due invoice first, then the next with what is left', () => {
    expect(prefillAllocations(invoices, 40_000)).toEqual({ old: 30_000, late: 10_000 });
  });

  it('never gives an invoice more than what is left on it', () => {
    expect(prefillAllocations(invoices, 100_000)).toEqual({ old: 30_000, late: 50_000 });
  });
});
