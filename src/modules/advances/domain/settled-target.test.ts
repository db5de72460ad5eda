import { describe, expect, it } from 'vitest';
import { settledTargetCents } from './settled-target.js';

describe('what the client has settled of an advance', () => {
  it('nothing before he pays, in proportion as he pays, all once paid', () => {
    expect(settledTargetCents(80_000, { paidCents: 0, amountLeftCents: 120_000 })).toBe(0);
    expect(settledTargetCents(80_000, { paidCents: 40_000, amountLeftCents: 80_000 })).toBe(26_666);
    expect(settledTargetCents(80_000, { paidCents: 119_999, amountLeftCents: 1 })).toBe(79_999);
    expect(settledTargetCents(80_000, { paidCents: 120_000, amountLeftCents: 0 })).toBe(80_000);
  });
});
