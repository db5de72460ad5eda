import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { getCoop } from '../coops/index.js';
import type { ActivityContributionSettings, ContributionSettings } from './contract.js';
import type { ContributionRule } from './domain/contribution-of.js';
import { contributionActivitySettings, contributionSettings } from './schema.js';

/** The coop's floor and ceiling; none until an admin sets them. */
export async function coopBoundsOf(db: Executor, coopId: string): Promise<ContributionSettings> {
  const [row] = await db.select().from(contributionSettings).where(eq(contributionSettings.coopId, coopId));
  return row ? { floorCents: row.floorCents, ceilingCents: row.ceilingCents, boundPeriod: row.boundPeriod } : { floorCents: null, ceilingCents: null, boundPeriod: 'invoice' };
}

/** An activity's override; an activity without one follows the coop. */
export async function activityOverrideOf(db: Executor, coopId: string, activityId: string): Promise<ActivityContributionSettings> {
  const [row] = await db
    .select()
    .from(contributionActivitySettings)
    .where(and(eq(contributionActivitySettings.coopId, coopId), eq(contributionActivitySettings.activityId, activityId)));
  return row
    ? { rateBp: row.rateBp, boundsOverridden: row.boundsOverridden, floorCents: row.floorCents, ceilingCents: row.ceilingCents, boundPeriod: row.boundPeriod }
    : { rateBp: null, boundsOverridden: false, floorCents: null, ceilingCents: null, boundPeriod: 'invoice' };
}

/** The rule in force now for one activity, with the coop's basis: its override where it has one, the coop's otherwise. */
export async function contributionRuleOf(db: Executor, coopId: string, activityId: string): Promise<ContributionRule & { basis: 'validation' | 'payment' }> {
  const coop = await getCoop(db, coopId);
  const own = await activityOverrideOf(db, coopId, activityId);
  const bounds = own.boundsOverridden ? own : await coopBoundsOf(db, coopId);
  return {
    rateBp: own.rateBp ?? coop.contributionRateBp,
    floorCents: bounds.floorCents,
    ceilingCents: bounds.ceilingCents,
    period: bounds.boundPeriod,
    basis: coop.contributionBasis,
  };
}
