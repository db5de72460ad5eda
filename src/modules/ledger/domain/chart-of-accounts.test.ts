import { describe, expect, it } from 'vitest';
import { accountClass, defaultChartOfAccounts, defaultJournals, defaultKindOf } from './chart-of-accounts.js';

describe('the default chart of accounts', () => {
  it('holds every account the platform posts to', () => {
    const numbers = defaultChartOfAccounts().map((a) => a.number);
    for (const n of ['101', '106', '401', '411', '421', '44566', '44571', '4551', '467', '512', '530', '606', '641', '706', '708', '7588']) expect(numbers).toContain(n);
  });

  it('names each account once', () => {
    const numbers = defaultChartOfAccounts().map((a) => a.number);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('treats member current accounts apart from outside third parties', () => {
    const byNumber = new Map(defaultChartOfAccounts().map((a) => [a.number, a]));
    expect(byNumber.get('4551')?.kind).toBe('member');
    expect(byNumber.get('467')?.kind).toBe('member');
    expect(byNumber.get('411')?.kind).toBe('third_party');
    expect(byNumber.get('101')?.kind).toBe('equity');
  });

  it('keeps the journals VT, AC, BQ, OD, SA and AN (à-nouveaux)', () => {
    expect(defaultJournals().map((j) => j.code)).toEqual(['VT', 'AC', 'BQ', 'OD', 'SA', 'AN']);
  });
});

describe('account class', () => {
  it('is the first digit of the PCG number', () => {
    expect(accountClass('44571')).toBe(4);
    expect(accountClass('706')).toBe(7);
  });

  it('refuses what is not a PCG number', () => {
    expect(() => accountClass('9')).toThrow();
    expect(() => accountClass('0411')).toThrow();
    expect(() => accountClass('41A')).toThrow();
  });

  it('gives expense and revenue kinds to classes 6 and 7', () => {
    expect(defaultKindOf('6064')).toBe('expense');
    expect(defaultKindOf('708')).toBe('revenue');
    expect(defaultKindOf('512')).toBe('cash');
  });
});
