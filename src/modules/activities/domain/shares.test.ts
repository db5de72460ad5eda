import { describe, expect, it } from 'vitest';
import { bpToPercent, evenSplit, FULL_SHARE_BP, holdersProblem, percentToBp } from './shares.js';

const m = (n: number) => `member-${n}`;

describe('holdersProblem', () => {
  it('accepts a single holder with the whole activity', () => {
    expect(holdersProblem([{ memberId: m(1), shareBp: 10_000 }])).toBeNull();
  });

  it('accepts shares that add up to exactly 100 %', () => {
    expect(holdersProblem([{ memberId: m(1), shareBp: 6000 }, { memberId: m(2), shareBp: 4000 }])).toBeNull();
  });

  it('refuses an activity without a holder', () => {
    expect(holdersProblem([])?.en).toMatch(/at least one holder/);
  });

  it('refuses a single holder with less than the whole activity', () => {
    expect(holdersProblem([{ memberId: m(1), shareBp: 5000 }])?.fr).toBe('Les parts totalisent 50 % au lieu de 100 %.');
  });

  it('refuses shares that add up to more or less than 100 %', () => {
    expect(holdersProblem([{ memberId: m(1), shareBp: 3333 }, { memberId: m(2), shareBp: 3333 }, { memberId: m(3), shareBp: 3333 }])?.fr).toBe(
      'Les parts totalisent 99,99 % au lieu de 100 %.',
    );
    expect(holdersProblem([{ memberId: m(1), shareBp: 6000 }, { memberId: m(2), shareBp: 6000 }])?.en).toBe('The shares add up to 120 % instead of 100 %.');
  });

  it('refuses a zero, negative or fractional share even when the total is right', () => {
    expect(holdersProblem([{ memberId: m(1), shareBp: 10_000 }, { memberId: m(2), shareBp: 0 }])).not.toBeNull();
    expect(holdersProblem([{ memberId: m(1), shareBp: 11_000 }, { memberId: m(2), shareBp: -1000 }])).not.toBeNull();
    expect(holdersProblem([{ memberId: m(1), shareBp: 5000.5 }, { memberId: m(2), shareBp: 4999.5 }])).not.toBeNull();
  });

  it('refuses the same member twice', () => {
    expect(holdersProblem([{ memberId: m(1), shareBp: 5000 }, { memberId: m(1), shareBp: 5000 }])?.en).toMatch(/twice/);
  });
});

describe('evenSplit', () => {
  it('gives a single holder the whole activity', () => {
    expect(evenSplit(1)).toEqual([FULL_SHARE_BP]);
  });

  it('gives the leftover basis points one each to the first holders', () => {
    expect(evenSplit(3)).toEqual([3334, 3333, 3333]);
    expect(evenSplit(7)).toEqual([1429, 1429, 1429, 1429, 1428, 1428, 1428]);
  });

  it('always adds up to 100 %', () => {
    for (let n = 1; n <= 50; n++) {
      const shares = evenSplit(n);
      expect(shares).toHaveLength(n);
      expect(shares.reduce((a, b) => a + b, 0)).toBe(FULL_SHARE_BP);
      expect(holdersProblem(shares.map((shareBp, i) => ({ memberId: m(i), shareBp })))).toBeNull();
    }
  });

  it('returns nothing for no holder', () => {
    expect(evenSplit(0)).toEqual([]);
  });
});

describe('percentages', () => {
  it('converts between basis points and percentages with two decimals', () => {
    expect(bpToPercent(3334)).toBe(33.34);
    expect(percentToBp(33.34)).toBe(3334);
    expect(percentToBp(0.1 + 0.2)).toBe(30);
  });
});
