import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { feedPath, hashFeedToken, newFeedToken } from './feed-token.js';
import { opsErrors } from './ops-errors.js';
import { resourceFeeds, resources } from './schema.js';

export type FeedOwner = { memberId: string } | { resourceId: string };

/**
 * Issues a new secret feed URL for the actor's own bookings, or (staff) for a resource. The
 * previous live feed of the same owner is revoked in the same transaction: a new link is how
 * a member ends one they shared by mistake. The URL is shown once (only its hash is kept).
 */
export async function createFeed(db: Db, actor: Actor, target: { resourceId?: string }, publicUrl: string) {
  let owner: FeedOwner;
  if (target.resourceId) {
    if (!isStaff(actor)) throw opsErrors.RESOURCE_NOT_FOUND();
    const [r] = await db.select({ id: resources.id }).from(resources).where(and(eq(resources.coopId, actor.coopId), eq(resources.id, target.resourceId)));
    if (!r) throw opsErrors.RESOURCE_NOT_FOUND();
    owner = { resourceId: r.id };
  } else {
    const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
    if (!memberId) throw opsErrors.NOT_A_MEMBER();
    owner = { memberId };
  }
  const token = newFeedToken();
  const row = await db.transaction(async (tx) => {
    const ownerIs = 'memberId' in owner ? eq(resourceFeeds.memberId, owner.memberId) : eq(resourceFeeds.resourceId, owner.resourceId);
    await tx
      .update(resourceFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(resourceFeeds.coopId, actor.coopId), ownerIs, isNull(resourceFeeds.revokedAt)));
    const [created] = await tx
      .insert(resourceFeeds)
      .values({ coopId: actor.coopId, tokenHash: hashFeedToken(token), createdBy: actor.userId, ...owner })
      .returning();
    await recordAudit(tx, actor, { action: 'resource_feed.create', entityType: 'resource_feed', entityId: created.id, after: { ...owner }, omit: ['tokenHash'] });
    return created;
  });
  return { id: row.id, memberId: row.memberId, resourceId: row.resourceId, createdAt: row.createdAt.toISOString(), url: `${publicUrl}${feedPath(token)}` };
}
