/**
 * The cochallenge planner: which companies each pair of pitchers meets, in which order, and
 * which profiles (other members) it presents at each meeting.
 *
 * Method, in four deterministic steps (a seed only breaks ties, so the same input and seed
 * always give the same plan):
 *  1. Meetings to pairs. Every slot of a company is one 30-minute meeting with one pair. The
 *     companies, most slots first, give their slots to the least-loaded pairs that do not
 *     already meet them: each pair gets ⌊M/pairs⌋ or ⌈M/pairs⌉ meetings, never the same
 *     company twice.
 *  2. Times. The meetings are the edges of a bipartite graph pairs × companies; it is
 *     edge-coloured with Δ colours (König's theorem, by flipping alternating paths), a colour
 *     being a round of the day. So neither a pair nor a company is ever booked twice in a
 *     round, and the day lasts the fewest rounds possible (Δ = the busiest pair or company).
 *  3. Balance, exactly. Who is presented where is a maximum flow: source → profile (capacity
 *     its quota) → (company, profile) (capacity 1: a company never sees a profile twice) →
 *     meeting of that company whose pair does not contain the profile (nobody pitches
 *     themselves) → sink (capacity N profiles per meeting). With T = M × N presentations and
 *     P profiles, every profile first gets ⌊T/P⌋ (a flow with that capacity), then the
 *     capacities rise to ⌈T/P⌉ and the flow is augmented; augmenting never lowers the flow
 *     leaving the source, so the floors stay. A full flow is a plan where every profile is
 *     presented ⌊T/P⌋ or ⌈T/P⌉ times, within one of the target; if the maximum flow is not
 *     full, no such plan exists and the input is refused (max-flow = min-cut, so this is
 *     exact, not a heuristic's give-up).
 *  4. Fit, by local search that never breaks step 3. A profile fits a company by the number
 *     of its tags (trades, skills) the company's sector/needs tags hold. Two moves, applied
 *     while they raise the total fit: replace a profile at its ceiling by one at its floor
 *     (both stay within one of the target), or swap two profiles between meetings of two
 *     different companies. Each move re-checks the three hard rules before it applies.
 *
 * Guarantees of a plan returned (asserted by the unit tests on random instances): no pair
 * presents either of its members; no company sees a profile twice; no pair and no company
 * has two meetings in one round; every meeting presents N distinct profiles; every
 * profile's count is ⌊T/P⌋ or ⌈T/P⌉. "Pairs mix trades": when the planner forms the pairs
 * ({@link formPairs}) the two pitchers have different main trades whenever the trade counts
 * allow it (no trade held by more than half the pitchers); when staff set the pairs, the
 * plan reports how many pairs share a trade and the fit step spreads the profiles, a pair
 * presenting the profiles its companies need, of whatever trades.
 */

export interface PlanPair {
  id: string;
  memberIds: readonly [string, string];
}
export interface PlanCompany {
  id: string;
  /** Sector and needs, free words: matched to profiles' tags without case or accents. */
  tags: readonly string[];
  /** Meetings the company takes (usually one), each with a different pair. */
  slots: number;
}
export interface PlanProfile {
  memberId: string;
  /** Trades and skills. */
  tags: readonly string[];
}
export interface PlanInput {
  pairs: readonly PlanPair[];
  companies: readonly PlanCompany[];
  profiles: readonly PlanProfile[];
  profilesPerMeeting: number;
  seed: number;
}

export interface PlannedMeeting {
  pairId: string;
  companyId: string;
  /** 0-based round of the day: a pair's meetings in round order are its schedule. */
  round: number;
  /** The profiles presented, best fit first. */
  profileIds: string[];
  /** Sum of the presented profiles' fit to this company. */
  fit: number;
}

export interface Plan {
  meetings: PlannedMeeting[];
  rounds: number;
  /** Presentations a profile gets: T/P exactly, and the floor/ceiling every count is within. */
  target: { exact: number; floor: number; ceil: number };
  presentations: Record<string, number>;
  fitScore: number;
  /** Presentations whose profile shares at least one tag with the company. */
  matchedPresentations: number;
}

export type PlanRefusal =
  | { reason: 'NO_PAIRS' }
  | { reason: 'NO_COMPANIES' }
  | { reason: 'TOO_FEW_PROFILES'; needed: number; given: number }
  | { reason: 'PAIR_MEMBER_REPEATED'; memberId: string }
  | { reason: 'COMPANY_SLOTS_EXCEED_PAIRS'; companyId: string; slots: number; pairs: number }
  | { reason: 'COMPANY_SLOTS_EXCEED_PROFILES'; companyId: string; slots: number }
  | { reason: 'NO_BALANCED_PLAN' };

export type PlanResult = { ok: true; plan: Plan } | { ok: false; refusal: PlanRefusal };

