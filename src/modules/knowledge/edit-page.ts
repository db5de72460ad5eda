import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { PageView, UpdatePageBody } from './contract.js';
import { canEdit, canManage } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { getPage } from './get-page.js';
import { loadPage, viewerOf } from './kb-viewer.js';
import { kbPageRevisions, kbPages } from './schema.js';
import { writeRevision } from './write-revision.js';

/** Saves an edit of a page as its next revision; 409 if someone saved since `expectedRevision`. */
export async function editPage(db: Db, actor: Actor, pageId: string, body: UpdatePageBody): Promise<PageView> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { page, book, rule } = await loadPage(tx, viewer, pageId);
    if (!canEdit(viewer, rule, book)) throw knowledgeErrors.MAY_NOT_EDIT();
    await writeRevision(tx, actor, page, { title: body.title, body: body.body }, body.expectedRevision);
    return getPage(tx, viewer, page.id);
  });
}

/** Brings back an old version: a new revision with its text (history is never rewritten). */
export async function restoreRevision(db: Db, actor: Actor, pageId: string, number: number, expectedRevision: number): Promise<PageView> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { page, book, rule } = await loadPage(tx, viewer, pageId);
    if (!canEdit(viewer, rule, book)) throw knowledgeErrors.MAY_NOT_EDIT();
    const [old] = await tx.select().from(kbPageRevisions).where(and(eq(kbPageRevisions.coopId, page.coopId), eq(kbPageRevisions.pageId, page.id), eq(kbPageRevisions.number, number)));
    if (!old) throw knowledgeErrors.REVISION_NOT_FOUND();
    await writeRevision(tx, actor, page, { title: old.title, body: old.body }, expectedRevision, number);
    return getPage(tx, viewer, page.id);
  });
}

/** Takes a page out of the base (its team): hidden from lists and search, its revisions kept. Audited. */
export async function archivePage(db: Db, actor: Actor, pageId: string): Promise<void> {
  const viewer = viewerOf(actor);
  await db.transaction(async (tx) => {
    const { page, rule } = await loadPage(tx, viewer, pageId);
    if (!canManage(viewer, rule)) throw knowledgeErrors.MAY_NOT_MANAGE();
    await tx.update(kbPages).set({ archivedAt: new Date() }).where(and(eq(kbPages.coopId, page.coopId), eq(kbPages.id, page.id)));
    await recordAudit(tx, actor, { action: 'knowledge.page_archived', entityType: 'kb_page', entityId: page.id, before: { title: page.title, currentRevision: page.currentRevision } });
  });
}
