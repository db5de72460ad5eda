import { describe, expect, it } from 'vitest';
import { assertBalanced, balanceOf, entryLinesProblem, reverseLines, splitBalance, sumMovements } from './entry-lines.js';

const sale = [
  { account: '411', debitCents: 12_000 },
  { account: '706', creditCents: 10_000 },
  { account: '44571', creditCents: 2_000 },
];

describe('a balanced entry', () => {
  it('accepts debits equal to credits', () => {
    expect(entryLinesProblem(sale)).toBeNull();
    expect(() => assertBalanced(sale)).not.toThrow();
  });

  it('refuses debits that differ from credits by one cent', () => {
    const problem = entryLinesProblem([{ account: '411', debitCents: 12_001 }, ...sale.slice(1)]);
    expect(problem?.path).toBe('lines');
    expect(() => assertBalanced([{ account: '411', debitCents: 1 }, { account: '706', creditCents: 2 }])).toThrow(/Unbalanced/);
  });

  it('refuses a single line', () => {
    expect(entryLinesProblem([{ account: '411', debitCents: 0 }])?.path).toBe('lines');
  });

  it('refuses a line with both a debit and a credit, or neither', () => {
    expect(entryLinesProblem([{ account: '411', debitCents: 5, creditCents: 5 }, { account: '706', creditCents: 0 }])?.path).toBe('lines.0');
    expect(entryLinesProblem([{ account: '411', debitCents: 5 }, { account: '706' }])?.path).toBe('lines.1');
  });

  it('refuses negative or fractional cents', () => {
    expect(entryLinesProblem([{ account: '411', debitCents: -5 }, { account: '706', creditCents: -5 }])?.path).toBe('lines.0');
    expect(entryLinesProblem([{ account: '411', debitCents: 1.5 }, { account: '706', creditCents: 1.5 }])?.path).toBe('lines.0');
  });
});

describe('reversing an entry', () => {
  it('swaps debits and credits and keeps the rest of each line', () => {
    const reversed = reverseLines([{ account: '411', debitCents: 100, activityId: 'a' }, { account: '706', creditCents: 100, activityId: 'a' }]);
    expect(reversed).toEqual([
      { account: '411', debitCents: 0, creditCents: 100, activityId: 'a' },
      { account: '706', debitCents: 100, creditCents: 0, activityId: 'a' },
    ]);
  });

  it('brings every balance back to zero with the original', () => {
    const total = sumMovements([...sale, ...reverseLines(sale)].map((l) => ({ debitCents: l.debitCents ?? 0, creditCents: l.creditCents ?? 0 })));
    expect(total.debitCents).toBe(total.creditCents);
  });
});

describe('balances', () => {
  it('is debit minus credit, shown in the debit or credit column', () => {
    expect(balanceOf({ debitCents: 300, creditCents: 100 })).toBe(200);
    expect(splitBalance(200)).toEqual({ debitBalanceCents: 200, creditBalanceCents: 0 });
    expect(splitBalance(-50)).toEqual({ debitBalanceCents: 0, creditBalanceCents: 50 });
  });
});