/** Small deterministic PRNG (mulberry32): the seed makes a plan reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A tag without case, accents or surrounding spaces: "Céramique " and "ceramique" match. */
export function normalTag(tag: string): string {
  return tag.normalize('NFD').replace(/[\u0300-\u036f]/gu, '').toLowerCase().trim();
}

/** How well a profile fits a company: how many of its tags the company's tags hold. */
export function fitOf(companyTags: readonly string[], profileTags: readonly string[]): number {
  const wanted = new Set(companyTags.map(normalTag));
  return new Set(profileTags.map(normalTag).filter((t) => t !== '' && wanted.has(t))).size;
}

export function planCochallenge(input: PlanInput): PlanResult {
  const { pairs, companies, profiles, profilesPerMeeting: N } = input;
  if (pairs.length === 0) return { ok: false, refusal: { reason: 'NO_PAIRS' } };
  if (companies.length === 0) return { ok: false, refusal: { reason: 'NO_COMPANIES' } };
  // The two pitchers of a meeting may be profiles themselves: N others must remain.
  if (profiles.length < N + 2) return { ok: false, refusal: { reason: 'TOO_FEW_PROFILES', needed: N + 2, given: profiles.length } };
  const pitchers = new Set<string>();
  for (const pair of pairs) {
    for (const m of pair.memberIds) {
      if (pitchers.has(m)) return { ok: false, refusal: { reason: 'PAIR_MEMBER_REPEATED', memberId: m } };
      pitchers.add(m);
    }
  }
  for (const c of companies) {
    if (c.slots > pairs.length) return { ok: false, refusal: { reason: 'COMPANY_SLOTS_EXCEED_PAIRS', companyId: c.id, slots: c.slots, pairs: pairs.length } };
    if (c.slots * N > profiles.length) return { ok: false, refusal: { reason: 'COMPANY_SLOTS_EXCEED_PROFILES', companyId: c.id, slots: c.slots } };
  }
  const random = seededRandom(input.seed);

  // 1. Meetings to pairs: least-loaded first, the seed breaking ties.
  const pairOrder = shuffled(
    pairs.map((_, i) => i),
    random,
  );
  const companyOrder = shuffled(
    companies.map((_, i) => i),
    random,
  ).sort((a, b) => companies[b]!.slots - companies[a]!.slots);
  const pairLoad = new Array<number>(pairs.length).fill(0);
  const meetingPair: number[] = [];
  const meetingCompany: number[] = [];
  for (const c of companyOrder) {
    const chosen = [...pairOrder].sort((a, b) => pairLoad[a]! - pairLoad[b]!).slice(0, companies[c]!.slots);
    for (const p of chosen) {
      pairLoad[p]!++;
      meetingPair.push(p);
      meetingCompany.push(c);
    }
  }
  const M = meetingPair.length;
  if (M === 0) return { ok: false, refusal: { reason: 'NO_COMPANIES' } };

  // 2. Rounds: bipartite edge colouring with Δ colours.
  const { rounds, roundOf } = colourMeetings(pairs.length, companies.length, meetingPair, meetingCompany);

  // 3. Balanced presentations by maximum flow.
  const P = profiles.length;
  const total = M * N;
  const floor = Math.floor(total / P);
  const ceil = Math.ceil(total / P);
  const profileIndex = new Map(profiles.map((p, i) => [p.memberId, i]));
  const pairMembers = pairs.map((pair) => pair.memberIds.map((m) => profileIndex.get(m) ?? -1));
  const meetingsOfCompany: number[][] = companies.map(() => []);
  for (let m = 0; m < M; m++) meetingsOfCompany[meetingCompany[m]!]!.push(m);
  const excluded = (m: number, p: number) => pairMembers[meetingPair[m]!]!.includes(p);

  const C = companies.length;
  const S = 0;
  const T = 1;
  const profileNode = (p: number) => 2 + p;
  const gadgetBase = 2 + P;
  const gadgetNode = (c: number, p: number) => gadgetBase + c * P + p;
  const meetingBase = gadgetBase + C * P;
  const meetingNode = (m: number) => meetingBase + m;
  const flow = new FlowNetwork(meetingBase + M);
  const sourceEdges = profiles.map((_, p) => flow.addEdge(S, profileNode(p), floor));
  const placement: { edge: number; meeting: number; profile: number }[] = [];
  for (let c = 0; c < C; c++) {
    for (let p = 0; p < P; p++) {
      const eligible = meetingsOfCompany[c]!.filter((m) => !excluded(m, p));
      if (eligible.length === 0) continue;
      flow.addEdge(profileNode(p), gadgetNode(c, p), 1);
      for (const m of eligible) placement.push({ edge: flow.addEdge(gadgetNode(c, p), meetingNode(m), 1), meeting: m, profile: p });
    }
  }
  for (let m = 0; m < M; m++) flow.addEdge(meetingNode(m), T, N);
  if (flow.maxFlow(S, T) !== floor * P) return { ok: false, refusal: { reason: 'NO_BALANCED_PLAN' } };
  if (ceil > floor) {
    for (const e of sourceEdges) flow.raiseCapacity(e, ceil - floor);
    flow.maxFlow(S, T);
  }
  const assigned: number[][] = Array.from({ length: M }, () => []);
  for (const { edge, meeting, profile } of placement) if (flow.flowOn(edge) > 0) assigned[meeting]!.push(profile);
  if (assigned.some((a) => a.length !== N)) return { ok: false, refusal: { reason: 'NO_BALANCED_PLAN' } };

  // 4. Fit by local search keeping every hard rule.
  const fit = new Int32Array(C * P);
  for (let c = 0; c < C; c++) for (let p = 0; p < P; p++) fit[c * P + p] = fitOf(companies[c]!.tags, profiles[p]!.tags);
  improveFit({ assigned, meetingCompany, excluded, fit, P, floor, ceil, random });

  const counts = new Array<number>(P).fill(0);
  const meetings: PlannedMeeting[] = assigned.map((list, m) => {
    const c = meetingCompany[m]!;
    for (const p of list) counts[p]!++;
    const ordered = [...list].sort((a, b) => fit[c * P + b]! - fit[c * P + a]! || a - b);
    return {
      pairId: pairs[meetingPair[m]!]!.id,
      companyId: companies[c]!.id,
      round: roundOf[m]!,
      profileIds: ordered.map((p) => profiles[p]!.memberId),
      fit: ordered.reduce((s, p) => s + fit[c * P + p]!, 0),
    };
  });
  meetings.sort((a, b) => a.round - b.round || a.pairId.localeCompare(b.pairId));
  let fitScore = 0;
  let matched = 0;
  assigned.forEach((list, m) => {
    for (const p of list) {
      const f = fit[meetingCompany[m]! * P + p]!;
      fitScore += f;
      if (f > 0) matched++;
    }
  });
  return {
    ok: true,
    plan: {
      meetings,
      rounds,
      target: { exact: total / P, floor, ceil },
      presentations: Object.fromEntries(profiles.map((p, i) => [p.memberId, counts[i]!])),
      fitScore,
      matchedPresentations: matched,
    },
  };
}

