import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { coopNames } from '../coops/index.js';
import type { SpaceDetail, SpaceView } from './contract.js';
import { canEdit, canManage, canRead, effectiveVisibility, type KbViewer, type SpaceRule } from './domain/knowledge-access.js';
import { loadSpace, readableBooks, readableSpaces, ruleOf, spaceColumns, type SpaceRow } from './kb-viewer.js';
import { kbBooks, kbChapters, kbPages, kbSpaces, kbSpaceShares } from './schema.js';

function viewOf(space: SpaceRow, rule: SpaceRule, viewer: KbViewer, ownerName: string, counts: { books: number; pages: number }): SpaceView {
  return {
    id: space.id,
    name: space.name,
    slug: space.slug,
    description: space.description,
    visibility: space.visibility,
    membersCanEdit: space.membersCanEdit,
    sharedWithNetwork: space.sharedWithNetwork,
    fromOtherCoop: space.coopId !== viewer.coopId,
    ownerCoopName: ownerName,
    bookCount: counts.books,
    pageCount: counts.pages,
    canEdit: canEdit(viewer, rule),
    canManage: canManage(viewer, rule),
  };
}

/** The spaces the viewer reads: their coop's first, then those other coops shared with it; each with what the viewer reads of it counted. */
export async function listSpaces(db: Executor, viewer: KbViewer): Promise<{ items: SpaceView[] }> {
  const rows = await db.select(spaceColumns(viewer)).from(kbSpaces).where(readableSpaces(viewer)).orderBy(asc(kbSpaces.name));
  const visible = rows.map((r) => ({ space: r.space, rule: ruleOf(r.space, r.sharedWithMe, viewer) })).filter((r) => canRead(viewer, r.rule));
  if (visible.length === 0) return { items: [] };
  const ids = visible.map((r) => r.space.id);
  const bookCounts = await db
    .select({ spaceId: kbBooks.spaceId, books: count(kbBooks.id) })
    .from(kbBooks)
    .where(and(inArray(kbBooks.spaceId, ids), readableBooks(viewer)))
    .groupBy(kbBooks.spaceId);
  const pageCounts = await db
    .select({ spaceId: kbBooks.spaceId, pages: count(kbPages.id) })
    .from(kbPages)
    .innerJoin(kbBooks, and(eq(kbBooks.coopId, kbPages.coopId), eq(kbBooks.id, kbPages.bookId)))
    .where(and(inArray(kbBooks.spaceId, ids), readableBooks(viewer), isNull(kbPages.archivedAt)))
    .groupBy(kbBooks.spaceId);
  const names = await coopNames(db, [...new Set(visible.map((r) => r.space.coopId))]);
  const books = new Map(bookCounts.map((r) => [r.spaceId, Number(r.books)]));
  const pages = new Map(pageCounts.map((r) => [r.spaceId, Number(r.pages)]));
  const items = visible.map((r) => viewOf(r.space, r.rule, viewer, names.get(r.space.coopId) ?? '', { books: books.get(r.space.id) ?? 0, pages: pages.get(r.space.id) ?? 0 }));
  items.sort((a, b) => Number(a.fromOtherCoop) - Number(b.fromOtherCoop));
  return { items };
}

/** A space with its table of contents (books, their chapters and the pages the viewer reads), and its shares for its team. */
export async function getSpace(db: Executor, viewer: KbViewer, spaceId: string, publicCoopId?: string): Promise<SpaceDetail> {
  const { space, rule } = await loadSpace(db, viewer, spaceId, publicCoopId);
  const books = (await db.select().from(kbBooks).where(and(eq(kbBooks.coopId, space.coopId), eq(kbBooks.spaceId, space.id))).orderBy(asc(kbBooks.position), asc(kbBooks.name))).filter((b) => canRead(viewer, rule, b));
  const pages = books.length
    ? await db
        .select({ id: kbPages.id, bookId: kbPages.bookId, chapterId: kbPages.chapterId, title: kbPages.title, slug: kbPages.slug, position: kbPages.position })
        .from(kbPages)
        .where(and(eq(kbPages.coopId, space.coopId), inArray(kbPages.bookId, books.map((b) => b.id)), isNull(kbPages.archivedAt)))
        .orderBy(asc(kbPages.position), asc(kbPages.title))
    : [];
  const chapters = books.length
    ? await db
        .select({ id: kbChapters.id, bookId: kbChapters.bookId, name: kbChapters.name, slug: kbChapters.slug, position: kbChapters.position })
        .from(kbChapters)
        .where(and(eq(kbChapters.coopId, space.coopId), inArray(kbChapters.bookId, books.map((b) => b.id))))
        .orderBy(asc(kbChapters.position), asc(kbChapters.name))
    : [];
  const link = ({ id, title, slug, position }: (typeof pages)[number]) => ({ id, title, slug, position });
  const manage = canManage(viewer, rule);
  const shares = manage ? await db.select({ coopId: kbSpaceShares.sharedWithCoopId }).from(kbSpaceShares).where(and(eq(kbSpaceShares.coopId, space.coopId), eq(kbSpaceShares.spaceId, space.id))) : [];
  const names = await coopNames(db, [space.coopId, ...shares.map((s) => s.coopId)]);
  return {
    ...viewOf(space, rule, viewer, names.get(space.coopId) ?? '', { books: books.length, pages: pages.length }),
    books: books.map((b) => ({
      id: b.id,
      name: b.name,
      slug: b.slug,
      description: b.description,
      visibility: b.visibility,
      effectiveVisibility: effectiveVisibility(space.visibility, b.visibility),
      position: b.position,
      pages: pages.filter((p) => p.bookId === b.id && p.chapterId === null).map(link),
      chapters: chapters
        .filter((c) => c.bookId === b.id)
        .map(({ bookId: _, ...c }) => ({ ...c, pages: pages.filter((p) => p.chapterId === c.id).map(link) })),
    })),
    sharedWith: shares.map((s) => ({ coopId: s.coopId, name: names.get(s.coopId) ?? '' })),
  };
}
