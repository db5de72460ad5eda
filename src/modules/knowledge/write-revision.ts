import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { diffRevisions } from './domain/revision-diff.js';
import { knowledgeErrors } from './errors.js';
import { kbPageRevisions, kbPages } from './schema.js';

/**
 * Moves a page to its next revision, inside the caller's transaction. The update matches only
 * while the page is still at `expectedRevision`: of two editors who started from the same
 * revision, the second's update finds no row (PostgreSQL re-reads the row once the first
 * commits) and gets EDIT_CONFLICT. The revision number is the page's counter +1 and
 * `(coop_id, page_id, number)` is unique, so numbers never repeat and never skip.
 */
export async function writeRevision(tx: Executor, actor: Actor, page: { coopId: string; id: string }, next: { title: string; body: string }, expectedRevision: number, restoredFrom: number | null = null): Promise<number> {
  const [updated] = await tx
    .update(kbPages)
    .set({ title: next.title, body: next.body, currentRevision: sql`${kbPages.currentRevision} + 1`, updatedAt: new Date(), updatedByUserId: actor.userId })
    .where(and(eq(kbPages.coopId, page.coopId), eq(kbPages.id, page.id), eq(kbPages.currentRevision, expectedRevision)))
    .returning({ number: kbPages.currentRevision });
  if (!updated) throw knowledgeErrors.EDIT_CONFLICT([{ path: 'expectedRevision', message: { fr: 'La page a changé depuis.', en: 'The page changed since.' } }]);
  const [previous] = await tx
    .select({ title: kbPageRevisions.title, body: kbPageRevisions.body })
    .from(kbPageRevisions)
    .where(and(eq(kbPageRevisions.coopId, page.coopId), eq(kbPageRevisions.pageId, page.id), eq(kbPageRevisions.number, expectedRevision)));
  const diff = diffRevisions(previous ?? null, next);
  await tx.insert(kbPageRevisions).values({
    coopId: page.coopId,
    pageId: page.id,
    number: updated.number,
    title: next.title,
    body: next.body,
    authorUserId: actor.userId,
    restoredFrom,
    linesAdded: diff.linesAdded,
    linesRemoved: diff.linesRemoved,
  });
  return updated.number;
}