/** König edge colouring of a bipartite multigraph without repeated edges: Δ colours. */
function colourMeetings(pairCount: number, companyCount: number, meetingPair: number[], meetingCompany: number[]): { rounds: number; roundOf: number[] } {
  const degree = new Array<number>(pairCount + companyCount).fill(0);
  meetingPair.forEach((p) => degree[p]!++);
  meetingCompany.forEach((c) => degree[pairCount + c]!++);
  const D = Math.max(...degree);
  // at[node * D + colour] = meeting using that colour at that node, or -1.
  const at = new Int32Array((pairCount + companyCount) * D).fill(-1);
  const roundOf = new Array<number>(meetingPair.length).fill(-1);
  const ends = (m: number) => [meetingPair[m]!, pairCount + meetingCompany[m]!] as const;
  const freeAt = (node: number) => {
    for (let c = 0; c < D; c++) if (at[node * D + c] === -1) return c;
    throw new Error('no free colour: degree above Δ');
  };
  for (let m = 0; m < meetingPair.length; m++) {
    const [u, v] = ends(m);
    const a = freeAt(u);
    if (at[v * D + a] !== -1) {
      const b = freeAt(v);
      // Flip the a/b path from v: in a bipartite graph it never reaches u, so a frees at v.
      const path: number[] = [];
      let node = v;
      let colour = a;
      for (;;) {
        const e = at[node * D + colour]!;
        if (e === -1) break;
        path.push(e);
        const [x, y] = ends(e);
        node = x === node ? y : x;
        colour = colour === a ? b : a;
      }
      for (const e of path) for (const n of ends(e)) at[n * D + roundOf[e]!] = -1;
      for (const e of path) {
        roundOf[e] = roundOf[e] === a ? b : a;
        for (const n of ends(e)) at[n * D + roundOf[e]!] = e;
      }
    }
    roundOf[m] = a;
    at[u * D + a] = m;
    at[v * D + a] = m;
  }
  return { rounds: D, roundOf };
}

interface FitSearch {
  assigned: number[][];
  meetingCompany: number[];
  excluded: (m: number, p: number) => boolean;
  fit: Int32Array;
  P: number;
  floor: number;
  ceil: number;
  random: () => number;
}

