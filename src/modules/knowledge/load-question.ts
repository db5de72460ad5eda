import { and, count, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { QuestionView } from './contract.js';
import { canRead, type KbViewer } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { namesOf, readableSpaces, ruleOf, spaceColumns } from './kb-viewer.js';
import { kbAnswers, kbQuestions, kbSpaces } from './schema.js';

// Questions and answers: asked and answered by the people of the coop that owns the space
// (a shared space's Q&A is read-only elsewhere); read by whoever reads the space. The reads
// every question operation shares live here.

type QuestionRow = typeof kbQuestions.$inferSelect;

/** Questions as listed: with their space's name, their author's name and their number of answers. */
export async function questionViewsOf(db: Executor, rows: { question: QuestionRow; spaceName: string }[]): Promise<QuestionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.question.id);
  const counts = await db.select({ questionId: kbAnswers.questionId, n: count() }).from(kbAnswers).where(inArray(kbAnswers.questionId, ids)).groupBy(kbAnswers.questionId);
  const answers = new Map(counts.map((c) => [c.questionId, Number(c.n)]));
  const names = await namesOf(db, rows.map((r) => r.question.authorUserId));
  return rows.map(({ question: q, spaceName }) => ({
    id: q.id,
    spaceId: q.spaceId,
    spaceName,
    title: q.title,
    body: q.body,
    authorName: names.get(q.authorUserId) ?? '',
    status: q.status,
    answerCount: answers.get(q.id) ?? 0,
    createdAt: q.createdAt,
  }));
}

/** A question the viewer reads, with its space and the space's rule; "not found" otherwise. */
export async function loadQuestion(db: Executor, viewer: KbViewer, questionId: string) {
  const [row] = await db
    .select({ ...spaceColumns(viewer), question: kbQuestions })
    .from(kbQuestions)
    .innerJoin(kbSpaces, and(eq(kbSpaces.coopId, kbQuestions.coopId), eq(kbSpaces.id, kbQuestions.spaceId)))
    .where(and(eq(kbQuestions.id, questionId), readableSpaces(viewer)));
  if (!row) throw knowledgeErrors.QUESTION_NOT_FOUND();
  const rule = ruleOf(row.space, row.sharedWithMe, viewer);
  if (!canRead(viewer, rule)) throw knowledgeErrors.QUESTION_NOT_FOUND();
  return { question: row.question, space: row.space, rule };
}
