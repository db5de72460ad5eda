import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { holdersOf } from './activity-lookup.js';
import { visibleActivities } from './activity-access.js';
import type { Activity } from './contract.js';
import { activityErrors } from './errors.js';
import { activities } from './schema.js';

/** One activity with its holders; 404 for another coop's, or a member's who does not hold it. */
export async function getActivity(db: Executor, actor: Actor, id: string): Promise<Activity> {
  const visible = await visibleActivities(db, actor);
  if (!visible) throw activityErrors.ACTIVITY_NOT_FOUND();
  const [row] = await db.select().from(activities).where(and(visible, eq(activities.id, id)));
  if (!row) throw activityErrors.ACTIVITY_NOT_FOUND();
  const holders = await holdersOf(db, actor.coopId, [row.id]);
  return { ...row, holders: holders.get(row.id) ?? [] };
}
