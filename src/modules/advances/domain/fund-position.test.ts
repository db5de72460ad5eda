import { describe, expect, it } from 'vitest';
import { fundPosition } from './fund-position.js';

describe('fund position', () => {
  it('endowment and fees, less what was written off and what is out', () => {
    expect(fundPosition({ endowmentCents: 1_000_000, feesEarnedCents: 2_000, writtenOffCents: 30_000, outstandingCents: 100_000 }).availableCents).toBe(872_000);
  });
});
