import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { auditedBook } from './book-guards.js';
import type { SpaceDetail } from './contract.js';
import { canManage } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { loadBook, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbBooks, kbPages } from './schema.js';

/** Removes a book that holds no page (archived pages keep their book: their history stays reachable). */
export async function deleteBook(db: Db, actor: Actor, bookId: string): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { book, space } = await loadBook(tx, viewer, bookId);
    if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
    await tx.select({ id: kbBooks.id }).from(kbBooks).where(and(eq(kbBooks.coopId, book.coopId), eq(kbBooks.id, book.id))).for('update');
    const [pages] = await tx.select({ n: count() }).from(kbPages).where(and(eq(kbPages.coopId, book.coopId), eq(kbPages.bookId, book.id)));
    if (Number(pages!.n) > 0) throw knowledgeErrors.BOOK_NOT_EMPTY();
    await tx.delete(kbBooks).where(and(eq(kbBooks.coopId, book.coopId), eq(kbBooks.id, book.id)));
    await recordAudit(tx, actor, { action: 'knowledge.book_deleted', entityType: 'kb_book', entityId: book.id, before: auditedBook(book) });
    return getSpace(tx, viewer, space.id);
  });
}
