import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { QuestionDetail } from './contract.js';
import { canAcceptAnswer } from './domain/knowledge-access.js';
import { knowledgeErrors } from './errors.js';
import { getQuestion } from './get-question.js';
import { viewerOf } from './kb-viewer.js';
import { loadQuestion } from './load-question.js';
import { kbAnswers, kbQuestions } from './schema.js';
import { isUniqueViolation } from './unique-violation.js';

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
