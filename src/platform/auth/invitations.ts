import { and, countDistinct, eq, gt, inArray, isNull, max } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { authTokens, coopRoles } from './schema.js';

/**
 * When each person's latest live invitation into a cooperative expires: invitations not used
 * and not expired at `now`. A person without one has either accepted or let it lapse.
 */
export async function pendingInvitationsOf(db: Executor, coopId: string, userIds: string[], now: Date): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: authTokens.userId, expiresAt: max(authTokens.expiresAt) })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.kind, 'invitation'),
        eq(authTokens.coopId, coopId),
        inArray(authTokens.userId, userIds),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, now),
      ),
    )
    .groupBy(authTokens.userId);
  return new Map(rows.flatMap((r) => (r.expiresAt ? [[r.userId, r.expiresAt] as const] : [])));
}

/**
 * The people holding `role` in the cooperative, with their rows locked until the end of the
 * transaction: two admins demoting each other at once are serialised, so the second one
 * sees the first change and the cooperative never ends up without an admin.
 */
export async function lockRoleHolders(tx: Executor, coopId: string, role: 'admin' | 'staff' | 'member'): Promise<string[]> {
  const rows = await tx
    .select({ userId: coopRoles.userId })
    .from(coopRoles)
    .where(and(eq(coopRoles.coopId, coopId), eq(coopRoles.role, role)))
    .for('update');
  return rows.map((r) => r.userId);
}

/** How many people invited into the cooperative have not accepted yet. */
export async function countPendingInvitations(db: Executor, coopId: string): Promise<number> {
  const [row] = await db
    .select({ n: countDistinct(coopRoles.userId) })
    .from(coopRoles)
    .where(and(eq(coopRoles.coopId, coopId), isNull(coopRoles.acceptedAt)));
  return row?.n ?? 0;
}
