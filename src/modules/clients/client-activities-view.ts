import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activitySummaries } from '../activities/index.js';
import type { LinkedActivity } from './contract.js';
import { clientActivities } from './schema.js';

/**
 * The activities each client works with, as the person sees them: a member is shown only
 * their own activities, not those of other members who work with the same client.
 */
export async function linkedActivitiesOf(db: Executor, coopId: string, clientIds: string[], scope: 'all' | string[]): Promise<Map<string, LinkedActivity[]>> {
  const out = new Map<string, LinkedActivity[]>(clientIds.map((id) => [id, []]));
  if (clientIds.length === 0) return out;
  const filters = [eq(clientActivities.coopId, coopId), inArray(clientActivities.clientId, clientIds)];
  if (scope !== 'all') {
    if (scope.length === 0) return out;
    filters.push(inArray(clientActivities.activityId, scope));
  }
  const links = await db.select().from(clientActivities).where(and(...filters));
  const summaries = await activitySummaries(db, coopId, links.map((l) => l.activityId));
  for (const link of links) {
    const summary = summaries.get(link.activityId);
    if (summary) out.get(link.clientId)?.push(summary);
  }
  for (const list of out.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  return out;
}
