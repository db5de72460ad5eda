import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { QuestionDetail } from './contract.js';
import { canDiscuss } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { getQuestion } from './get-question.js';
import { viewerOf } from './kb-viewer.js';
import { loadQuestion } from './load-question.js';
import { kbAnswers } from './schema.js';

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
