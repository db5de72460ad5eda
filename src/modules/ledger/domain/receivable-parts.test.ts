import { describe, expect, it } from 'vitest';
import { splitReceipt } from './receivable-parts.js';

describe('splitReceipt', () => {
  it('gives an invoice of one activity the whole payment', () => {
    expect(splitReceipt(12_000, [{ activityId: 'a', openCents: 12_000 }], 'a')).toEqual([{ activityId: 'a', amountCents: 12_000 }]);
    expect(splitReceipt(500, [], 'a')).toEqual([{ activityId: 'a', amountCents: 500 }]);
  });

  it("splits a job invoice's payment in proportion of what each activity holds open, to the cent", () => {
    // 1 000,01 € open as 600,01 / 399,99 / 0,01 (margin): a third paid.
    const parts = [
      { activityId: 'b', openCents: 60_001 },
      { activityId: 'c', openCents: 39_999 },
      { activityId: null, openCents: 1 },
    ];
    const paid = splitReceipt(33_334, parts, 'b');
    expect(paid.reduce((s, p) => s + p.amountCents, 0)).toBe(33_334);
    expect(paid).toEqual([
      { activityId: 'b', amountCents: 20_001 },
      { activityId: 'c', amountCents: 13_333 },
    ]);
  });

  it('clears every part exactly with the last payment, whatever the earlier ones were', () => {
    let parts = [
      { activityId: 'b', openCents: 70_001 },
      { activityId: 'c', openCents: 29_999 },
    ];
    for (const amount of [333, 33_333, 1, 66_333]) {
      const paid = splitReceipt(amount, parts, 'b');
      parts = parts.map((p) => ({ ...p, openCents: p.openCents - (paid.find((x) => x.activityId === p.activityId)?.amountCents ?? 0) }));
      expect(parts.every((p) => p.openCents >= 0)).toBe(true);
    }
    expect(parts.map((p) => p.openCents)).toEqual([0, 0]);
  });

  it('puts what goes beyond the open parts on the invoice’s activity', () => {
    expect(splitReceipt(1_500, [{ activityId: 'b', openCents: 600 }, { activityId: 'c', openCents: 400 }], 'c')).toEqual([
      { activityId: 'b', amountCents: 600 },
      { activityId: 'c', amountCents: 900 },
    ]);
  });
});
