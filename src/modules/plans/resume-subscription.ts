import { and, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { SubscriptionView } from './contract.js';
import { monthOf, previousMonth } from './domain/subscription-cycle.js';
import { plansErrors } from './errors.js';
import { planPauses } from './schema.js';
import { lockSubscription, pastMonthRefused, subscriptionViewById } from './subscription-rows.js';

/** Resumes from a month on: the pause covers the months before it (none, when resumed before it began). */
export async function resumeSubscription(db: Db, actor: Actor, id: string, fromMonth: string, today: string): Promise<SubscriptionView> {
  return db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, actor.coopId, id);
    const [open] = await tx.select().from(planPauses).where(and(eq(planPauses.coopId, actor.coopId), eq(planPauses.subscriptionId, id), isNull(planPauses.untilMonth))).orderBy(desc(planPauses.fromMonth));
    if (!open) throw plansErrors.SUBSCRIPTION_NOT_PAUSED();
    if (fromMonth < monthOf(today)) throw pastMonthRefused();
    const where = and(eq(planPauses.coopId, actor.coopId), eq(planPauses.id, open.id));
    if (fromMonth <= open.fromMonth) await tx.delete(planPauses).where(where);
    else await tx.update(planPauses).set({ untilMonth: previousMonth(fromMonth) }).where(where);
    await recordAudit(tx, actor, { action: 'plan_subscription.resumed', entityType: 'member', entityId: sub.memberId, after: { subscriptionId: id, fromMonth } });
    return subscriptionViewById(tx, actor.coopId, id, today);
  });
}
