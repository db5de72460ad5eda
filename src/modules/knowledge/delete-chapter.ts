import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { auditedChapter } from './chapter-guards.js';
import { lockBook } from './chapter-order.js';
import type { SpaceDetail } from './contract.js';
import { canManage } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { loadChapter, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbChapters, kbPages } from './schema.js';

/**
 * Removes a chapter that holds no page, archived ones included (their history names it). The
 * book's lock orders it with a page moved into the chapter at the same time; the foreign key of
 * `kb_pages` refuses the delete whatever happens. The others keep their order (a gap in the
 * positions is harmless; the next move renumbers them).
 */
export async function deleteChapter(db: Db, actor: Actor, chapterId: string): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { chapter, space } = await loadChapter(tx, viewer, chapterId);
    if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
    await lockBook(tx, chapter.coopId, chapter.bookId);
    const [pages] = await tx.select({ n: count() }).from(kbPages).where(and(eq(kbPages.coopId, chapter.coopId), eq(kbPages.chapterId, chapter.id)));
    if (Number(pages!.n) > 0) throw knowledgeErrors.CHAPTER_NOT_EMPTY();
    await tx.delete(kbChapters).where(and(eq(kbChapters.coopId, chapter.coopId), eq(kbChapters.id, chapter.id)));
    await recordAudit(tx, actor, { action: 'knowledge.chapter_deleted', entityType: 'kb_chapter', entityId: chapter.id, before: auditedChapter(chapter) });
    return getSpace(tx, viewer, space.id);
  });
}
