import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlState, UNIQUE_VIOLATION, type Executor } from '../../platform/db/client.js';
import { memberErrors } from './errors.js';
import { members } from './schema.js';

/**
 * Gives a member the account they log in with (once they accept their invitation), so that
 * "my activities", "my invoices" resolve to them. One account per member in a cooperative.
 */
export async function linkMemberToUser(tx: Executor, coopId: string, memberId: string, userId: string): Promise<void> {
  const [before] = await tx.select().from(members).where(and(eq(members.coopId, coopId), eq(members.id, memberId))).for('update');
  if (!before) throw memberErrors.MEMBER_NOT_FOUND();
  if (before.userId === userId) return;
  const [other] = await tx.select({ id: members.id }).from(members).where(and(eq(members.coopId, coopId), eq(members.userId, userId)));
  if (other) throw memberErrors.MEMBER_USER_TAKEN([{ path: 'userId', message: { fr: 'Compte déjà rattaché à un membre.', en: 'Account already linked to a member.' } }]);
  try {
    const [after] = await tx.update(members).set({ userId, updatedAt: new Date() }).where(and(eq(members.coopId, coopId), eq(members.id, memberId))).returning();
    await recordAudit(tx, { coopId, userId: null }, { action: 'member.user_linked', entityType: 'member', entityId: memberId, before: { userId: before.userId }, after: { userId: after.userId } });
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw memberErrors.MEMBER_USER_TAKEN([{ path: 'userId', message: { fr: 'Compte déjà rattaché à un membre.', en: 'Account already linked to a member.' } }]);
    throw err;
  }
}
