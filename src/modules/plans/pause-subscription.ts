import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { SubscriptionView } from './contract.js';
import { monthOf } from './domain/subscription-cycle.js';
import { plansErrors } from './errors.js';
import { planPauses } from './schema.js';
import { lockSubscription, pastMonthRefused, subscriptionViewById } from './subscription-rows.js';

/**
 * Pauses from a month on (no fee, no grants) until resumed. A month already billed stays billed:
 * the pause starts no earlier than the current month.
 */
export async function pauseSubscription(db: Db, actor: Actor, id: string, fromMonth: string, today: string): Promise<SubscriptionView> {
  return db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, actor.coopId, id);
    if (sub.endsOn !== null) throw plansErrors.SUBSCRIPTION_ENDED();
    if (fromMonth < monthOf(today)) throw pastMonthRefused();
    const [open] = await tx.select().from(planPauses).where(and(eq(planPauses.coopId, actor.coopId), eq(planPauses.subscriptionId, id), isNull(planPauses.untilMonth)));
    if (open) throw plansErrors.SUBSCRIPTION_PAUSED();
    await tx.insert(planPauses).values({ coopId: actor.coopId, subscriptionId: id, fromMonth });
    await recordAudit(tx, actor, { action: 'plan_subscription.paused', entityType: 'member', entityId: sub.memberId, after: { subscriptionId: id, fromMonth } });
    return subscriptionViewById(tx, actor.coopId, id, today);
  });
}
