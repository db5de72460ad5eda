import { groupSizes } from './group-sizes.js';

/** An applicant as the proposal sees them: an id and their trades (a member may hold two). */
export interface Applicant {
  id: string;
  trades: readonly string[];
}

/**
 * Groups of four (three or five, see `groupSizes`) that mix trades: the point of a workclub
 * is to meet other trades and borrow their networks, so two graphic designers in one group
 * is a wasted seat.
 *
 * Method, deterministic for a given `seed` (a different seed gives staff another proposal):
 * 1. Deal. Applicants are ordered by how common their first trade is (the most common trade
 *    first, those sharing it together, then applicants without a trade), ties shuffled by
 *    the seed, and dealt round-robin into the groups: the k-th applicant goes to group k mod g.
 *    People of one trade thus land in consecutive, distinct groups.
 * 2. Improve. Swapping two people of different groups is kept whenever it raises the total
 *    number of distinct trades over all groups (trades compared case- and accent-blind);
 *    repeated until no swap helps. Swaps keep sizes.
 * 3. The naive split (applicants in the order given, cut into the same sizes) is improved the
 *    same way, and the better of the two is returned.
 *
 * Guarantees (tested on random instances): every applicant is in exactly one group; sizes are
 * those of `groupSizes` (3 to 5); the total of distinct trades per group is never below the
 * naive split's; when each applicant has one trade and no trade is held by more applicants
 * than there are groups, no group holds two people of the same trade (the deal already
 * achieves it and swaps never lower the total).
 */
export function proposeGroups(applicants: readonly Applicant[], seed: number): string[][] {
  const sizes = groupSizes(applicants.length);
  if (sizes.length === 0) return [];
  const ids = new Set(applicants.map((a) => a.id));
  if (ids.size !== applicants.length) throw new RangeError('applicant ids must be unique');
  const tradesOf = new Map(applicants.map((a) => [a.id, normalisedTrades(a.trades)]));

  const dealt = improve(deal(applicants, tradesOf, sizes, seed), tradesOf);
  const naive = improve(cut(applicants.map((a) => a.id), sizes), tradesOf);
  return diversity(naive, tradesOf) > diversity(dealt, tradesOf) ? naive : dealt;
}

/** The total, over groups, of distinct trades in each group: what the proposal maximises. */
export function diversity(groups: readonly (readonly string[])[], tradesOf: ReadonlyMap<string, readonly string[]>): number {
  return groups.reduce((sum, g) => sum + distinctTrades(g, tradesOf), 0);
}

/** Pairs of people sharing a trade inside one group, over all groups (0 is the aim). */
export function sharedTradePairs(groups: readonly (readonly string[])[], tradesOf: ReadonlyMap<string, readonly string[]>): number {
  let pairs = 0;
  for (const g of groups) {
    const counts = new Map<string, number>();
    for (const id of g) for (const t of tradesOf.get(id) ?? []) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const c of counts.values()) pairs += (c * (c - 1)) / 2;
  }
  return pairs;
}

/** Trades as compared: trimmed, lower case, without accents, each once. */
export function normalisedTrades(trades: readonly string[]): string[] {
  const out = new Set<string>();
  for (const t of trades) {
    const key = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().toLowerCase();
    if (key) out.add(key);
  }
  return [...out];
}

/** The naive split: the order given, cut into the sizes. */
export function cut(ids: readonly string[], sizes: readonly number[]): string[][] {
  const groups: string[][] = [];
  let at = 0;
  for (const size of sizes) {
    groups.push(ids.slice(at, at + size));
    at += size;
  }
  return groups;
}

function distinctTrades(group: readonly string[], tradesOf: ReadonlyMap<string, readonly string[]>): number {
  const seen = new Set<string>();
  for (const id of group) for (const t of tradesOf.get(id) ?? []) seen.add(t);
  return seen.size;
}

function deal(applicants: readonly Applicant[], tradesOf: ReadonlyMap<string, readonly string[]>, sizes: readonly number[], seed: number): string[][] {
  const random = mulberry32(seed);
  const frequency = new Map<string, number>();
  for (const a of applicants) {
    const first = tradesOf.get(a.id)![0];
    if (first) frequency.set(first, (frequency.get(first) ?? 0) + 1);
  }
  // The tie-break key is drawn once per trade and once per person, so the seed reshuffles
  // which groups a trade lands in and the order inside it, never the grouping by trade.
  const tradeKey = new Map([...frequency.keys()].sort().map((t) => [t, random()]));
  const order = applicants
    .map((a) => ({ id: a.id, first: tradesOf.get(a.id)![0] ?? null, key: random() }))
    .sort((x, y) => {
      const fx = x.first ? frequency.get(x.first)! : 0;
      const fy = y.first ? frequency.get(y.first)! : 0;
      if (fx !== fy) return fy - fx;
      const tx = x.first ? tradeKey.get(x.first)! : 2;
      const ty = y.first ? tradeKey.get(y.first)! : 2;
      if (tx !== ty) return tx - ty;
      return x.key - y.key || (x.id < y.id ? -1 : 1);
    });
  const groups: string[][] = sizes.map(() => []);
  // Round-robin over the groups that still have room: the larger groups come first in
  // `sizes`, so the plain k mod g deal fills them exactly.
  let k = 0;
  for (const person of order) {
    while (groups[k % groups.length]!.length >= sizes[k % groups.length]!) k++;
    groups[k % groups.length]!.push(person.id);
    k++;
  }
  return groups;
}

/** Best-improvement swaps between groups until none raises the diversity (bounded: each pass raises it by one at least). */
function improve(start: string[][], tradesOf: ReadonlyMap<string, readonly string[]>): string[][] {
  const groups = start.map((g) => [...g]);
  const score = groups.map((g) => distinctTrades(g, tradesOf));
  for (;;) {
    let best: { gi: number; i: number; gj: number; j: number; gain: number; si: number; sj: number } | null = null;
    for (let gi = 0; gi < groups.length; gi++) {
      for (let gj = gi + 1; gj < groups.length; gj++) {
        const a = groups[gi]!;
        const b = groups[gj]!;
        for (let i = 0; i < a.length; i++) {
          for (let j = 0; j < b.length; j++) {
            const na = a.map((id, x) => (x === i ? b[j]! : id));
            const nb = b.map((id, x) => (x === j ? a[i]! : id));
            const si = distinctTrades(na, tradesOf);
            const sj = distinctTrades(nb, tradesOf);
            const gain = si + sj - score[gi]! - score[gj]!;
            if (gain > 0 && (!best || gain > best.gain)) best = { gi, i, gj, j, gain, si, sj };
          }
        }
      }
    }
    if (!best) return groups;
    const a = groups[best.gi]!;
    const b = groups[best.gj]!;
    [a[best.i], b[best.j]] = [b[best.j]!, a[best.i]!];
    score[best.gi] = best.si;
    score[best.gj] = best.sj;
  }
}

/** A small seeded generator (Mulberry32): the same seed, the same proposal, on every machine. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
