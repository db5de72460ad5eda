import { describe, expect, it } from 'vitest';
import { formPairs } from './form-pairs.js';
import { fitOf, planCochallenge, seededRandom, type Plan, type PlanInput } from './plan-cochallenge.js';

const TRADES = ['graphisme', 'développement web', 'photographie', 'comptabilité', 'menuiserie', 'traduction', 'coaching', 'vidéo', 'architecture', 'céramique'];
const SECTORS = ['restauration', 'industrie', 'commerce', 'santé', 'bâtiment', 'tourisme'];

/** A random cochallenge: the pitchers are profiles too (as at Co-Factory), plus some profiles who do not pitch. */
function randomInstance(seed: number, pairCount: number, companyCount: number, profileCount: number, extraSlots = 0): PlanInput {
  const random = seededRandom(seed * 7919 + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const profiles = Array.from({ length: profileCount }, (_, i) => ({ memberId: `m${i}`, tags: [pick(TRADES), pick(TRADES), pick(SECTORS)] }));
  const pairs = Array.from({ length: pairCount }, (_, i) => ({ id: `p${i}`, memberIds: [`m${2 * i}`, `m${2 * i + 1}`] as const }));
  const companies = Array.from({ length: companyCount }, (_, i) => ({ id: `c${i}`, tags: [pick(SECTORS), pick(TRADES)], slots: i < extraSlots ? 2 : 1 }));
  return { pairs, companies, profiles, profilesPerMeeting: 6, seed };
}

function assertGuarantees(input: PlanInput, plan: Plan): void {
  const members = new Map(input.pairs.map((p) => [p.id, p.memberIds]));
  const slots = input.companies.reduce((s, c) => s + c.slots, 0);
  expect(plan.meetings).toHaveLength(slots);
  const shownTo = new Map<string, Set<string>>();
  const pairRounds = new Set<string>();
  const companyRounds = new Set<string>();
  const counts = new Map<string, number>(input.profiles.map((p) => [p.memberId, 0]));
  for (const m of plan.meetings) {
    // Nobody pitches themselves.
    for (const own of members.get(m.pairId)!) expect(m.profileIds).not.toContain(own);
    expect(new Set(m.profileIds).size).toBe(input.profilesPerMeeting);
    // A company never sees a profile twice.
    const seen = shownTo.get(m.companyId) ?? new Set();
    for (const p of m.profileIds) {
      expect(seen.has(p)).toBe(false);
      seen.add(p);
      counts.set(p, counts.get(p)! + 1);
    }
    shownTo.set(m.companyId, seen);
    // No double booking, for the pair nor the company.
    expect(pairRounds.has(`${m.pairId}@${m.round}`)).toBe(false);
    pairRounds.add(`${m.pairId}@${m.round}`);
    expect(companyRounds.has(`${m.companyId}@${m.round}`)).toBe(false);
    companyRounds.add(`${m.companyId}@${m.round}`);
    expect(m.round).toBeLessThan(plan.rounds);
  }
  // Every profile within one of the target.
  const target = (slots * input.profilesPerMeeting) / input.profiles.length;
  for (const n of counts.values()) {
    expect(n).toBeGreaterThanOrEqual(Math.floor(target));
    expect(n).toBeLessThanOrEqual(Math.ceil(target));
  }
  expect(plan.presentations).toEqual(Object.fromEntries(counts));
  // Pairs share the day evenly: loads differ by one at most.
  const loads = input.pairs.map((p) => plan.meetings.filter((m) => m.pairId === p.id).length);
  expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
}

describe('the cochallenge planner', () => {
  it('keeps every guarantee on 40 random small cochallenges (4 pairs, 8 companies, 12 profiles)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const input = randomInstance(seed, 4, 8, 12, seed % 3);
      const result = planCochallenge(input);
      expect(result.ok, `seed ${seed}`).toBe(true);
      if (result.ok) assertGuarantees(input, result.plan);
    }
  });

  it('keeps every guarantee on random medium instances of varied shapes', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const random = seededRandom(seed);
      const pairs = 3 + Math.floor(random() * 10);
      const profiles = 2 * pairs + 6 + Math.floor(random() * 20);
      const companies = pairs + Math.floor(random() * pairs * 5);
      const input = randomInstance(seed, pairs, companies, profiles, Math.floor(random() * 4));
      const result = planCochallenge(input);
      expect(result.ok, `seed ${seed}`).toBe(true);
      if (result.ok) assertGuarantees(input, result.plan);
    }
  });

  it('keeps every guarantee at full size (30 pairs, 180 companies, 100 profiles), six meetings a pair', () => {
    for (const seed of [1, 2, 3]) {
      const input = randomInstance(seed, 30, 180, 100);
      const result = planCochallenge(input);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      assertGuarantees(input, result.plan);
      expect(result.plan.rounds).toBe(6);
      expect(result.plan.target).toEqual({ exact: 10.8, floor: 10, ceil: 11 });
    }
  });

  it('raises the fit above the balanced start: most presentations match the company', () => {
    const input = randomInstance(5, 30, 180, 100);
    const result = planCochallenge(input);
    if (!result.ok) throw new Error('refused');
    // The local search only moves towards more fit; with 3 tags a profile most companies find a match.
    expect(result.plan.matchedPresentations / (180 * 6)).toBeGreaterThan(0.6);
    const recomputed = result.plan.meetings.reduce((s, m) => s + m.fit, 0);
    expect(recomputed).toBe(result.plan.fitScore);
  });

  it('is deterministic for a seed', () => {
    const input = randomInstance(9, 6, 20, 20);
    expect(planCochallenge(input)).toEqual(planCochallenge(input));
  });

  it('refuses fewer profiles than a meeting needs plus the two pitchers', () => {
    const input = randomInstance(1, 2, 4, 7);
    expect(planCochallenge(input)).toEqual({ ok: false, refusal: { reason: 'TOO_FEW_PROFILES', needed: 8, given: 7 } });
  });

  it('refuses a company taking more meetings than there are pairs, or than distinct profiles allow', () => {
    const input = randomInstance(1, 2, 4, 12);
    expect(planCochallenge({ ...input, companies: [{ id: 'big', tags: [], slots: 3 }] })).toMatchObject({ ok: false, refusal: { reason: 'COMPANY_SLOTS_EXCEED_PAIRS' } });
    expect(planCochallenge({ ...input, pairs: [...input.pairs, { id: 'p9', memberIds: ['x', 'y'] }], companies: [{ id: 'big', tags: [], slots: 3 }] })).toMatchObject({
      ok: false,
      refusal: { reason: 'COMPANY_SLOTS_EXCEED_PROFILES' },
    });
  });

  it('refuses a pitcher in two pairs, and an empty campaign', () => {
    const input = randomInstance(1, 2, 4, 12);
    expect(planCochallenge({ ...input, pairs: [input.pairs[0]!, { id: 'p9', memberIds: ['m0', 'm5'] }] })).toMatchObject({ ok: false, refusal: { reason: 'PAIR_MEMBER_REPEATED', memberId: 'm0' } });
    expect(planCochallenge({ ...input, pairs: [] })).toMatchObject({ ok: false, refusal: { reason: 'NO_PAIRS' } });
    expect(planCochallenge({ ...input, companies: [] })).toMatchObject({ ok: false, refusal: { reason: 'NO_COMPANIES' } });
  });

  it('refuses, rather than breaks balance, when only the pitchers are profiles and they cannot present each other evenly', () => {
    // 1 pair, 8 profiles of whom the 2 pitchers, 12 presentations: each profile is owed at least one,
    // yet the pitchers can never be presented by the only pair.
    const profiles = Array.from({ length: 8 }, (_, i) => ({ memberId: `m${i}`, tags: [] }));
    const companies = [{ id: 'c0', tags: [], slots: 1 }, { id: 'c1', tags: [], slots: 1 }];
    const result = planCochallenge({ pairs: [{ id: 'p0', memberIds: ['m0', 'm1'] }], companies, profiles, profilesPerMeeting: 6, seed: 1 });
    expect(result).toEqual({ ok: false, refusal: { reason: 'NO_BALANCED_PLAN' } });
  });

  it('matches tags without case or accents', () => {
    expect(fitOf(['Céramique', 'restauration'], ['ceramique ', 'RESTAURATION', 'vidéo'])).toBe(2);
  });
});

