import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { lockBook } from './chapter-order.js';
import type { CreatePageBody, PageView } from './contract.js';
import { canEdit } from './domain/knowledge-access.js';
import { diffRevisions } from './domain/revision-diff.js';
import { slugify } from './domain/search-text.js';
import { knowledgeErrors } from './errors.js';
import { getPage } from './get-page.js';
import { loadBook, viewerOf } from './kb-viewer.js';
import { notThisBook } from './place-page.js';
import { kbChapters, kbPageRevisions, kbPages } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** Writes a new page in a book, or in one of its chapters (whoever may edit the space), with its first revision. */
export async function createPage(db: Db, actor: Actor, bookId: string, body: CreatePageBody): Promise<PageView> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const { book, rule } = await loadBook(tx, viewer, bookId);
      if (!canEdit(viewer, rule, book)) throw knowledgeErrors.MAY_NOT_EDIT();
      await lockBook(tx, book.coopId, book.id);
      const chapterId = body.chapterId ?? null;
      if (chapterId !== null) {
        const [chapter] = await tx.select({ id: kbChapters.id }).from(kbChapters).where(and(eq(kbChapters.coopId, book.coopId), eq(kbChapters.bookId, book.id), eq(kbChapters.id, chapterId)));
        if (!chapter) throw notThisBook();
      }
      const [{ n }] = (await tx.select({ n: count() }).from(kbPages).where(and(eq(kbPages.coopId, book.coopId), eq(kbPages.bookId, book.id)))) as [{ n: number }];
      const [page] = await tx
        .insert(kbPages)
        .values({ coopId: book.coopId, bookId: book.id, chapterId, title: body.title, slug: slugify(body.title), body: body.body, position: body.position ?? Number(n), currentRevision: 1, updatedByUserId: actor.userId })
        .returning();
      const diff = diffRevisions(null, body);
      await tx.insert(kbPageRevisions).values({ coopId: book.coopId, pageId: page!.id, number: 1, title: body.title, body: body.body, authorUserId: actor.userId, linesAdded: diff.linesAdded, linesRemoved: 0 });
      return getPage(tx, viewer, page!.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw knowledgeErrors.NAME_TAKEN([{ path: 'title', message: { fr: 'Une page de ce livre porte déjà ce titre.', en: 'A page of this book already has this title.' } }]);
    throw err;
  }
}
