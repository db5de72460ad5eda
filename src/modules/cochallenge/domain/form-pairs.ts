import { normalTag, seededRandom } from './plan-cochallenge.js';

export interface Pitcher {
  memberId: string;
  /** The member's main trade (their first declared one); null when they declared none. */
  trade: string | null;
}

export interface FormedPairs {
  pairs: [string, string][];
  /** The one pitcher left out when their number is odd (staff add them to a pair by hand or drop them). */
  unpaired: string | null;
  /** Pairs whose two pitchers share a main trade: 0 whenever no trade is held by more than half of them. */
  sameTradePairs: number;
}

/**
 * Proposes pairs of pitchers of different trades: a company hears two trades, and each
 * pitcher learns another one (the cochallenge is also for members to discover each other).
 *
 * Method: group the pitchers by main trade, biggest groups first (a pitcher without a trade is
 * a group of one), lay them in one row, and pair the i-th with the (i + n/2)-th. A group of at
 * most n/2 members is a run shorter than the distance n/2, so its members never face each
 * other: every pair mixes trades as soon as no trade holds more than half the pitchers; when
 * one does, exactly (its size − n/2) pairs share it, the fewest possible. The seed orders
 * pitchers within a group and groups of equal size, so a new seed proposes other pairs.
 */
export function formPairs(pitchers: readonly Pitcher[], seed: number): FormedPairs {
  const random = seededRandom(seed);
  const groups = new Map<string, string[]>();
  for (const p of pitchers) {
    const key = p.trade && normalTag(p.trade) !== '' ? normalTag(p.trade) : `\u0000${p.memberId}`;
    const group = groups.get(key) ?? [];
    group.push(p.memberId);
    groups.set(key, group);
  }
  const keyed = [...groups.values()].map((members) => ({ members: members.map((m) => ({ m, r: random() })).sort((a, b) => a.r - b.r).map((x) => x.m), r: random() }));
  keyed.sort((a, b) => b.members.length - a.members.length || a.r - b.r);
  const row = keyed.flatMap((g) => g.members);
  const unpaired = row.length % 2 === 1 ? row.pop()! : null;
  const half = row.length / 2;
  const tradeOf = new Map(pitchers.map((p) => [p.memberId, p.trade ? normalTag(p.trade) : null]));
  const pairs: [string, string][] = [];
  let sameTradePairs = 0;
  for (let i = 0; i < half; i++) {
    const a = row[i]!;
    const b = row[i + half]!;
    pairs.push([a, b]);
    const ta = tradeOf.get(a);
    if (ta && ta === tradeOf.get(b)) sameTradePairs++;
  }
  return { pairs, unpaired, sameTradePairs };
}
