import type { Executor } from '../../platform/db/client.js';
import { activitySummaries } from '../activities/index.js';
import { noBalances, treasuryBalances } from './activity-treasury.js';
import type { MyTreasury } from './contract.js';
import { treasuryFigures } from './domain/activity-treasury.js';

/**
 * A member's money, activity by activity (the ones they hold, from `activityScopeOf`): what
 * they may pay out, collected, still owed, and what they invoiced this calendar year.
 */
export async function myTreasury(
  db: Executor,
  coopId: string,
  activityIds: readonly string[],
  today: string,
  reservedOf: (activityId: string) => Promise<number> = async () => 0,
): Promise<MyTreasury> {
  if (activityIds.length === 0) return { asOf: today, activities: [] };
  const lastYearEnd = `${Number(today.slice(0, 4)) - 1}-12-31`;
  const [now, before, names, reserved] = await Promise.all([
    treasuryBalances(db, coopId, { to: today, activityIds }),
    treasuryBalances(db, coopId, { to: lastYearEnd, activityIds }),
    activitySummaries(db, coopId, [...activityIds]),
    Promise.all(activityIds.map(async (id) => [id, await reservedOf(id)] as const)).then((pairs) => new Map(pairs)),
  ]);
  const activities = [...activityIds]
    .filter((id) => names.has(id))
    .map((id) => {
      const f = treasuryFigures(now.get(id) ?? noBalances(), reserved.get(id) ?? 0);
      const before31 = treasuryFigures(before.get(id) ?? noBalances());
      const a = names.get(id)!;
      return {
        activityId: id,
        activityCode: a.code,
        activityName: a.name,
        availableCents: f.availableCents,
        collectedCents: f.collectedCents,
        owedCents: f.owedCents,
        invoicedThisYearCents: f.invoicedCents - before31.invoicedCents,
      };
    })
    .sort((a, b) => a.activityName.localeCompare(b.activityName));
  return { asOf: today, activities };
}
