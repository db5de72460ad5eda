import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { parisMidnight } from './coop-time.js';
import { grantsForMonth, type PlanTerms, type SubscriptionTerms } from './domain/subscription-cycle.js';
import { allowanceGrants, planPauses, plans, planSubscriptions, type PlanRow, type SubscriptionRow } from './schema.js';

export const planTermsOf = (p: PlanRow): PlanTerms => ({
  monthlyPriceCents: p.monthlyPriceCents,
  includedDayPasses: p.includedDayPasses,
  includedHalfDayPasses: p.includedHalfDayPasses,
  includedCreditMinutes: p.includedCreditMinutes,
  includedCreditCents: p.includedCreditCents,
  creditKinds: p.creditKinds,
  passKinds: p.passKinds,
  rollover: p.rollover,
  noticeDays: p.noticeDays,
});

export async function subscriptionTermsOf(tx: Executor, sub: SubscriptionRow): Promise<SubscriptionTerms> {
  const pauses = await tx.select({ fromMonth: planPauses.fromMonth, untilMonth: planPauses.untilMonth }).from(planPauses).where(and(eq(planPauses.coopId, sub.coopId), eq(planPauses.subscriptionId, sub.id)));
  return { startsOn: sub.startsOn, endsOn: sub.endsOn, pauses };
}

/**
 * Writes a month's grants of a subscription, once: the unique key (subscription, month, kind)
 * makes a second call, or two at once, write nothing more. Called lazily by the first charge
 * of the month and by the monthly billing, so no month needs a job of its own.
 */
export async function issueGrants(tx: Executor, sub: SubscriptionRow, month: string): Promise<void> {
  const [plan] = await tx.select().from(plans).where(and(eq(plans.coopId, sub.coopId), eq(plans.id, sub.planId)));
  if (!plan) return;
  const grants = grantsForMonth(planTermsOf(plan), await subscriptionTermsOf(tx, sub), month);
  if (grants.length === 0) return;
  await tx
    .insert(allowanceGrants)
    .values(
      grants.map((g) => ({
        coopId: sub.coopId,
        subscriptionId: sub.id,
        month,
        kind: g.kind,
        quantity: g.quantity,
        validFrom: parisMidnight(g.validFromDay),
        expiresAt: parisMidnight(g.expiresDay),
        limitedKinds: g.limitedKinds ? [...g.limitedKinds] : null,
      })),
    )
    .onConflictDoNothing();
}

/** The member's subscription that runs on a day (started, not ended), if any. */
export async function subscriptionOn(tx: Executor, coopId: string, memberId: string, day: string): Promise<SubscriptionRow | null> {
  const rows = await tx.select().from(planSubscriptions).where(and(eq(planSubscriptions.coopId, coopId), eq(planSubscriptions.memberId, memberId)));
  return rows.find((s) => s.startsOn <= day && (s.endsOn === null || s.endsOn >= day)) ?? null;
}
