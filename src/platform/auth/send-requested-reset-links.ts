import { asc, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { enqueueMail } from '../mail/outbox.js';
import { passwordResetRequests } from './schema.js';
import { findUserByEmail, issueToken, RESET_LINK_HOURS } from './service.js';

const BATCH = 100;

/**
 * Handles the queued reset requests: for an address that opens an active account, a one-time
 * link (which voids the older ones) and its mail; for any other, nothing. Each request is
 * handled and deleted in one transaction, taken with SKIP LOCKED, so it is done exactly once
 * even with several app instances or a crash midway. A request that fails stays for the next
 * run and does not hold up the others (their errors are thrown together at the end). Returns
 * how many were handled.
 */
export async function sendRequestedResetLinks(db: Db, publicUrl: string, now: Date = new Date()): Promise<number> {
  let handled = 0;
  const errors: unknown[] = [];
  // Batch after batch until the queue is empty, or holds only requests that failed this run.
  for (;;) {
    const due = await db
      .select({ id: passwordResetRequests.id })
      .from(passwordResetRequests)
      .where(lte(passwordResetRequests.requestedAt, sql`now()`))
      .orderBy(asc(passwordResetRequests.requestedAt))
      .limit(BATCH);
    let handledNow = 0;
    for (const { id } of due) {
      if (await handleRequest(db, id, publicUrl, now).catch((err: unknown) => (errors.push(err), false))) handledNow++;
    }
    handled += handledNow;
    if (due.length < BATCH || handledNow === 0) break;
  }
  if (errors.length > 0) throw new AggregateError(errors, `${errors.length} password reset request(s) failed; they stay queued`);
  return handled;
}

/** One request, handled and deleted in one transaction; false when another runner holds it or it is gone. */
async function handleRequest(db: Db, id: string, publicUrl: string, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [request] = await tx.select().from(passwordResetRequests).where(eq(passwordResetRequests.id, id)).for('update', { skipLocked: true });
    if (!request) return false;
    const user = await findUserByEmail(tx, request.email);
    if (user && !user.disabledAt) {
      const token = await issueToken(tx, { kind: 'password_reset', userId: user.id }, now);
      const link = `${publicUrl}/reset-password?token=${token}`;
      const fr = user.locale !== 'en';
      await enqueueMail(tx, {
        coopId: null,
        to: user.email,
        template: 'password_reset',
        subject: fr ? 'Réinitialisation de votre mot de passe Mutualise' : 'Reset your Mutualise password',
        text: fr
          ? `Bonjour ${user.displayName},\n\nPour choisir un nouveau mot de passe, ouvrez ce lien (valable ${RESET_LINK_HOURS} heures, une seule fois) :\n${link}\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce message.`
          : `Hello ${user.displayName},\n\nTo choose a new password, open this link (valid ${RESET_LINK_HOURS} hours, once):\n${link}\n\nIf you did not ask for this, ignore this message.`,
      });
    }
    await tx.delete(passwordResetRequests).where(eq(passwordResetRequests.id, id));
    return true;
  });
}
