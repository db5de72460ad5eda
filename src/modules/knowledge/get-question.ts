import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { QuestionDetail } from './contract.js';
import { canAcceptAnswer, canDiscuss } from './domain/knowledge-access.js';
import { namesOf, viewerOf } from './kb-viewer.js';
import { loadQuestion, questionViewsOf } from './load-question.js';
import { kbAnswers } from './schema.js';

/** A question with its answers, the accepted one first. */
export async function getQuestion(db: Executor, actor: Pick<Actor, 'coopId' | 'roles' | 'userId'>, questionId: string): Promise<QuestionDetail> {
  const viewer = viewerOf(actor);
  const { question, space, rule } = await loadQuestion(db, viewer, questionId);
  const answers = await db.select().from(kbAnswers).where(and(eq(kbAnswers.coopId, question.coopId), eq(kbAnswers.questionId, question.id))).orderBy(desc(kbAnswers.accepted), asc(kbAnswers.createdAt));
  const names = await namesOf(db, answers.map((a) => a.authorUserId));
  const [view] = await questionViewsOf(db, [{ question, spaceName: space.name }]);
  return {
    ...view!,
    answers: answers.map((a) => ({ id: a.id, body: a.body, authorName: names.get(a.authorUserId) ?? '', accepted: a.accepted, createdAt: a.createdAt })),
    canAnswer: canDiscuss(viewer, rule),
    canAccept: question.status === 'open' && canAcceptAnswer({ ...viewer, userId: actor.userId }, question),
  };
}
