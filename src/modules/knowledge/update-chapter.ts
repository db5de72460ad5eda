import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { auditedChapter, chapterNameTaken } from './chapter-guards.js';
import { lockBook, placeChapter } from './chapter-order.js';
import type { SpaceDetail, UpdateChapterBody } from './contract.js';
import { canManage } from './domain/knowledge-access.js';
import { slugify } from './domain/search-text.js';
import { knowledgeErrors } from './errors.js';
import { loadChapter, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbChapters } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** Renames a chapter or moves it to another rank of its book (the space's team). Audited. */
export async function updateChapter(db: Db, actor: Actor, chapterId: string, patch: UpdateChapterBody): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const { chapter, space } = await loadChapter(tx, viewer, chapterId);
      if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
      await lockBook(tx, chapter.coopId, chapter.bookId);
      const [before] = await tx.select().from(kbChapters).where(and(eq(kbChapters.coopId, chapter.coopId), eq(kbChapters.id, chapter.id)));
      if (patch.name !== undefined) await tx.update(kbChapters).set({ name: patch.name, slug: slugify(patch.name), updatedAt: new Date() }).where(and(eq(kbChapters.coopId, chapter.coopId), eq(kbChapters.id, chapter.id)));
      if (patch.position !== undefined) await placeChapter(tx, chapter.coopId, chapter.bookId, chapter.id, patch.position);
      const [after] = await tx.select().from(kbChapters).where(and(eq(kbChapters.coopId, chapter.coopId), eq(kbChapters.id, chapter.id)));
      await recordAudit(tx, actor, { action: 'knowledge.chapter_updated', entityType: 'kb_chapter', entityId: chapter.id, before: auditedChapter(before!), after: auditedChapter(after!) });
      return getSpace(tx, viewer, space.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw chapterNameTaken();
    throw err;
  }
}
