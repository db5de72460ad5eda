import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { ContributionSettings, SaveContributionSettings } from './contract.js';
import { coopBoundsOf } from './contribution-rule-of.js';
import { enqueueMonthlyFloor } from './monthly-floor-job.js';
import { contributionSettings } from './schema.js';

/**
 * Sets the coop's floor and ceiling (admins). They apply to what is posted from now on: what
 * an invoice already bore stays. A monthly floor starts the month-end job that tops months up.
 */
export async function saveContributionSettings(db: Db, actor: Actor, input: SaveContributionSettings, today: string): Promise<ContributionSettings> {
  return db.transaction(async (tx) => {
    const before = await coopBoundsOf(tx, actor.coopId);
    const values = { floorCents: input.floorCents, ceilingCents: input.ceilingCents, boundPeriod: input.boundPeriod, updatedAt: new Date() };
    await tx.insert(contributionSettings).values({ coopId: actor.coopId, ...values }).onConflictDoUpdate({ target: contributionSettings.coopId, set: values });
    if (input.boundPeriod === 'month' && input.floorCents !== null) await enqueueMonthlyFloor(tx, actor.coopId, today);
    const after = { floorCents: input.floorCents, ceilingCents: input.ceilingCents, boundPeriod: input.boundPeriod };
    await recordAudit(tx, actor, { action: 'contribution.settings_changed', entityType: 'coop', entityId: actor.coopId, before, after });
    return after;
  });
}
