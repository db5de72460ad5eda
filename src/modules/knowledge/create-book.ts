import { and, count, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { auditedBook, bookNameTaken, bookWidensSpace } from './book-guards.js';
import type { CreateBookBody, SpaceDetail } from './contract.js';
import { canManage, widensSpace } from './domain/knowledge-access.js';
import { slugify } from './domain/search-text.js';
import { knowledgeErrors } from './errors.js';
import { loadSpace, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbBooks } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** Adds a book to a space (its team). Its visibility may only narrow the space's, checked against the space read in this transaction. */
export async function createBook(db: Db, actor: Actor, spaceId: string, body: CreateBookBody): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const { space } = await loadSpace(tx, viewer, spaceId);
      if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
      if (widensSpace(space.visibility, body.visibility)) throw bookWidensSpace();
      const [{ n }] = (await tx.select({ n: count() }).from(kbBooks).where(and(eq(kbBooks.coopId, space.coopId), eq(kbBooks.spaceId, space.id)))) as [{ n: number }];
      const [row] = await tx
        .insert(kbBooks)
        .values({ coopId: space.coopId, spaceId: space.id, name: body.name, slug: slugify(body.name), description: body.description, visibility: body.visibility, position: body.position ?? Number(n) })
        .returning();
      await recordAudit(tx, actor, { action: 'knowledge.book_created', entityType: 'kb_book', entityId: row!.id, after: auditedBook(row!) });
      return getSpace(tx, viewer, space.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw bookNameTaken();
    throw err;
  }
}