describe('pairs proposed by the planner', () => {
  it('mix trades whenever no trade holds more than half of the pitchers (random instances)', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const random = seededRandom(seed);
      const n = 2 + Math.floor(random() * 60);
      const tradeCount = 1 + Math.floor(random() * 8);
      const pitchers = Array.from({ length: n }, (_, i) => ({ memberId: `m${i}`, trade: random() < 0.1 ? null : TRADES[Math.floor(random() * tradeCount)]! }));
      const { pairs, unpaired, sameTradePairs } = formPairs(pitchers, seed);
      const paired = n - (n % 2);
      expect(pairs).toHaveLength(paired / 2);
      expect(unpaired === null).toBe(n % 2 === 0);
      const everyone = [...pairs.flat(), ...(unpaired ? [unpaired] : [])];
      expect(new Set(everyone).size).toBe(n);
      const trade = new Map(pitchers.map((p) => [p.memberId, p.trade]));
      const actualSame = pairs.filter(([a, b]) => trade.get(a) !== null && trade.get(a) === trade.get(b)).length;
      expect(actualSame).toBe(sameTradePairs);
      const sizes = new Map<string, number>();
      for (const id of pairs.flat()) {
        const t = trade.get(id);
        if (t) sizes.set(t, (sizes.get(t) ?? 0) + 1);
      }
      const biggest = Math.max(0, ...sizes.values());
      // Fewest possible: none when the biggest trade is at most half, else the excess.
      expect(sameTradePairs).toBe(Math.max(0, biggest - paired / 2));
    }
  });
});
