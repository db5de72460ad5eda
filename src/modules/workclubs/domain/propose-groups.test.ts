import { describe, expect, it } from 'vitest';
import { groupSizes } from './group-sizes.js';
import { cut, diversity, mulberry32, normalisedTrades, proposeGroups, sharedTradePairs, type Applicant } from './propose-groups.js';

const TRADES = ['graphiste', 'menuisier', 'développeuse', 'photographe', 'traductrice', 'formateur', 'consultante', 'chef de projet', 'designer', 'data scientist', 'comptable', 'juriste'];

function randomInstance(random: () => number, n: number, tradeCount: number, multi: boolean): Applicant[] {
  return Array.from({ length: n }, (_, i) => {
    const trades = [TRADES[Math.floor(random() * tradeCount)]!];
    if (multi && random() < 0.3) trades.push(TRADES[Math.floor(random() * TRADES.length)]!);
    if (random() < 0.05) trades.length = 0;
    return { id: `a${i}`, trades };
  });
}
const tradeMap = (applicants: Applicant[]) => new Map(applicants.map((a) => [a.id, normalisedTrades(a.trades)]));

describe('group sizes', () => {
  it('makes groups of four, and of three or five when the count is not a multiple of four, evenly', () => {
    expect(groupSizes(2)).toEqual([]);
    expect(groupSizes(3)).toEqual([3]);
    expect(groupSizes(4)).toEqual([4]);
    expect(groupSizes(5)).toEqual([5]);
    expect(groupSizes(6)).toEqual([3, 3]);
    expect(groupSizes(7)).toEqual([4, 3]);
    expect(groupSizes(8)).toEqual([4, 4]);
    expect(groupSizes(9)).toEqual([5, 4]);
    expect(groupSizes(10)).toEqual([4, 3, 3]);
    expect(groupSizes(13)).toEqual([5, 4, 4]);
    for (let n = 3; n <= 400; n++) {
      const sizes = groupSizes(n);
      expect(sizes.reduce((s, x) => s + x, 0)).toBe(n);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
});

describe('group proposal', () => {
  it('puts every applicant in exactly one group, sizes 3 to 5, never less diverse than the naive split (300 random instances)', () => {
    const random = mulberry32(2026);
    for (let run = 0; run < 300; run++) {
      const n = 3 + Math.floor(random() * 38);
      const applicants = randomInstance(random, n, 1 + Math.floor(random() * TRADES.length), random() < 0.5);
      const groups = proposeGroups(applicants, run);
      const placed = groups.flat();
      expect(placed.sort()).toEqual(applicants.map((a) => a.id).sort());
      expect(groups.map((g) => g.length)).toEqual(groupSizes(n));
      const trades = tradeMap(applicants);
      expect(diversity(groups, trades)).toBeGreaterThanOrEqual(diversity(cut(applicants.map((a) => a.id), groupSizes(n)), trades));
    }
  });

  it('never puts two people of one trade together when each trade has no more people than there are groups (200 random instances)', () => {
    const random = mulberry32(45);
    for (let run = 0; run < 200; run++) {
      const n = 6 + Math.floor(random() * 35);
      const g = groupSizes(n).length;
      // Hand out trades with at most g holders each.
      const pool = TRADES.concat(TRADES.map((t) => `${t} bis`), TRADES.map((t) => `${t} ter`)).flatMap((t) => Array.from({ length: 1 + Math.floor(random() * g) }, () => t));
      for (let i = pool.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [pool[i], pool[j]] = [pool[j]!, pool[i]!];
      }
      const counts = new Map<string, number>();
      const applicants: Applicant[] = [];
      for (const t of pool) {
        if (applicants.length === n) break;
        if ((counts.get(t) ?? 0) >= g) continue;
        counts.set(t, (counts.get(t) ?? 0) + 1);
        applicants.push({ id: `p${applicants.length}`, trades: [t] });
      }
      if (applicants.length < n) continue;
      expect(sharedTradePairs(proposeGroups(applicants, run), tradeMap(applicants))).toBe(0);
    }
  });

  it('separates the trades a naive split would put together', () => {
    const applicants: Applicant[] = ['graphiste', 'graphiste', 'menuisier', 'menuisier', 'photographe', 'photographe', 'Traductrice', 'traductrice'].map((t, i) => ({ id: `m${i}`, trades: [t] }));
    const trades = tradeMap(applicants);
    expect(sharedTradePairs(cut(applicants.map((a) => a.id), [4, 4]), trades)).toBe(4);
    const groups = proposeGroups(applicants, 1);
    expect(sharedTradePairs(groups, trades)).toBe(0);
    expect(diversity(groups, trades)).toBe(8);
  });

  it('compares trades without case or accents', () => {
    expect(normalisedTrades([' Développeuse', 'developpeuse', ''])).toEqual(['developpeuse']);
  });

  it('gives the same proposal for the same seed, and may give another for another seed', () => {
    const applicants = randomInstance(mulberry32(7), 16, 8, false);
    expect(proposeGroups(applicants, 42)).toEqual(proposeGroups(applicants, 42));
    const distinct = new Set(Array.from({ length: 10 }, (_, s) => JSON.stringify(proposeGroups(applicants, s))));
    expect(distinct.size).toBeGreaterThan(1);
  });

  it('proposes nothing below three applicants, and refuses duplicate ids', () => {
    expect(proposeGroups([{ id: 'a', trades: [] }, { id: 'b', trades: [] }], 1)).toEqual([]);
    expect(() => proposeGroups([{ id: 'a', trades: [] }, { id: 'a', trades: [] }, { id: 'b', trades: [] }], 1)).toThrow(RangeError);
  });
});
