import { and, asc, count, eq, exists, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { amongMatches, FEW_MATCHES, likeEscape } from '../../platform/db/search.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { holdersOf } from './activity-lookup.js';
import { heldBy, visibleActivities } from './activity-access.js';
import type { Activity, ListActivitiesQuery } from './contract.js';
import { activities } from './schema.js';

/** `%`, `_` and `\` typed in a search box are searched for, not wildcards. */

/** Activities a person may see, by code, with their holders. */
export async function listActivities(db: Executor, actor: Actor, q: ListActivitiesQuery): Promise<Page<Activity>> {
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const visible = await visibleActivities(db, actor);
  if (!visible) return empty;
  const filters: SQL[] = [visible];
  if (q.status) filters.push(eq(activities.status, q.status));
  if (q.memberId) filters.push(exists(heldBy(db, actor.coopId, q.memberId)));
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    // f_unaccent, not unaccent: the expression activities_name_search_idx indexes.
    filters.push(or(ilike(activities.code, pattern), sql`f_unaccent(${activities.name}) ilike f_unaccent(${pattern})`)!);
  }
  const where = and(...filters);
  const [{ total }] = await db.select({ total: count() }).from(activities).where(where);
  // A search with few matches finds them first, then sorts them (see amongMatches).
  const page = q.q && total <= FEW_MATCHES ? and(eq(activities.coopId, actor.coopId), amongMatches(activities.id, db.select({ id: activities.id }).from(activities).where(where))) : where;
  const rows = await db.select().from(activities).where(page).orderBy(asc(activities.code)).limit(q.pageSize).offset(offsetOf(q));
  const holders = await holdersOf(db, actor.coopId, rows.map((r) => r.id));
  return { items: rows.map((r) => ({ ...r, holders: holders.get(r.id) ?? [] })), total, page: q.page, pageSize: q.pageSize };
}
