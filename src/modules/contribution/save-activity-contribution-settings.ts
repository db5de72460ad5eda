import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activitySummaries } from '../activities/index.js';
import { contributionErrors } from './errors.js';
import type { ActivityContributionSettings } from './contract.js';
import { activityOverrideOf } from './contribution-rule-of.js';
import { enqueueMonthlyFloor } from './monthly-floor-job.js';
import { contributionActivitySettings } from './schema.js';

/**
 * Sets one activity's own rate and bounds (the coop's team): a negotiated rate for a member,
 * a ceiling for a large activity. From the next posting on; what was posted stays.
 */
export async function saveActivityContributionSettings(db: Db, actor: Actor, activityId: string, input: ActivityContributionSettings, today: string): Promise<ActivityContributionSettings> {
  return db.transaction(async (tx) => {
    if (!(await activitySummaries(tx, actor.coopId, [activityId])).has(activityId)) throw contributionErrors.ACTIVITY_NOT_FOUND();
    const before = await activityOverrideOf(tx, actor.coopId, activityId);
    const values = { ...input, updatedAt: new Date() };
    await tx
      .insert(contributionActivitySettings)
      .values({ coopId: actor.coopId, activityId, ...values })
      .onConflictDoUpdate({ target: [contributionActivitySettings.coopId, contributionActivitySettings.activityId], set: values });
    if (input.boundsOverridden && input.boundPeriod === 'month' && input.floorCents !== null) await enqueueMonthlyFloor(tx, actor.coopId, today);
    await recordAudit(tx, actor, { action: 'contribution.activity_settings_changed', entityType: 'activity', entityId: activityId, before, after: { ...input, activityId } });
    return input;
  });
}
