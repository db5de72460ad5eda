import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { quoteTotals } from '../quotes/index.js';
import type { FollowPromiseBody } from './contract.js';
import { mayFollowPromise, needsQuote } from './domain/may-follow-promise.js';
import { cochallengeErrors } from './errors.js';
import { cochallengePromises } from './schema.js';

/** Staff follow a promise after the day: meeting held → quote sent (a quote of the coop) → contract signed, or dropped. */
export async function followPromise(db: Db, actor: Actor, cochallengeId: string, promiseId: string, body: FollowPromiseBody): Promise<void> {
  await db.transaction(async (tx) => {
    const [promise] = await tx
      .select()
      .from(cochallengePromises)
      .where(and(eq(cochallengePromises.coopId, actor.coopId), eq(cochallengePromises.cochallengeId, cochallengeId), eq(cochallengePromises.id, promiseId)))
      .for('update');
    if (!promise) throw cochallengeErrors.PROMISE_NOT_FOUND();
    if (!mayFollowPromise(promise.status, body.status)) throw cochallengeErrors.PROMISE_BAD_MOVE();
    const quoteId = body.quoteId ?? promise.quoteId;
    if (needsQuote(body.status) && !quoteId) throw invalidField('quoteId', { fr: 'Choisissez le devis envoyé à l’entreprise.', en: 'Choose the quote sent to the company.' });
    if (body.quoteId && !(await quoteTotals(tx, actor.coopId, [body.quoteId])).has(body.quoteId)) throw invalidField('quoteId', { fr: 'Devis inconnu dans cette coopérative.', en: 'Unknown quote in this cooperative.' });
    await tx
      .update(cochallengePromises)
      .set({ status: body.status, quoteId, notes: body.notes === undefined ? promise.notes : body.notes, updatedAt: sql`now()` })
      .where(and(eq(cochallengePromises.coopId, actor.coopId), eq(cochallengePromises.id, promiseId)));
    await recordAudit(tx, actor, { action: 'cochallenge.promise_followed', entityType: 'cochallenge_promise', entityId: promiseId, before: { status: promise.status, quoteId: promise.quoteId }, after: { status: body.status, quoteId } });
  });
}
