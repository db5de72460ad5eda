import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { Activity, UpdateActivityBody } from './contract.js';
import { canMoveActivity } from './domain/activity-status.js';
import { activityErrors } from './errors.js';
import { getActivity } from './get-activity.js';
import { activities } from './schema.js';

/** Renames, describes, suspends, reactivates or closes an activity (advisors and admins). */
export async function updateActivity(db: Db, actor: Actor, id: string, patch: UpdateActivityBody): Promise<Activity> {
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(activities)
      .where(and(eq(activities.coopId, actor.coopId), eq(activities.id, id)))
      .for('update');
    if (!before) throw activityErrors.ACTIVITY_NOT_FOUND();
    const moves = patch.status !== undefined && patch.status !== before.status;
    if (moves && !canMoveActivity(before.status, patch.status!)) {
      throw activityErrors.ACTIVITY_STATUS_MOVE_REFUSED([{ path: 'status', message: activityErrors.ACTIVITY_STATUS_MOVE_REFUSED().text }]);
    }
    const changes = Object.entries(patch).filter(([key, value]) => value !== undefined && value !== before[key as keyof typeof patch]);
    if (changes.length === 0) return;
    const [after] = await tx
      .update(activities)
      .set({ ...patch, updatedAt: new Date() })
      .where(and(eq(activities.coopId, actor.coopId), eq(activities.id, id)))
      .returning();
    await recordAudit(tx, actor, {
      action: moves ? 'activity.status_changed' : 'activity.updated',
      entityType: 'activity',
      entityId: id,
      before: { name: before.name, description: before.description, status: before.status },
      after: { name: after.name, description: after.description, status: after.status },
    });
  });
  return getActivity(db, actor, id);
}
