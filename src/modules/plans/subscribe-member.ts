import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityIdsOfMember } from '../activities/index.js';
import { assertMembersExist } from '../members/index.js';
import type { SubscribeBody, SubscriptionView } from './contract.js';
import { plansErrors } from './errors.js';
import { plans, planSubscriptions } from './schema.js';
import { subscriptionViewById } from './subscription-rows.js';

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
      return subscriptionViewById(tx, actor.coopId, row!.id, today);
    });
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'plan_subscriptions_open_member_key') throw plansErrors.SUBSCRIPTION_ALREADY_OPEN();
    throw err;
  }
}
