import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlConstraint, sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { CreatePlanBody, PlanView, UpdatePlanBody } from './contract.js';
import { plansErrors } from './errors.js';
import { planViewOf, subscriberCounts } from './plan-views.js';
import { plans } from './schema.js';

const nameTaken = (err: unknown) => sqlState(err) === UNIQUE_VIOLATION && sqlConstraint(err) === 'plans_name_key';

/** Creates a plan the coop offers (its price is a commitment to members: audited). */
export async function createPlan(db: Db, actor: Actor, body: CreatePlanBody): Promise<PlanView> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(plans).values({ coopId: actor.coopId, ...body }).returning();
      await recordAudit(tx, actor, { action: 'plan.created', entityType: 'plan', entityId: row!.id, after: { ...body } });
      return planViewOf(row!, 0);
    });
  } catch (err) {
    if (nameTaken(err)) throw plansErrors.PLAN_NAME_TAKEN();
    throw err;
  }
}

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
    if (nameTaken(err)) throw plansErrors.PLAN_NAME_TAKEN();
    throw err;
  }
}

export async function listPlans(db: Db, coopId: string, today: string): Promise<PlanView[]> {
  const rows = await db.select().from(plans).where(eq(plans.coopId, coopId)).orderBy(plans.name);
  const counts = await subscriberCounts(db, coopId, today);
  return rows.map((p) => planViewOf(p, counts.get(p.id) ?? 0));
}
