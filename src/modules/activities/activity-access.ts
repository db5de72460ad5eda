import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, whereInScope, type Viewer } from './activity-scope-of.js';
import { activities, activityMembers } from './schema.js';

/** The activities a person may see (see `activityScopeOf`), as a condition on `activities`; null when none. */
export async function visibleActivities(db: Executor, viewer: Viewer): Promise<SQL | null> {
  return whereInScope(await activityScopeOf(db, viewer), eq(activities.coopId, viewer.coopId), activities.id);
}

/** The holding of the current `activities` row by one member (a correlated subquery). */
export function heldBy(db: Executor, coopId: string, memberId: string) {
  return db
    .select({ one: activityMembers.memberId })
    .from(activityMembers)
    .where(and(eq(activityMembers.coopId, coopId), eq(activityMembers.activityId, activities.id), eq(activityMembers.memberId, memberId)));
}
