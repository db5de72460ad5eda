import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { SpaceDetail, UpdateSpaceBody } from './contract.js';
import { canManage } from './domain/knowledge-access.js';
import { slugify } from './domain/search-text.js';
import { knowledgeErrors } from './errors.js';
import { loadSpace, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbBooks, kbQuestions, kbSpaces } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

const audited = (s: typeof kbSpaces.$inferSelect) => ({ name: s.name, visibility: s.visibility, membersCanEdit: s.membersCanEdit, sharedWithNetwork: s.sharedWithNetwork });

/**
 * Changes a space (its team), audited: narrowing its visibility hides its pages at once, and
 * opening it to the network lets every coop of the instance read it.
 */
export async function updateSpace(db: Db, actor: Actor, spaceId: string, patch: UpdateSpaceBody): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const { space } = await loadSpace(tx, viewer, spaceId);
      if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
      const [after] = await tx
        .update(kbSpaces)
        .set({ ...patch, ...(patch.name ? { slug: slugify(patch.name) } : {}), updatedAt: new Date() })
        .where(and(eq(kbSpaces.coopId, space.coopId), eq(kbSpaces.id, space.id)))
        .returning();
      await recordAudit(tx, actor, { action: 'knowledge.space_updated', entityType: 'kb_space', entityId: space.id, before: audited(space), after: audited(after!) });
      return getSpace(tx, viewer, space.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw knowledgeErrors.NAME_TAKEN([{ path: 'name', message: { fr: 'Un espace porte déjà ce nom.', en: 'A space already has this name.' } }]);
    throw err;
  }
}

/** Removes an empty space (no book, no question): knowledge is archived page by page, never dropped in bulk. */
export async function deleteSpace(db: Db, actor: Actor, spaceId: string): Promise<void> {
  const viewer = viewerOf(actor);
  await db.transaction(async (tx) => {
    const { space } = await loadSpace(tx, viewer, spaceId);
    if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
    const [locked] = await tx.select({ id: kbSpaces.id }).from(kbSpaces).where(and(eq(kbSpaces.coopId, space.coopId), eq(kbSpaces.id, space.id))).for('update');
    if (!locked) throw knowledgeErrors.SPACE_NOT_FOUND();
    const [books] = await tx.select({ n: count() }).from(kbBooks).where(and(eq(kbBooks.coopId, space.coopId), eq(kbBooks.spaceId, space.id)));
    const [questions] = await tx.select({ n: count() }).from(kbQuestions).where(and(eq(kbQuestions.coopId, space.coopId), eq(kbQuestions.spaceId, space.id)));
    if (Number(books!.n) > 0 || Number(questions!.n) > 0) throw knowledgeErrors.SPACE_NOT_EMPTY();
    await tx.delete(kbSpaces).where(and(eq(kbSpaces.coopId, space.coopId), eq(kbSpaces.id, space.id)));
    await recordAudit(tx, actor, { action: 'knowledge.space_deleted', entityType: 'kb_space', entityId: space.id, before: audited(space) });
  });
}
