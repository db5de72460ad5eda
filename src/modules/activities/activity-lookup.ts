import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { memberNames } from '../members/index.js';
import { whereInScope, type ActivityScope } from './activity-scope-of.js';
import type { ActivityHolder, ActivityStatus } from './contract.js';
import { activities, activityMembers } from './schema.js';

/** The activities a member holds (alone or shared), whatever their status. */
export async function activityIdsOfMember(db: Executor, coopId: string, memberId: string): Promise<string[]> {
  const rows = await db
    .select({ id: activityMembers.activityId })
    .from(activityMembers)
    .where(and(eq(activityMembers.coopId, coopId), eq(activityMembers.memberId, memberId)));
  return rows.map((r) => r.id);
}

/** The active activities of the cooperative (the month-end runs of other modules go through them). */
export async function activeActivityIds(db: Executor, coopId: string): Promise<string[]> {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.coopId, coopId), eq(activities.status, 'active')));
  return rows.map((r) => r.id);
}

/** Throws a 400 on `field` unless every id is an activity of the cooperative. */
export async function assertActivitiesExist(db: Executor, coopId: string, ids: string[], field = 'activityIds'): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(and(eq(activities.coopId, coopId), inArray(activities.id, unique)));
  if (rows.length !== unique.length) {
    throw invalidField(field, { fr: 'Activité inconnue dans cette coopérative.', en: 'Unknown activity in this cooperative.' });
  }
}

/** How many activities a scope holds (the cooperative's by default), and how many are active. */
export async function countActivities(db: Executor, coopId: string, scope: ActivityScope = 'all'): Promise<{ active: number; total: number }> {
  const visible = whereInScope(scope, eq(activities.coopId, coopId), activities.id);
  if (!visible) return { active: 0, total: 0 };
  const [row] = await db
    .select({ total: count(), active: sql<number>`count(*) filter (where ${activities.status} = 'active')`.mapWith(Number) })
    .from(activities)
    .where(visible);
  return { active: row?.active ?? 0, total: row?.total ?? 0 };
}

export interface ActivitySummary {
  id: string;
  code: string;
  name: string;
  status: ActivityStatus;
}

/** Code, name and status of activities of the cooperative, by id (for screens of other modules). */
export async function activitySummaries(db: Executor, coopId: string, ids: string[]): Promise<Map<string, ActivitySummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: activities.id, code: activities.code, name: activities.name, status: activities.status })
    .from(activities)
    .where(and(eq(activities.coopId, coopId), inArray(activities.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** The holders of activities with their names, largest share first. */
export async function holdersOf(db: Executor, coopId: string, activityIds: string[]): Promise<Map<string, ActivityHolder[]>> {
  const out = new Map<string, ActivityHolder[]>(activityIds.map((id) => [id, []]));
  if (activityIds.length === 0) return out;
  const rows = await db
    .select()
    .from(activityMembers)
    .where(and(eq(activityMembers.coopId, coopId), inArray(activityMembers.activityId, activityIds)));
  const names = await memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]);
  for (const r of rows) out.get(r.activityId)?.push({ memberId: r.memberId, name: names.get(r.memberId) ?? '', shareBp: r.shareBp });
  for (const list of out.values()) list.sort((a, b) => b.shareBp - a.shareBp || a.name.localeCompare(b.name));
  return out;
}
