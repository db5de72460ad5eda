import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { PlanView, UpdatePlanBody } from './contract.js';
import { planNameTaken } from './create-plan.js';
import { plansErrors } from './errors.js';
import { planViewOf, subscriberCounts } from './plan-views.js';
import { plans } from './schema.js';

/**
 * Changes a plan. A new price or allowance applies from the next month billed or granted: the
 * months already granted keep their grants, the months billed their charge.
 */
export async function updatePlan(db: Db, actor: Actor, id: string, body: UpdatePlanBody, today: string): Promise<PlanView> {
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(plans).where(and(eq(plans.coopId, actor.coopId), eq(plans.id, id))).for('update');
      if (!before) throw plansErrors.PLAN_NOT_FOUND();
      const [row] = await tx
        .update(plans)
        .set({ ...body, updatedAt: new Date() })
        .where(and(eq(plans.coopId, actor.coopId), eq(plans.id, id)))
        .returning();
      await recordAudit(tx, actor, { action: 'plan.updated', entityType: 'plan', entityId: id, before: { ...before }, after: { ...row! } });
      return planViewOf(row!, (await subscriberCounts(tx, actor.coopId, today)).get(id) ?? 0);
    });
  } catch (err) {
    if (planNameTaken(err)) throw plansErrors.PLAN_NAME_TAKEN();
    throw err;
  }
}

