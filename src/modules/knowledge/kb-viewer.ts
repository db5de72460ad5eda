import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { users } from '../../platform/auth/schema.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { canRead, readableVisibilities, readerLevelOf, type KbViewer, type SpaceRule, type Visibility } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { kbBooks, kbChapters, kbPages, kbSpaces, kbSpaceShares } from './schema.js';

// The bridge between the one access rule (domain/knowledge-access.ts) and the queries: every
// list filters with `readableSpaces`/`readableBooks`, every detail loads through `load*` which
// asks `canRead` again, so a list never shows what the detail would refuse.

export type SpaceRow = typeof kbSpaces.$inferSelect;
export type BookRow = typeof kbBooks.$inferSelect;
export type PageRow = typeof kbPages.$inferSelect;
export type ChapterRow = typeof kbChapters.$inferSelect;

export const viewerOf = (actor: Pick<Actor, 'coopId' | 'roles'>): KbViewer => ({ coopId: actor.coopId, roles: actor.roles });
export const anonymousViewer: KbViewer = { coopId: null, roles: [] };

/** Whether the space was shared with the viewer's coop by a row of `kb_space_shares`. */
const sharedWithMe = (coopId: string) =>
  sql<boolean>`exists (select 1 from ${kbSpaceShares} where ${kbSpaceShares.coopId} = ${kbSpaces.coopId} and ${kbSpaceShares.spaceId} = ${kbSpaces.id} and ${kbSpaceShares.sharedWithCoopId} = ${coopId})`;

/** The selection every space read needs to rebuild its rule. */
export const spaceColumns = (viewer: KbViewer) => ({ space: kbSpaces, sharedWithMe: viewer.coopId ? sharedWithMe(viewer.coopId) : sql<boolean>`false` });

export function ruleOf(space: SpaceRow, sharedWithViewer: boolean, viewer: KbViewer): SpaceRule {
  return {
    coopId: space.coopId,
    visibility: space.visibility,
    membersCanEdit: space.membersCanEdit,
    sharedWithNetwork: space.sharedWithNetwork,
    sharedWithCoopIds: sharedWithViewer && viewer.coopId ? [viewer.coopId] : [],
  };
}

/**
 * The spaces the viewer reads (the SQL form of `canRead` for a space): their own coop's, or
 * shared with it, at a visibility their level reads. An anonymous viewer gets the public
 * spaces of the one coop the public route names.
 */
export function readableSpaces(viewer: KbViewer, publicCoopId?: string): SQL {
  const visible = inArray(kbSpaces.visibility, readableVisibilities(viewer.coopId ? readerLevelOf(viewer.roles) : 'public'));
  if (!viewer.coopId) return and(eq(kbSpaces.coopId, publicCoopId ?? '00000000-0000-0000-0000-000000000000'), visible)!;
  return and(or(eq(kbSpaces.coopId, viewer.coopId), eq(kbSpaces.sharedWithNetwork, true), sharedWithMe(viewer.coopId)), visible)!;
}

/** The books of readable spaces the viewer reads (a book may narrow its space). */
export function readableBooks(viewer: KbViewer): SQL {
  return or(isNull(kbBooks.visibility), inArray(kbBooks.visibility, readableVisibilities(viewer.coopId ? readerLevelOf(viewer.roles) : 'public')))!;
}

/** A space the viewer reads, with its rule; "not found" for what they may not read. */
export async function loadSpace(db: Executor, viewer: KbViewer, spaceId: string, publicCoopId?: string) {
  const [row] = await db
    .select(spaceColumns(viewer))
    .from(kbSpaces)
    .where(and(eq(kbSpaces.id, spaceId), readableSpaces(viewer, publicCoopId)));
  if (!row) throw knowledgeErrors.SPACE_NOT_FOUND();
  const rule = ruleOf(row.space, row.sharedWithMe, viewer);
  if (!canRead(viewer, rule)) throw knowledgeErrors.SPACE_NOT_FOUND();
  return { space: row.space, rule };
}

/** A book the viewer reads, with its space and the space's rule. */
export async function loadBook(db: Executor, viewer: KbViewer, bookId: string) {
  const [row] = await db
    .select({ ...spaceColumns(viewer), book: kbBooks })
    .from(kbBooks)
    .innerJoin(kbSpaces, and(eq(kbSpaces.coopId, kbBooks.coopId), eq(kbSpaces.id, kbBooks.spaceId)))
    .where(and(eq(kbBooks.id, bookId), readableSpaces(viewer)));
  if (!row) throw knowledgeErrors.BOOK_NOT_FOUND();
  const rule = ruleOf(row.space, row.sharedWithMe, viewer);
  if (!canRead(viewer, rule, row.book)) throw knowledgeErrors.BOOK_NOT_FOUND();
  return { book: row.book, space: row.space, rule };
}

/** A chapter of a book the viewer reads, with its book and space; "not found" otherwise. */
export async function loadChapter(db: Executor, viewer: KbViewer, chapterId: string) {
  const [row] = await db
    .select({ ...spaceColumns(viewer), book: kbBooks, chapter: kbChapters })
    .from(kbChapters)
    .innerJoin(kbBooks, and(eq(kbBooks.coopId, kbChapters.coopId), eq(kbBooks.id, kbChapters.bookId)))
    .innerJoin(kbSpaces, and(eq(kbSpaces.coopId, kbBooks.coopId), eq(kbSpaces.id, kbBooks.spaceId)))
    .where(and(eq(kbChapters.id, chapterId), readableSpaces(viewer)));
  if (!row) throw knowledgeErrors.CHAPTER_NOT_FOUND();
  const rule = ruleOf(row.space, row.sharedWithMe, viewer);
  if (!canRead(viewer, rule, row.book)) throw knowledgeErrors.CHAPTER_NOT_FOUND();
  return { chapter: row.chapter, book: row.book, space: row.space, rule };
}

/** A page the viewer reads (not archived), with its book and space. */
export async function loadPage(db: Executor, viewer: KbViewer, pageId: string, opts: { publicCoopId?: string } = {}) {
  const [row] = await db
    .select({ ...spaceColumns(viewer), book: kbBooks, page: kbPages })
    .from(kbPages)
    .innerJoin(kbBooks, and(eq(kbBooks.coopId, kbPages.coopId), eq(kbBooks.id, kbPages.bookId)))
    .innerJoin(kbSpaces, and(eq(kbSpaces.coopId, kbBooks.coopId), eq(kbSpaces.id, kbBooks.spaceId)))
    .where(and(eq(kbPages.id, pageId), isNull(kbPages.archivedAt), readableSpaces(viewer, opts.publicCoopId)));
  if (!row) throw knowledgeErrors.PAGE_NOT_FOUND();
  const rule = ruleOf(row.space, row.sharedWithMe, viewer);
  if (!canRead(viewer, rule, row.book)) throw knowledgeErrors.PAGE_NOT_FOUND();
  return { page: row.page, book: row.book, space: row.space, rule };
}

/** Display names of people (authors, editors): names only, nothing else of the account leaves. */
export async function namesOf(db: Executor, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type { Visibility };
