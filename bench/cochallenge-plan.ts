// The cochallenge plan at Co-Factory's size: 30 pairs (60 pitchers, presented too), 180
// companies of one 30-minute slot, 100 profiles, 6 per meeting. The planner is pure (no
// database): this measures its time and the quality of what it returns.
// Run: npx tsx bench/cochallenge-plan.ts
import { performance } from 'node:perf_hooks';
import { planCochallenge, seededRandom, type PlanInput } from '../src/modules/cochallenge/domain/plan-cochallenge.js';

const TRADES = ['graphisme', 'développement web', 'photographie', 'comptabilité', 'menuiserie', 'traduction', 'coaching', 'vidéo', 'architecture', 'céramique', 'rédaction', 'marketing', 'juridique', 'paysagisme', 'informatique'];
const SECTORS = ['restauration', 'industrie', 'commerce', 'santé', 'bâtiment', 'tourisme', 'associatif', 'agriculture'];

function instance(seed: number): PlanInput {
  const random = seededRandom(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return {
    pairs: Array.from({ length: 30 }, (_, i) => ({ id: `p${i}`, memberIds: [`m${2 * i}`, `m${2 * i + 1}`] as const })),
    companies: Array.from({ length: 180 }, (_, i) => ({ id: `c${i}`, tags: [pick(SECTORS), pick(TRADES), pick(TRADES)], slots: 1 })),
    profiles: Array.from({ length: 100 }, (_, i) => ({ memberId: `m${i}`, tags: [pick(TRADES), pick(TRADES), pick(SECTORS)] })),
    profilesPerMeeting: 6,
    seed,
  };
}

const times: number[] = [];
let last;
for (let run = 1; run <= 10; run++) {
  const input = instance(run);
  const start = performance.now();
  const result = planCochallenge(input);
  times.push(performance.now() - start);
  if (!result.ok) throw new Error(`run ${run} refused: ${result.refusal.reason}`);
  const counts = Object.values(result.plan.presentations);
  last = { run, min: Math.min(...counts), max: Math.max(...counts), target: result.plan.target, rounds: result.plan.rounds, fit: result.plan.fitScore, matched: result.plan.matchedPresentations, presentations: result.plan.meetings.length * 6 };
  console.log(
    `run ${run}: ${times.at(-1)!.toFixed(0)} ms, presentations per profile ${last.min}–${last.max} (target ${last.target.exact}), ${last.rounds} rounds, fit ${last.fit}, matched ${last.matched}/${last.presentations} (${((100 * last.matched) / last.presentations).toFixed(0)} %)`,
  );
}
times.sort((a, b) => a - b);
const p50 = times[Math.floor(times.length / 2)]!;
console.log(`\nplan 30 pairs × 180 companies × 100 profiles: p50 ${p50.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms over 10 runs (no DESIGN.md target; staff wait for it once per click)`);
