import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import type { BalanceView } from './contract.js';
import { dayInParis } from './coop-time.js';
import { monthOf, previousMonth } from './domain/subscription-cycle.js';
import { plansErrors } from './errors.js';
import { issueGrants, subscriptionOn } from './issue-grants.js';
import { subscriptionViews } from './plan-views.js';
import { allowanceGrants, allowanceUses, planSubscriptions } from './schema.js';

/**
 * A member's own balance ("Mon forfait"): what is left of each grant still valid, with its
 * expiry, and every use (which booking took what, and what came back). The month's grants are
 * written if they were not yet, so a member sees their passes from the first day of the month.
 */
export async function getMemberBalance(db: Db, actor: Actor, now: Date): Promise<BalanceView> {
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) throw plansErrors.NOT_A_MEMBER();
  return balanceOfMember(db, actor.coopId, memberId, now);
}

export async function balanceOfMember(db: Db, coopId: string, memberId: string, now: Date): Promise<BalanceView> {
  const today = dayInParis(now);
  const sub = await db.transaction(async (tx) => {
    const running = await subscriptionOn(tx, coopId, memberId, today);
    if (running) {
      await issueGrants(tx, running, previousMonth(monthOf(today)));
      await issueGrants(tx, running, monthOf(today));
    }
    return running;
  });
  const subs = await db.select({ id: planSubscriptions.id }).from(planSubscriptions).where(and(eq(planSubscriptions.coopId, coopId), eq(planSubscriptions.memberId, memberId)));
  const subIds = subs.map((s) => s.id);
  const grants = subIds.length ? await db.select().from(allowanceGrants).where(and(eq(allowanceGrants.coopId, coopId), inArray(allowanceGrants.subscriptionId, subIds))) : [];
  const grantKind = new Map(grants.map((g) => [g.id, g.kind]));
  const uses = grants.length
    ? await db
        .select()
        .from(allowanceUses)
        .where(and(eq(allowanceUses.coopId, coopId), inArray(allowanceUses.grantId, [...grantKind.keys()])))
        .orderBy(desc(allowanceUses.createdAt))
        .limit(200)
    : [];
  return {
    subscription: sub ? ((await subscriptionViews(db, coopId, [sub], today))[0] ?? null) : null,
    grants: grants
      .filter((g) => g.expiresAt.getTime() > now.getTime() && g.validFrom.getTime() <= now.getTime())
      .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.kind.localeCompare(b.kind))
      .map((g) => ({ id: g.id, kind: g.kind, quantity: g.quantity, left: g.quantity - g.used, month: g.month, expiresAt: g.expiresAt.toISOString() })),
    uses: uses.map((u) => ({ id: u.id, bookingId: u.bookingId, source: u.source, kind: grantKind.get(u.grantId)!, quantity: u.quantity, coveredMinutes: u.coveredMinutes, at: u.createdAt.toISOString(), releasedAt: u.releasedAt?.toISOString() ?? null })),
  };
}
