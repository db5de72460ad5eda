import { and, desc, eq, isNull } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db, type Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityIdsOfMember } from '../activities/index.js';
import { assertMembersExist } from '../members/index.js';
import type { SubscribeBody, SubscriptionView } from './contract.js';
import { endWithNotice, monthOf, previousMonth } from './domain/subscription-cycle.js';
import { plansErrors } from './errors.js';
import { subscriptionViews } from './plan-views.js';
import { planPauses, plans, planSubscriptions, type SubscriptionRow } from './schema.js';

async function lockSubscription(tx: Executor, coopId: string, id: string): Promise<SubscriptionRow> {
  const [row] = await tx.select().from(planSubscriptions).where(and(eq(planSubscriptions.coopId, coopId), eq(planSubscriptions.id, id))).for('update');
  if (!row) throw plansErrors.SUBSCRIPTION_NOT_FOUND();
  return row;
}

const viewOf = async (tx: Executor, coopId: string, id: string, today: string) => {
  const [row] = await tx.select().from(planSubscriptions).where(and(eq(planSubscriptions.coopId, coopId), eq(planSubscriptions.id, id)));
  return (await subscriptionViews(tx, coopId, [row!], today))[0]!;
};

/**
 * Subscribes a member to a plan, billed to one of their own activities. One renewing
 * subscription per member (a partial unique key): a charge always knows which allowance to use.
 */
export async function subscribeMember(db: Db, actor: Actor, body: SubscribeBody, today: string): Promise<SubscriptionView> {
  try {
    return await db.transaction(async (tx) => {
      await assertMembersExist(tx, actor.coopId, [body.memberId], 'memberId');
      const [plan] = await tx.select().from(plans).where(and(eq(plans.coopId, actor.coopId), eq(plans.id, body.planId)));
      if (!plan) throw plansErrors.PLAN_NOT_FOUND();
      if (!plan.active) throw plansErrors.PLAN_INACTIVE();
      if (!(await activityIdsOfMember(tx, actor.coopId, body.memberId)).includes(body.activityId)) throw plansErrors.ACTIVITY_NOT_OF_MEMBER();
      const [row] = await tx.insert(planSubscriptions).values({ coopId: actor.coopId, memberId: body.memberId, activityId: body.activityId, planId: body.planId, startsOn: body.startsOn, createdBy: actor.userId }).returning();
      await recordAudit(tx, actor, { action: 'plan_subscription.created', entityType: 'member', entityId: body.memberId, after: { subscriptionId: row!.id, planId: plan.id, planName: plan.name, activityId: body.activityId, startsOn: body.startsOn, monthlyPriceCents: plan.monthlyPriceCents } });
      return viewOf(tx, actor.coopId, row!.id, today);
    });
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'plan_subscriptions_open_member_key') throw plansErrors.SUBSCRIPTION_ALREADY_OPEN();
    throw err;
  }
}

/**
 * Pauses from a month on (no fee, no grants) until resumed. A month already billed stays billed:
 * the pause starts no earlier than the current month.
 */
export async function pauseSubscription(db: Db, actor: Actor, id: string, fromMonth: string, today: string): Promise<SubscriptionView> {
  return db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, actor.coopId, id);
    if (sub.endsOn !== null) throw plansErrors.SUBSCRIPTION_ENDED();
    if (fromMonth < monthOf(today)) throw invalidMonth();
    const [open] = await tx.select().from(planPauses).where(and(eq(planPauses.coopId, actor.coopId), eq(planPauses.subscriptionId, id), isNull(planPauses.untilMonth)));
    if (open) throw plansErrors.SUBSCRIPTION_PAUSED();
    await tx.insert(planPauses).values({ coopId: actor.coopId, subscriptionId: id, fromMonth });
    await recordAudit(tx, actor, { action: 'plan_subscription.paused', entityType: 'member', entityId: sub.memberId, after: { subscriptionId: id, fromMonth } });
    return viewOf(tx, actor.coopId, id, today);
  });
}

/** Resumes from a month on: the pause covers the months before it (none, when resumed before it began). */
export async function resumeSubscription(db: Db, actor: Actor, id: string, fromMonth: string, today: string): Promise<SubscriptionView> {
  return db.transaction(async (tx) => {
    const sub = await lockSubscription(tx, actor.coopId, id);
    const [open] = await tx.select().from(planPauses).where(and(eq(planPauses.coopId, actor.coopId), eq(planPauses.subscriptionId, id), isNull(planPauses.untilMonth))).orderBy(desc(planPauses.fromMonth));
    if (!open) throw plansErrors.SUBSCRIPTION_NOT_PAUSED();
    if (fromMonth < monthOf(today)) throw invalidMonth();
    const where = and(eq(planPauses.coopId, actor.coopId), eq(planPauses.id, open.id));
    if (fromMonth <= open.fromMonth) await tx.delete(planPauses).where(where);
    else await tx.update(planPauses).set({ untilMonth: previousMonth(fromMonth) }).where(where);
    await recordAudit(tx, actor, { action: 'plan_subscription.resumed', entityType: 'member', entityId: sub.memberId, after: { subscriptionId: id, fromMonth } });
    return viewOf(tx, actor.coopId, id, today);
  });
}

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
    return viewOf(tx, actor.coopId, id, today);
  });
}

export async function listSubscriptions(db: Db, coopId: string, filter: { memberId?: string }, today: string): Promise<SubscriptionView[]> {
  const rows = await db
    .select()
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.coopId, coopId), filter.memberId ? eq(planSubscriptions.memberId, filter.memberId) : undefined))
    .orderBy(desc(planSubscriptions.startsOn))
    .limit(1000);
  return subscriptionViews(db, coopId, rows, today);
}

const invalidMonth = () => invalidField('fromMonth', { fr: 'Le mois ne peut pas être passé.', en: 'The month cannot be in the past.' });
