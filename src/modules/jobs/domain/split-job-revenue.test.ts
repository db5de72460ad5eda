import { describe, expect, it } from 'vitest';
import { largestRemainder, proportionOf, splitJobRevenue, type JobSplit } from './split-job-revenue.js';

const thirds = [
  { activityId: 'a', shareBp: 3333 },
  { activityId: 'b', shareBp: 3333 },
  { activityId: 'c', shareBp: 3334 },
];
const sixtyForty = [
  { activityId: 'b', shareBp: 6000 },
  { activityId: 'c', shareBp: 4000 },
];

const revenueOf = (s: JobSplit) => s.parts.reduce((sum, p) => sum + p.revenueCents, 0) + s.marginCents;
const commissionOf = (s: JobSplit) => s.parts.reduce((sum, p) => sum + p.commissionCents, 0);

describe('splitting the revenue of a job', () => {
  it('gives the margin, the parts by share and the commission paid pro rata', () => {
    const split = splitJobRevenue({ revenueCents: 1_000_000, marginRateBp: 1000, commissionRateBp: 800, participants: sixtyForty });
    expect(split).toEqual({
      marginCents: 100_000,
      commissionCents: 80_000,
      parts: [
        { activityId: 'b', revenueCents: 540_000, commissionCents: 48_000 },
        { activityId: 'c', revenueCents: 360_000, commissionCents: 32_000 },
      ],
    });
  });

  it('gives a single cent to the first of three equal-ish participants, the parts adding up to the revenue', () => {
    const split = splitJobRevenue({ revenueCents: 1, marginRateBp: 0, commissionRateBp: 800, participants: thirds });
    // 1 × 3334/10000 has the largest remainder: the cent goes to the 33.34 % participant.
    expect(split.parts.map((p) => p.revenueCents)).toEqual([0, 0, 1]);
    expect(split.commissionCents).toBe(0);
    expect(revenueOf(split)).toBe(1);
  });

  it('breaks ties by the participants order', () => {
    expect(largestRemainder(1, [5000, 5000])).toEqual([1, 0]);
    expect(largestRemainder(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(largestRemainder(-1, [5000, 5000])).toEqual([-1, 0]);
  });

  it('splits 100.00 € between three thirds to the cent', () => {
    const split = splitJobRevenue({ revenueCents: 10_000, marginRateBp: 0, commissionRateBp: 0, participants: thirds });
    expect(split.parts.map((p) => p.revenueCents)).toEqual([3333, 3333, 3334]);
    const odd = splitJobRevenue({ revenueCents: 10_001, marginRateBp: 1234, commissionRateBp: 777, participants: thirds });
    expect(revenueOf(odd)).toBe(10_001);
    expect(commissionOf(odd)).toBe(odd.commissionCents);
    expect(odd.marginCents).toBe(1234); // 10001 × 12.34 % = 1234.12
    expect(odd.commissionCents).toBe(777); // 10001 × 7.77 % = 777.08
  });

  it('mirrors the invoice exactly on a full credit note', () => {
    for (const revenueCents of [1, 7, 10_001, 33_333, 99_999_999]) {
      const input = { marginRateBp: 1500, commissionRateBp: 800, participants: thirds };
      const sale = splitJobRevenue({ ...input, revenueCents });
      const credit = splitJobRevenue({ ...input, revenueCents: -revenueCents });
      expect(credit.marginCents).toBe(-sale.marginCents);
      expect(credit.commissionCents).toBe(-sale.commissionCents);
      expect(credit.parts.map((p) => [p.revenueCents, p.commissionCents])).toEqual(sale.parts.map((p) => [-p.revenueCents || 0, -p.commissionCents || 0]));
      expect(revenueOf(credit)).toBe(-revenueCents);
    }
  });

  it('keeps every cent of 1,000,000.00 € and rounds half away from zero', () => {
    const split = splitJobRevenue({ revenueCents: 100_000_000, marginRateBp: 333, commissionRateBp: 800, participants: thirds });
    expect(split.marginCents).toBe(3_330_000);
    expect(split.commissionCents).toBe(8_000_000);
    expect(revenueOf(split)).toBe(100_000_000);
    expect(commissionOf(split)).toBe(8_000_000);
    expect(proportionOf(5, 5000, 10_000)).toBe(3);
    expect(proportionOf(-5, 5000, 10_000)).toBe(-3);
  });

  it('takes everything as margin at 100 %, the commission then paid by the shares', () => {
    const split = splitJobRevenue({ revenueCents: 12_345, marginRateBp: 10_000, commissionRateBp: 10_000, participants: sixtyForty });
    expect(split.marginCents).toBe(12_345);
    expect(split.parts.map((p) => p.revenueCents)).toEqual([0, 0]);
    expect(split.parts.map((p) => p.commissionCents)).toEqual([7407, 4938]);
    expect(revenueOf(split)).toBe(12_345);
  });

  it('takes nothing at rates of 0', () => {
    const split = splitJobRevenue({ revenueCents: 999, marginRateBp: 0, commissionRateBp: 0, participants: sixtyForty });
    expect(split.marginCents).toBe(0);
    expect(split.commissionCents).toBe(0);
    expect(split.parts.map((p) => p.revenueCents)).toEqual([599, 400]); // 599.4 / 399.6: the cent to the larger remainder
  });

  it('refuses shares that do not add up to 100 % and rates out of bounds', () => {
    expect(() => splitJobRevenue({ revenueCents: 100, marginRateBp: 0, commissionRateBp: 0, participants: [{ activityId: 'a', shareBp: 9999 }] })).toThrow(RangeError);
    expect(() => splitJobRevenue({ revenueCents: 100, marginRateBp: 10_001, commissionRateBp: 0, participants: sixtyForty })).toThrow(RangeError);
    expect(() => splitJobRevenue({ revenueCents: 100, marginRateBp: 0, commissionRateBp: 0, participants: [] })).toThrow(RangeError);
  });
});
