import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { lockBook } from './chapter-order.js';
import type { PageView, PlacePageBody } from './contract.js';
import { canEdit } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { getPage } from './get-page.js';
import { loadPage, viewerOf } from './kb-viewer.js';
import { kbChapters, kbPages } from './schema.js';

/** A 400 naming the field: the chapter is not one of this book's (or the reader does not see it). */
export const notThisBook = () => invalidField('chapterId', { fr: "Ce chapitre n'est pas dans le livre de la page.", en: "This chapter is not in the page's book." });

/**
 * Moves a page into one of its book's chapters, or back directly into the book (whoever may edit
 * the page). Audited: where a guide sits is what its readers find. The chapter is read under the
 * book's lock, so a chapter deleted at the same time cannot receive the page (and the foreign key
 * of `kb_pages` holds the page and its chapter in one book whatever happens).
 */
export async function placePage(db: Db, actor: Actor, pageId: string, body: PlacePageBody): Promise<PageView> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { page, book, rule } = await loadPage(tx, viewer, pageId);
    if (!canEdit(viewer, rule, book)) throw knowledgeErrors.MAY_NOT_EDIT();
    await lockBook(tx, book.coopId, book.id);
    if (body.chapterId !== null) {
      const [chapter] = await tx.select({ id: kbChapters.id }).from(kbChapters).where(and(eq(kbChapters.coopId, book.coopId), eq(kbChapters.bookId, book.id), eq(kbChapters.id, body.chapterId)));
      if (!chapter) throw notThisBook();
    }
    await tx
      .update(kbPages)
      .set({ chapterId: body.chapterId, ...(body.position !== undefined ? { position: body.position } : {}) })
      .where(and(eq(kbPages.coopId, page.coopId), eq(kbPages.id, page.id)));
    await recordAudit(tx, actor, {
      action: 'knowledge.page_moved',
      entityType: 'kb_page',
      entityId: page.id,
      before: { chapterId: page.chapterId, position: page.position },
      after: { chapterId: body.chapterId, position: body.position ?? page.position },
    });
    return getPage(tx, viewer, page.id);
  });
}
