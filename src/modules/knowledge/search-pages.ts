import { and, desc, eq, isNull, like, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { SearchHit } from './contract.js';
import { canRead, type KbViewer } from './domain/knowledge-access.js';
import { searchTerms, snippetOf } from './domain/search-text.js';
import { readableBooks, readableSpaces, ruleOf, spaceColumns } from './kb-viewer.js';
import { kbBooks, kbChapters, kbPages, kbSpaces } from './schema.js';

const LIMIT = 20;

/**
 * Pages the viewer reads that contain every word of the query, accents and case ignored
 * (`search_text` is folded by the database; its trigram index serves the `like`). Pages whose
 * title holds more of the words come first, then the most recently updated: ranking by a
 * similarity over whole bodies costs a pass over every matching text, too slow for a common
 * word (bench/knowledge-search.ts). The filter is the SQL form of `canRead`, so a hidden page
 * never reaches the ranking, let alone the answer. An anonymous viewer searches the public spaces
 * of the one coop the public address names (`publicCoopId`).
 */
export async function searchPages(db: Executor, viewer: KbViewer, query: { q: string; spaceId?: string | undefined }, publicCoopId?: string): Promise<{ items: SearchHit[] }> {
  const terms = searchTerms(query.q);
  if (terms.length === 0) return { items: [] };
  const titleHits = sql.join(
    terms.map((t) => sql`(case when f_unaccent(lower(${kbPages.title})) like ${`%${t}%`} then 1 else 0 end)`),
    sql` + `,
  );
  const rows = await db
    .select({ ...spaceColumns(viewer), book: { id: kbBooks.id, name: kbBooks.name, visibility: kbBooks.visibility }, chapterName: kbChapters.name, page: { id: kbPages.id, title: kbPages.title, body: kbPages.body } })
    .from(kbPages)
    .innerJoin(kbBooks, and(eq(kbBooks.coopId, kbPages.coopId), eq(kbBooks.id, kbPages.bookId)))
    .innerJoin(kbSpaces, and(eq(kbSpaces.coopId, kbBooks.coopId), eq(kbSpaces.id, kbBooks.spaceId)))
    .leftJoin(kbChapters, and(eq(kbChapters.coopId, kbPages.coopId), eq(kbChapters.id, kbPages.chapterId)))
    .where(and(readableSpaces(viewer, publicCoopId), readableBooks(viewer), isNull(kbPages.archivedAt), query.spaceId ? eq(kbSpaces.id, query.spaceId) : undefined, ...terms.map((t) => like(kbPages.searchText, `%${t}%`))))
    .orderBy(desc(titleHits), desc(kbPages.updatedAt))
    .limit(LIMIT);
  return {
    items: rows
      .filter((r) => canRead(viewer, ruleOf(r.space, r.sharedWithMe, viewer), r.book))
      .map((r) => ({ pageId: r.page.id, title: r.page.title, spaceId: r.space.id, spaceName: r.space.name, bookName: r.book.name, chapterName: r.chapterName, snippet: snippetOf(r.page.body, terms) })),
  };
}
