import { describe, expect, it } from 'vitest';
import { splitUnderCap } from './split-under-cap.js';

const cap = 10_000_000;
const item = (id: string, netCents: number) => ({ id, netCents });

describe('a month of resources cut under the invoice ceiling', () => {
  it('keeps a month under the ceiling on one invoice', () => {
    expect(splitUnderCap([item('a', 4_000), item('b', 2_500)], cap)).toEqual({ batches: [[item('a', 4_000), item('b', 2_500)]], tooLarge: [] });
  });

  it('cuts a month above the ceiling into invoices each within it, every item on exactly one', () => {
    const items = [item('a', 4_000_000), item('b', 4_000_000), item('c', 4_000_000), item('d', 1_500_000), item('e', 10_000_000)];
    const { batches, tooLarge } = splitUnderCap(items, cap);
    expect(tooLarge).toEqual([]);
    for (const b of batches) expect(b.reduce((s, i) => s + i.netCents, 0)).toBeLessThanOrEqual(cap);
    expect(batches.flat().map((i) => i.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(batches.map((b) => b.map((i) => i.id))).toEqual([['a', 'b', 'd'], ['c'], ['e']]);
  });

  it('sets apart an item above the ceiling on its own, and bills the rest', () => {
    expect(splitUnderCap([item('a', 10_000_001), item('b', 100)], cap)).toEqual({ batches: [[item('b', 100)]], tooLarge: [item('a', 10_000_001)] });
    expect(splitUnderCap([], cap)).toEqual({ batches: [], tooLarge: [] });
  });
});
