import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { assertMembersExist } from '../members/index.js';
import { memberFeeOverrides } from './schema.js';

/** A member's own monthly amount (0 exempts them), or back to the coop's (null); audited, read by the next monthly run. */
export async function setMemberFee(db: Db, actor: Actor, memberId: string, amountCents: number | null): Promise<{ memberId: string; amountCents: number | null }> {
  return db.transaction(async (tx) => {
    await assertMembersExist(tx, actor.coopId, [memberId], 'memberId');
    const where = and(eq(memberFeeOverrides.coopId, actor.coopId), eq(memberFeeOverrides.memberId, memberId));
    const [before] = await tx.select().from(memberFeeOverrides).where(where);
    if (amountCents === null) await tx.delete(memberFeeOverrides).where(where);
    else await tx.insert(memberFeeOverrides).values({ coopId: actor.coopId, memberId, amountCents }).onConflictDoUpdate({ target: [memberFeeOverrides.coopId, memberFeeOverrides.memberId], set: { amountCents, updatedAt: new Date() } });
    await recordAudit(tx, actor, { action: 'member_fee.amount_set', entityType: 'member', entityId: memberId, before: { memberId, amountCents: before?.amountCents ?? null }, after: { memberId, amountCents } });
    return { memberId, amountCents };
  });
}

export async function memberFeeOf(db: Db, coopId: string, memberId: string): Promise<number | null> {
  const [row] = await db.select().from(memberFeeOverrides).where(and(eq(memberFeeOverrides.coopId, coopId), eq(memberFeeOverrides.memberId, memberId)));
  return row?.amountCents ?? null;
}
