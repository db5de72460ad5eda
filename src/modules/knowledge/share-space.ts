import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { allCoopIds, coopNames } from '../coops/index.js';
import type { SpaceDetail } from './contract.js';
import { canManage } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { loadSpace, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbSpaceShares } from './schema.js';

// Sharing is the one rule that lets a coop's knowledge rows be read from another tenant. It is
// explicit (a row per coop), granted by the owner's team, read-only for the other coop, and
// audited both ways, so the owner can always say who could read what since when.

/** Lets another coop read the space (read-only). Sharing twice changes nothing. */
export async function shareSpace(db: Db, actor: Actor, spaceId: string, withCoopId: string): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { space } = await loadSpace(tx, viewer, spaceId);
    if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
    if (withCoopId === space.coopId) throw knowledgeErrors.SHARE_WITH_SELF([{ path: 'coopId', message: { fr: 'Choisissez une autre coopérative.', en: 'Choose another cooperative.' } }]);
    if (!(await coopNames(tx, [withCoopId])).has(withCoopId)) throw knowledgeErrors.COOP_NOT_FOUND([{ path: 'coopId', message: { fr: 'Coopérative inconnue.', en: 'Unknown cooperative.' } }]);
    const inserted = await tx.insert(kbSpaceShares).values({ coopId: space.coopId, spaceId: space.id, sharedWithCoopId: withCoopId }).onConflictDoNothing().returning();
    if (inserted.length) await recordAudit(tx, actor, { action: 'knowledge.space_shared', entityType: 'kb_space', entityId: space.id, after: { sharedWithCoopId: withCoopId } });
    return getSpace(tx, viewer, space.id);
  });
}

/** Stops sharing the space with a coop: its people no longer read it from their next request. */
export async function unshareSpace(db: Db, actor: Actor, spaceId: string, withCoopId: string): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { space } = await loadSpace(tx, viewer, spaceId);
    if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
    const removed = await tx
      .delete(kbSpaceShares)
      .where(and(eq(kbSpaceShares.coopId, space.coopId), eq(kbSpaceShares.spaceId, space.id), eq(kbSpaceShares.sharedWithCoopId, withCoopId)))
      .returning();
    if (removed.length) await recordAudit(tx, actor, { action: 'knowledge.space_unshared', entityType: 'kb_space', entityId: space.id, before: { sharedWithCoopId: withCoopId } });
    return getSpace(tx, viewer, space.id);
  });
}

/** The other coops of the instance a space may be shared with (names only). */
export async function shareTargetsOf(db: Executor, actor: Actor): Promise<{ items: { coopId: string; name: string }[] }> {
  const ids = (await allCoopIds(db)).filter((id) => id !== actor.coopId);
  const names = await coopNames(db, ids);
  return { items: ids.map((coopId) => ({ coopId, name: names.get(coopId) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'fr')) };
}
