import { asc } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { coopNames } from '../coops/index.js';
import type { PublicPage } from './contract.js';
import { knowledgeErrors } from './errors.js';
import { getPage } from './get-page.js';
import { anonymousViewer, readableSpaces } from './kb-viewer.js';
import { getSpace } from './list-spaces.js';
import { kbSpaces } from './schema.js';
import { searchPages } from './search-pages.js';

// The public pages of a coop, read without an account: only spaces (and books) whose visibility
// is "public", of the one coop the address names. Everything else answers "not found".

async function coopNameOf(db: Executor, coopId: string): Promise<string> {
  const name = (await coopNames(db, [coopId])).get(coopId);
  if (name === undefined) throw knowledgeErrors.COOP_NOT_FOUND();
  return name;
}

export async function listPublicSpaces(db: Executor, coopId: string) {
  const coopName = await coopNameOf(db, coopId);
  const rows = await db.select({ id: kbSpaces.id, name: kbSpaces.name, slug: kbSpaces.slug, description: kbSpaces.description }).from(kbSpaces).where(readableSpaces(anonymousViewer, coopId)).orderBy(asc(kbSpaces.name));
  return { coopName, items: rows };
}

export async function getPublicSpace(db: Executor, coopId: string, spaceId: string) {
  const coopName = await coopNameOf(db, coopId);
  const space = await getSpace(db, anonymousViewer, spaceId, coopId);
  return { id: space.id, name: space.name, slug: space.slug, description: space.description, coopName, books: space.books.map(({ visibility: _v, effectiveVisibility: _e, ...b }) => b) };
}

export async function getPublicPage(db: Executor, coopId: string, pageId: string): Promise<PublicPage> {
  await coopNameOf(db, coopId);
  const p = await getPage(db, anonymousViewer, pageId, coopId);
  return { id: p.id, bookId: p.bookId, bookName: p.bookName, chapterName: p.chapterName, spaceId: p.spaceId, spaceName: p.spaceName, title: p.title, body: p.body, updatedAt: p.updatedAt };
}

/** Searches the public pages of a coop (the public spaces and public books only, like the pages above). */
export async function searchPublicPages(db: Executor, coopId: string, query: { q: string; spaceId?: string | undefined }) {
  await coopNameOf(db, coopId);
  return searchPages(db, anonymousViewer, query, coopId);
}
