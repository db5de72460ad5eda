import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { SubscriptionView } from './contract.js';
import { endWithNotice } from './domain/subscription-cycle.js';
import { plansErrors } from './errors.js';
import { plans, planSubscriptions } from './schema.js';
import { lockSubscription, subscriptionViewById } from './subscription-rows.js';

/** Ends with the plan's notice: billed and granted to the end of the month the notice expires in. */
export async function endSubscription(db: Db, actor: Actor, id: string, requestedOn: string, today: string): Promise<SubscriptionView> {
  return db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, actor.coopId, id);
    if (sub.endsOn !== null) throw plansErrors.SUBSCRIPTION_ENDED();
    const [plan] = await tx.select({ noticeDays: plans.noticeDays }).from(plans).where(and(eq(plans.coopId, actor.coopId), eq(plans.id, sub.planId)));
    const computed = endWithNotice(requestedOn, plan!.noticeDays);
    // A subscription ended before it began stops on its first day's month end at the latest.
    const endsOn = computed < sub.startsOn ? sub.startsOn : computed;
    await tx.update(planSubscriptions).set({ endsOn, endRequestedOn: requestedOn, updatedAt: new Date() }).where(and(eq(planSubscriptions.coopId, actor.coopId), eq(planSubscriptions.id, id)));
    await recordAudit(tx, actor, { action: 'plan_subscription.ended', entityType: 'member', entityId: sub.memberId, after: { subscriptionId: id, requestedOn, endsOn, noticeDays: plan!.noticeDays } });
    return subscriptionViewById(tx, actor.coopId, id, today);
  });
}
