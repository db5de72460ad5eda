import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { QuestionView } from './contract.js';
import { canRead, type KbViewer } from './domain/knowledge-access.js';
import { readableSpaces, ruleOf, spaceColumns } from './kb-viewer.js';
import { questionViewsOf } from './load-question.js';
import { kbQuestions, kbSpaces } from './schema.js';

/** The questions of the spaces the viewer reads, newest first. */
export async function listQuestions(db: Executor, viewer: KbViewer, query: { spaceId?: string | undefined; status?: 'open' | 'answered' | undefined }): Promise<{ items: QuestionView[] }> {
  const rows = await db
    .select({ ...spaceColumns(viewer), question: kbQuestions })
    .from(kbQuestions)
    .innerJoin(kbSpaces, and(eq(kbSpaces.coopId, kbQuestions.coopId), eq(kbSpaces.id, kbQuestions.spaceId)))
    .where(and(readableSpaces(viewer), query.spaceId ? eq(kbSpaces.id, query.spaceId) : undefined, query.status ? eq(kbQuestions.status, query.status) : undefined))
    .orderBy(desc(kbQuestions.createdAt))
    .limit(100);
  const visible = rows.filter((r) => canRead(viewer, ruleOf(r.space, r.sharedWithMe, viewer))).map((r) => ({ question: r.question, spaceName: r.space.name }));
  return { items: await questionViewsOf(db, visible) };
}
