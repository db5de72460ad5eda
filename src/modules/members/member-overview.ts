import { and, count, eq, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { MembershipType } from '../coops/index.js';
import { MEMBERSHIP_TYPES, type MemberStatus } from './domain/lifecycle.js';
import { members } from './schema.js';

/** How many current members (those who have not left) the cooperative hosts of each type, 0 when none. */
export async function countMembersByType(db: Executor, coopId: string): Promise<Record<MembershipType, number>> {
  const rows = await db
    .select({ type: members.membershipType, n: count() })
    .from(members)
    .where(and(eq(members.coopId, coopId), ne(members.status, 'left')))
    .groupBy(members.membershipType);
  const out = Object.fromEntries(MEMBERSHIP_TYPES.map((t) => [t, 0])) as Record<MembershipType, number>;
  for (const r of rows) out[r.type as MembershipType] = Number(r.n);
  return out;
}

/** The member file of a person in a cooperative, in a few words: for their own dashboard. */
export async function memberOverviewOfUser(
  db: Executor,
  coopId: string,
  userId: string,
): Promise<{ id: string; status: MemberStatus; statusSince: string; membershipType: MembershipType } | null> {
  const [row] = await db
    .select({ id: members.id, status: members.status, statusSince: members.statusSince, membershipType: members.membershipType })
    .from(members)
    .where(and(eq(members.coopId, coopId), eq(members.userId, userId)));
  return row ? { ...row, membershipType: row.membershipType as MembershipType } : null;
}
