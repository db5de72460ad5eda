import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { resourceFeeds, resources } from './schema.js';

/**
 * The live feeds a person manages: their own, and for staff every resource's (never another
 * member's: that schedule is theirs). The URL itself is not kept, so it is never listed.
 */
export async function listFeeds(db: Db, actor: Actor) {
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId && !isStaff(actor)) return [];
  const rows = await db
    .select({ id: resourceFeeds.id, memberId: resourceFeeds.memberId, resourceId: resourceFeeds.resourceId, resourceName: resources.name, createdAt: resourceFeeds.createdAt })
    .from(resourceFeeds)
    .leftJoin(resources, and(eq(resources.coopId, resourceFeeds.coopId), eq(resources.id, resourceFeeds.resourceId)))
    .where(and(eq(resourceFeeds.coopId, actor.coopId), isNull(resourceFeeds.revokedAt), isStaff(actor) ? undefined : eq(resourceFeeds.memberId, memberId!)))
    .orderBy(desc(resourceFeeds.createdAt));
  return rows.filter((r) => r.resourceId !== null || r.memberId === memberId).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
