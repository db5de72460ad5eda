import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { opsErrors } from './ops-errors.js';
import { resourceFeeds } from './schema.js';

/** Ends a feed: its URL answers 404 from now on. A member revokes theirs, staff any of the coop's. */
export async function revokeFeed(db: Db, actor: Actor, feedId: string): Promise<void> {
  const memberId = isStaff(actor) ? null : await memberIdOfUser(db, actor.coopId, actor.userId);
  await db.transaction(async (tx) => {
    const [feed] = await tx
      .select()
      .from(resourceFeeds)
      .where(and(eq(resourceFeeds.coopId, actor.coopId), eq(resourceFeeds.id, feedId), isNull(resourceFeeds.revokedAt)))
      .for('update');
    if (!feed || (!isStaff(actor) && (memberId === null || feed.memberId !== memberId))) throw opsErrors.FEED_NOT_FOUND();
    await tx.update(resourceFeeds).set({ revokedAt: new Date() }).where(and(eq(resourceFeeds.coopId, actor.coopId), eq(resourceFeeds.id, feedId)));
    await recordAudit(tx, actor, { action: 'resource_feed.revoke', entityType: 'resource_feed', entityId: feedId, before: { revokedAt: null }, after: { revokedAt: 'now' } });
  });
}
