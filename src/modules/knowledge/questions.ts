import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { AskQuestionBody, QuestionDetail, QuestionView } from './contract.js';
import { canAcceptAnswer, canDiscuss, canRead, type KbViewer } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { loadSpace, namesOf, readableSpaces, ruleOf, spaceColumns, viewerOf } from './kb-viewer.js';
import { kbAnswers, kbQuestions, kbSpaces } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

// Questions and answers: asked and answered by the people of the coop that owns the space
// (a shared space's Q&A is read-only elsewhere); read by whoever reads the space.

type QuestionRow = typeof kbQuestions.$inferSelect;

async function viewsOf(db: Executor, rows: { question: QuestionRow; spaceName: string }[]): Promise<QuestionView[]> {
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
  return { items: await viewsOf(db, visible) };
}

async function loadQuestion(db: Executor, viewer: KbViewer, questionId: string) {
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

/** A question with its answers, the accepted one first. */
export async function getQuestion(db: Executor, actor: Pick<Actor, 'coopId' | 'roles' | 'userId'>, questionId: string): Promise<QuestionDetail> {
  const viewer = viewerOf(actor);
  const { question, space, rule } = await loadQuestion(db, viewer, questionId);
  const answers = await db.select().from(kbAnswers).where(and(eq(kbAnswers.coopId, question.coopId), eq(kbAnswers.questionId, question.id))).orderBy(desc(kbAnswers.accepted), asc(kbAnswers.createdAt));
  const names = await namesOf(db, answers.map((a) => a.authorUserId));
  const [view] = await viewsOf(db, [{ question, spaceName: space.name }]);
  return {
    ...view!,
    answers: answers.map((a) => ({ id: a.id, body: a.body, authorName: names.get(a.authorUserId) ?? '', accepted: a.accepted, createdAt: a.createdAt })),
    canAnswer: canDiscuss(viewer, rule),
    canAccept: question.status === 'open' && canAcceptAnswer({ ...viewer, userId: actor.userId }, question),
  };
}

/** Asks a question in a space the person reads, of their own coop. */
export async function askQuestion(db: Db, actor: Actor, body: AskQuestionBody): Promise<QuestionDetail> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { space, rule } = await loadSpace(tx, viewer, body.spaceId);
    if (!canDiscuss(viewer, rule)) throw knowledgeErrors.MAY_NOT_DISCUSS();
    const [row] = await tx.insert(kbQuestions).values({ coopId: space.coopId, spaceId: space.id, title: body.title, body: body.body, authorUserId: actor.userId }).returning();
    return getQuestion(tx, actor, row!.id);
  });
}

/** Answers a question (anyone of the coop who reads its space; an answered question still takes answers). */
export async function answerQuestion(db: Db, actor: Actor, questionId: string, body: string): Promise<QuestionDetail> {
  const viewer = viewerOf(actor);
  return db.transaction(async (tx) => {
    const { question, rule } = await loadQuestion(tx, viewer, questionId);
    if (!canDiscuss(viewer, rule)) throw knowledgeErrors.MAY_NOT_DISCUSS();
    await tx.insert(kbAnswers).values({ coopId: question.coopId, questionId: question.id, body, authorUserId: actor.userId });
    return getQuestion(tx, actor, question.id);
  });
}

/**
 * Accepts an answer (the asker or the coop's team) and marks the question answered. One answer
 * per question: the question's row lock orders two accepts, the partial unique index holds it
 * whatever happens; the second gets ANSWER_ALREADY_ACCEPTED.
 */
export async function acceptAnswer(db: Db, actor: Actor, answerId: string): Promise<QuestionDetail> {
  const viewer = viewerOf(actor);
  try {
    return await db.transaction(async (tx) => {
      const [answer] = await tx.select().from(kbAnswers).where(and(eq(kbAnswers.coopId, actor.coopId), eq(kbAnswers.id, answerId)));
      if (!answer) throw knowledgeErrors.ANSWER_NOT_FOUND();
      const { question } = await loadQuestion(tx, viewer, answer.questionId);
      if (!canAcceptAnswer({ ...viewer, userId: actor.userId }, question)) throw knowledgeErrors.MAY_NOT_ACCEPT();
      const [locked] = await tx.select().from(kbQuestions).where(and(eq(kbQuestions.coopId, question.coopId), eq(kbQuestions.id, question.id))).for('update');
      if (locked!.status === 'answered') throw knowledgeErrors.ANSWER_ALREADY_ACCEPTED();
      await tx.update(kbAnswers).set({ accepted: true }).where(and(eq(kbAnswers.coopId, answer.coopId), eq(kbAnswers.id, answer.id)));
      await tx.update(kbQuestions).set({ status: 'answered' }).where(and(eq(kbQuestions.coopId, question.coopId), eq(kbQuestions.id, question.id)));
      await recordAudit(tx, actor, { action: 'knowledge.answer_accepted', entityType: 'kb_question', entityId: question.id, after: { answerId: answer.id } });
      return getQuestion(tx, actor, question.id);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw knowledgeErrors.ANSWER_ALREADY_ACCEPTED();
    throw err;
  }
}
