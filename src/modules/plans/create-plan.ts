import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { CreatePlanBody, PlanView } from './contract.js';
import { plansErrors } from './errors.js';
import { planViewOf } from './plan-views.js';
import { plans } from './schema.js';

export const planNameTaken = (err: unknown) => sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'plans_name_key';

/** Creates a plan the coop offers (its price is a commitment to members: audited). */
export async function createPlan(db: Db, actor: Actor, body: CreatePlanBody): Promise<PlanView> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(plans).values({ coopId: actor.coopId, ...body }).returning();
      await recordAudit(tx, actor, { action: 'plan.created', entityType: 'plan', entityId: row!.id, after: { ...body } });
      return planViewOf(row!, 0);
    });
  } catch (err) {
    if (planNameTaken(err)) throw plansErrors.PLAN_NAME_TAKEN();
    throw err;
  }
}

