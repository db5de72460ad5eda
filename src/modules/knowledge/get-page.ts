import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { PageView } from './contract.js';
import { canEdit, canManage, type KbViewer } from './domain/knowledge-access.js';
import { loadPage, namesOf } from './kb-viewer.js';
import { kbChapters } from './schema.js';

/** A page as its reader sees it, with what they may do with it. */
export async function getPage(db: Executor, viewer: KbViewer, pageId: string, publicCoopId?: string): Promise<PageView> {
  const { page, book, space, rule } = await loadPage(db, viewer, pageId, { publicCoopId });
  const names = await namesOf(db, [page.updatedByUserId]);
  const [chapter] = page.chapterId ? await db.select({ name: kbChapters.name }).from(kbChapters).where(and(eq(kbChapters.coopId, page.coopId), eq(kbChapters.id, page.chapterId))) : [];
  return {
    id: page.id,
    bookId: book.id,
    bookName: book.name,
    chapterId: page.chapterId,
    chapterName: chapter?.name ?? null,
    spaceId: space.id,
    spaceName: space.name,
    title: page.title,
    slug: page.slug,
    body: page.body,
    position: page.position,
    currentRevision: page.currentRevision,
    updatedAt: page.updatedAt,
    updatedByName: page.updatedByUserId ? (names.get(page.updatedByUserId) ?? null) : null,
    canEdit: canEdit(viewer, rule, book),
    canManage: canManage(viewer, rule),
  };
}
