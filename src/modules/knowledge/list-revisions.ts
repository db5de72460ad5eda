import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { RevisionDetail, RevisionSummary } from './contract.js';
import type { KbViewer } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { loadPage, namesOf } from './kb-viewer.js';
import { kbPageRevisions } from './schema.js';

type RevisionRow = typeof kbPageRevisions.$inferSelect;
const summaryOf = (r: RevisionRow, names: Map<string, string>): RevisionSummary => ({
  number: r.number,
  title: r.title,
  authorName: r.authorUserId ? (names.get(r.authorUserId) ?? null) : null,
  createdAt: r.createdAt,
  chars: r.body.length,
  linesAdded: r.linesAdded,
  linesRemoved: r.linesRemoved,
  restoredFrom: r.restoredFrom,
});

/** A page's history, newest first, for whoever reads the page. */
export async function listRevisions(db: Executor, viewer: KbViewer, pageId: string): Promise<{ items: RevisionSummary[] }> {
  const { page } = await loadPage(db, viewer, pageId);
  const rows = await db.select().from(kbPageRevisions).where(and(eq(kbPageRevisions.coopId, page.coopId), eq(kbPageRevisions.pageId, page.id))).orderBy(desc(kbPageRevisions.number)).limit(200);
  const names = await namesOf(db, rows.map((r) => r.authorUserId));
  return { items: rows.map((r) => summaryOf(r, names)) };
}

/** One old version of a page, with its text. */
export async function getRevision(db: Executor, viewer: KbViewer, pageId: string, number: number): Promise<RevisionDetail> {
  const { page } = await loadPage(db, viewer, pageId);
  const [row] = await db.select().from(kbPageRevisions).where(and(eq(kbPageRevisions.coopId, page.coopId), eq(kbPageRevisions.pageId, page.id), eq(kbPageRevisions.number, number)));
  if (!row) throw knowledgeErrors.REVISION_NOT_FOUND();
  const names = await namesOf(db, [row.authorUserId]);
  return { ...summaryOf(row, names), body: row.body };
}
