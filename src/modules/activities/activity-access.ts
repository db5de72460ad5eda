import { and, eq, exists, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { activities, activityMembers } from './schema.js';

/**
 * The activities a person may see, as a condition on `activities`: advisors and admins see
 * every activity of the cooperative, a member only those they hold. `null` means none
 * (a member account not yet linked to a member record).
 */
export async function visibleActivities(db: Executor, actor: Pick<Actor, 'coopId' | 'userId' | 'roles'>): Promise<SQL | null> {
  const inCoop = eq(activities.coopId, actor.coopId);
  if (isStaff(actor)) return inCoop;
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) return null;
  return and(inCoop, exists(heldBy(db, actor.coopId, memberId)))!;
}

/** The holding of the current `activities` row by one member (a correlated subquery). */
export function heldBy(db: Executor, coopId: string, memberId: string) {
  return db
    .select({ one: activityMembers.memberId })
    .from(activityMembers)
    .where(and(eq(activityMembers.coopId, coopId), eq(activityMembers.activityId, activities.id), eq(activityMembers.memberId, memberId)));
}
