import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { CreateBookBody, SpaceDetail, UpdateBookBody } from './contract.js';
import { canManage, widensSpace, type Visibility } from './domain/knowledge-access.js';
import { slugify } from './domain/search-text.js';
import { knowledgeErrors } from './errors.js';
import { loadBook, loadSpace, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbBooks, kbPages } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

// A book's three operations are a few lines each and share their guards: one file, read top down.

const nameTaken = () => knowledgeErrors.NAME_TAKEN([{ path: 'name', message: { fr: 'Un livre de cet espace porte déjà ce nom.', en: 'A book of this space already has this name.' } }]);
const widens = () => knowledgeErrors.BOOK_WIDENS_SPACE([{ path: 'visibility', message: { fr: "Plus visible que l'espace.", en: 'More visible than the space.' } }]);
const audited = (b: typeof kbBooks.$inferSelect) => ({ name: b.name, visibility: b.visibility, position: b.position });

/** Adds a book to a space (its team). Its visibility may only narrow the space's, checked against the space read in this transaction. */
export async function createBook(db: Db, actor: Actor, spaceId: string, body: CreateBookBody): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const { space } = await loadSpace(tx, viewer, spaceId);
      if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
      if (widensSpace(space.visibility, body.visibility)) throw widens();
      const [{ n }] = (await tx.select({ n: count() }).from(kbBooks).where(and(eq(kbBooks.coopId, space.coopId), eq(kbBooks.spaceId, space.id)))) as [{ n: number }];
      const [row] = await tx
        .insert(kbBooks)
        .values({ coopId: space.coopId, spaceId: space.id, name: body.name, slug: slugify(body.name), description: body.description, visibility: body.visibility, position: body.position ?? Number(n) })
        .returning();
      await recordAudit(tx, actor, { action: 'knowledge.book_created', entityType: 'kb_book', entityId: row!.id, after: audited(row!) });
      return getSpace(tx, viewer, space.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

/** Renames, moves or narrows a book (its space's team). */
export async function updateBook(db: Db, actor: Actor, bookId: string, patch: UpdateBookBody): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const { book, space } = await loadBook(tx, viewer, bookId);
      if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
      const visibility: Visibility | null = patch.visibility === undefined ? book.visibility : patch.visibility;
      if (patch.visibility !== undefined && widensSpace(space.visibility, visibility)) throw widens();
      const [after] = await tx
        .update(kbBooks)
        .set({ ...patch, ...(patch.name ? { slug: slugify(patch.name) } : {}), updatedAt: new Date() })
        .where(and(eq(kbBooks.coopId, book.coopId), eq(kbBooks.id, book.id)))
        .returning();
      await recordAudit(tx, actor, { action: 'knowledge.book_updated', entityType: 'kb_book', entityId: book.id, before: audited(book), after: audited(after!) });
      return getSpace(tx, viewer, space.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken();
    throw err;
  }
}

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
    await recordAudit(tx, actor, { action: 'knowledge.book_deleted', entityType: 'kb_book', entityId: book.id, before: audited(book) });
    return getSpace(tx, viewer, space.id);
  });
}
