import { describe, expect, it } from 'vitest';
import { jobShareLeft } from './job-share.js';

describe('jobShareLeft', () => {
  it('takes the commission, the contribution and what was already invoiced off the revenue part', () => {
    expect(jobShareLeft({ revenueCents: 900_000, commissionOwedCents: 72_000, contributionCents: 90_000, invoicedCents: 0 })).toBe(738_000);
    expect(jobShareLeft({ revenueCents: 900_000, commissionOwedCents: 72_000, contributionCents: 90_000, invoicedCents: 700_000 })).toBe(38_000);
  });
  it('never goes below zero', () => {
    expect(jobShareLeft({ revenueCents: 100_000, commissionOwedCents: 8_000, contributionCents: 10_000, invoicedCents: 90_000 })).toBe(0);
  });
});
