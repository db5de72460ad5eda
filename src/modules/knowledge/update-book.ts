import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { auditedBook, bookNameTaken, bookWidensSpace } from './book-guards.js';
import type { SpaceDetail, UpdateBookBody } from './contract.js';
import { canManage, widensSpace, type Visibility } from './domain/knowledge-access.js';
import { slugify } from './domain/search-text.js';
import { knowledgeErrors } from './errors.js';
import { loadBook, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbBooks } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** Renames, moves or narrows a book (its space's team). */
export async function updateBook(db: Db, actor: Actor, bookId: string, patch: UpdateBookBody): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const { book, space } = await loadBook(tx, viewer, bookId);
      if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
      const visibility: Visibility | null = patch.visibility === undefined ? book.visibility : patch.visibility;
      if (patch.visibility !== undefined && widensSpace(space.visibility, visibility)) throw bookWidensSpace();
      const [after] = await tx
        .update(kbBooks)
        .set({ ...patch, ...(patch.name ? { slug: slugify(patch.name) } : {}), updatedAt: new Date() })
        .where(and(eq(kbBooks.coopId, book.coopId), eq(kbBooks.id, book.id)))
        .returning();
      await recordAudit(tx, actor, { action: 'knowledge.book_updated', entityType: 'kb_book', entityId: book.id, before: auditedBook(book), after: auditedBook(after!) });
      return getSpace(tx, viewer, space.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw bookNameTaken();
    throw err;
  }
}