function improveFit({ assigned, meetingCompany, excluded, fit, P, floor, ceil, random }: FitSearch): void {
  const M = assigned.length;
  const C = Math.max(...meetingCompany) + 1;
  const shown = new Uint8Array(C * P);
  const count = new Int32Array(P);
  const meetingsOf: Set<number>[] = Array.from({ length: P }, () => new Set());
  assigned.forEach((list, m) => {
    for (const p of list) {
      shown[meetingCompany[m]! * P + p] = 1;
      count[p]!++;
      meetingsOf[p]!.add(m);
    }
  });
  const fits = (m: number, p: number) => fit[meetingCompany[m]! * P + p]!;
  // May p join meeting m (after whoever it replaces leaves)? The three hard rules, re-checked.
  const mayJoin = (m: number, p: number) => !excluded(m, p) && shown[meetingCompany[m]! * P + p] === 0;
  const put = (m: number, slot: number, p: number) => {
    const old = assigned[m]![slot]!;
    const c = meetingCompany[m]!;
    shown[c * P + old] = 0;
    count[old]!--;
    meetingsOf[old]!.delete(m);
    assigned[m]![slot] = p;
    shown[c * P + p] = 1;
    count[p]!++;
    meetingsOf[p]!.add(m);
  };
  const order = shuffled(
    Array.from({ length: M }, (_, m) => m),
    random,
  );
  for (let pass = 0; pass < 50; pass++) {
    let improved = false;
    for (const m of order) {
      const c = meetingCompany[m]!;
      for (let slot = 0; slot < assigned[m]!.length; slot++) {
        const a = assigned[m]![slot]!;
        const here = fits(m, a);
        let moved = false;
        for (let b = 0; b < P && !moved; b++) {
          if (fit[c * P + b]! <= here || !mayJoin(m, b)) continue;
          if (count[a]! === ceil && count[b]! === floor && ceil > floor) {
            put(m, slot, b);
            moved = true;
            break;
          }
          for (const m2 of meetingsOf[b]!) {
            if (meetingCompany[m2] === c || !mayJoin(m2, a)) continue;
            const gain = fits(m, b) - here + fits(m2, a) - fits(m2, b);
            if (gain <= 0) continue;
            put(m, slot, b);
            put(m2, assigned[m2]!.indexOf(b), a);
            moved = true;
            break;
          }
        }
        if (moved) improved = true;
      }
    }
    if (!improved) break;
  }
}

/** Dinic's maximum flow on an adjacency-array graph (small capacities, a few thousand nodes). */
class FlowNetwork {
  private to: number[] = [];
  private cap: number[] = [];
  private original: number[] = [];
  private next: number[] = [];
  private head: Int32Array;
  private level: Int32Array;
  private iter: Int32Array;
  constructor(private size: number) {
    this.head = new Int32Array(size).fill(-1);
    this.level = new Int32Array(size);
    this.iter = new Int32Array(size);
  }
  addEdge(from: number, to: number, capacity: number): number {
    const id = this.to.length;
    this.to.push(to, from);
    this.cap.push(capacity, 0);
    this.original.push(capacity, 0);
    this.next.push(this.head[from]!, this.head[to]!);
    this.head[from] = id;
    this.head[to] = id + 1;
    return id;
  }
  raiseCapacity(edge: number, by: number): void {
    this.cap[edge]! += by;
    this.original[edge]! += by;
  }
  flowOn(edge: number): number {
    return this.original[edge]! - this.cap[edge]!;
  }
  maxFlow(s: number, t: number): number {
    let total = 0;
    while (this.bfs(s, t)) {
      for (let v = 0; v < this.size; v++) this.iter[v] = this.head[v]!;
      for (let f = this.dfs(s, t, Infinity); f > 0; f = this.dfs(s, t, Infinity)) total += f;
    }
    return total;
  }
  private bfs(s: number, t: number): boolean {
    this.level.fill(-1);
    const queue = [s];
    this.level[s] = 0;
    for (let i = 0; i < queue.length; i++) {
      const v = queue[i]!;
      for (let e = this.head[v]!; e !== -1; e = this.next[e]!) {
        const w = this.to[e]!;
        if (this.cap[e]! > 0 && this.level[w] === -1) {
          this.level[w] = this.level[v]! + 1;
          queue.push(w);
        }
      }
    }
    return this.level[t] !== -1;
  }
  private dfs(v: number, t: number, pushed: number): number {
    if (v === t) return pushed;
    for (; this.iter[v] !== -1; this.iter[v] = this.next[this.iter[v]!]!) {
      const e = this.iter[v]!;
      const w = this.to[e]!;
      if (this.cap[e]! > 0 && this.level[w] === this.level[v]! + 1) {
        const d = this.dfs(w, t, Math.min(pushed, this.cap[e]!));
        if (d > 0) {
          this.cap[e]! -= d;
          this.cap[e ^ 1]! += d;
          return d;
        }
      }
    }
    return 0;
  }
}
