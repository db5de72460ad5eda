import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { AskQuestionBody, QuestionDetail } from './contract.js';
import { canDiscuss } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { getQuestion } from './get-question.js';
import { loadSpace, viewerOf } from './kb-viewer.js';
import { kbQuestions } from './schema.js';

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
