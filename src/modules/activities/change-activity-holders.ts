import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { Activity } from './contract.js';
import { assertHoldersValid } from './create-activity.js';
import type { HolderShare } from './domain/shares.js';
import { activityErrors } from './errors.js';
import { getActivity } from './get-activity.js';
import { activities, activityMembers } from './schema.js';
import { asShareViolation } from './share-violation.js';

/**
 * Replaces who holds an activity and their shares, in one transaction: the rows are
 * rewritten one by one and the deferred trigger checks the sum at commit. The activity row
 * is locked first so that two advisors changing the shares at once take turns.
 */
export async function changeActivityHolders(db: Db, actor: Actor, id: string, holders: HolderShare[]): Promise<Activity> {
  try {
    await db.transaction(async (tx) => {
      const [activity] = await tx
        .select()
        .from(activities)
        .where(and(eq(activities.coopId, actor.coopId), eq(activities.id, id)))
        .for('update');
      if (!activity) throw activityErrors.ACTIVITY_NOT_FOUND();
      if (activity.status === 'closed') throw activityErrors.ACTIVITY_CLOSED();
      await assertHoldersValid(tx, actor.coopId, holders);
      const where = and(eq(activityMembers.coopId, actor.coopId), eq(activityMembers.activityId, id));
      const before = await tx.select({ memberId: activityMembers.memberId, shareBp: activityMembers.shareBp }).from(activityMembers).where(where);
      await tx.delete(activityMembers).where(where);
      await tx.insert(activityMembers).values(holders.map((h) => ({ coopId: actor.coopId, activityId: id, memberId: h.memberId, shareBp: h.shareBp })));
      await tx.update(activities).set({ updatedAt: new Date() }).where(and(eq(activities.coopId, actor.coopId), eq(activities.id, id)));
      await recordAudit(tx, actor, {
        action: 'activity.holders_changed',
        entityType: 'activity',
        entityId: id,
        before: { holders: sortedHolders(before) },
        after: { holders: sortedHolders(holders) },
      });
    });
  } catch (err) {
    throw asShareViolation(err);
  }
  return getActivity(db, actor, id);
}

const sortedHolders = (list: HolderShare[]) =>
  [...list].sort((a, b) => a.memberId.localeCompare(b.memberId)).map((h) => ({ memberId: h.memberId, shareBp: h.shareBp }));
