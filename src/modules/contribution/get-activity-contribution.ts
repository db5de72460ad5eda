import { and, eq, like, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityScopeOf, activitySummaries, scopeHolds } from '../activities/index.js';
import type { ActivityContribution } from './contract.js';
import { activityOverrideOf, contributionRuleOf } from './contribution-rule-of.js';
import { contributionErrors } from './errors.js';
import { contributionPostings } from './schema.js';

/**
 * An activity's contribution: its own settings, the rule in force, and what it gave in a
 * calendar year (every posting of the year, reversals and month top-ups included). Read by
 * whoever may read the activity (the one scope rule); another member's is a 404.
 */
export async function getActivityContribution(db: Executor, actor: Actor, activityId: string, year: number): Promise<ActivityContribution> {
  const scope = await activityScopeOf(db, actor);
  if (!scopeHolds(scope, activityId) || !(await activitySummaries(db, actor.coopId, [activityId])).has(activityId)) throw contributionErrors.ACTIVITY_NOT_FOUND();
  const rule = await contributionRuleOf(db, actor.coopId, activityId);
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${contributionPostings.amountCents}), 0)` })
    .from(contributionPostings)
    .where(and(eq(contributionPostings.coopId, actor.coopId), eq(contributionPostings.activityId, activityId), like(contributionPostings.month, `${year}-%`)));
  return {
    settings: await activityOverrideOf(db, actor.coopId, activityId),
    effective: { rateBp: rule.rateBp, floorCents: rule.floorCents, ceilingCents: rule.ceilingCents, boundPeriod: rule.period, basis: rule.basis },
    year,
    yearAmountCents: Number(row?.total ?? 0),
  };
}
