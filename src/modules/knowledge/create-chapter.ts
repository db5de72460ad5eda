import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { auditedChapter, chapterNameTaken } from './chapter-guards.js';
import { lockBook, placeChapter } from './chapter-order.js';
import type { CreateChapterBody, SpaceDetail } from './contract.js';
import { canManage } from './domain/knowledge-access.js';
import { slugify } from './domain/search-text.js';
import { knowledgeErrors } from './errors.js';
import { loadBook, viewerOf } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbChapters } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

/** Adds a chapter to a book (the space's team, like the book itself), last unless a rank is given. Audited. */
export async function createChapter(db: Db, actor: Actor, bookId: string, body: CreateChapterBody): Promise<SpaceDetail> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const { book, space } = await loadBook(tx, viewer, bookId);
      if (!canManage(viewer, space)) throw knowledgeErrors.MAY_NOT_MANAGE();
      await lockBook(tx, book.coopId, book.id);
      const [row] = await tx.insert(kbChapters).values({ coopId: book.coopId, bookId: book.id, name: body.name, slug: slugify(body.name), position: 10_000 }).returning();
      await placeChapter(tx, book.coopId, book.id, row!.id, body.position ?? 10_000);
      const [placed] = await tx.select().from(kbChapters).where(and(eq(kbChapters.coopId, book.coopId), eq(kbChapters.id, row!.id)));
      await recordAudit(tx, actor, { action: 'knowledge.chapter_created', entityType: 'kb_chapter', entityId: row!.id, after: auditedChapter(placed!) });
      return getSpace(tx, viewer, space.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw chapterNameTaken();
    throw err;
  }
}
