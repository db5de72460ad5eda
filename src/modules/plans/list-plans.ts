import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { PlanView } from './contract.js';
import { planViewOf, subscriberCounts } from './plan-views.js';
import { plans } from './schema.js';

export async function listPlans(db: Db, coopId: string, today: string): Promise<PlanView[]> {
  const rows = await db.select().from(plans).where(eq(plans.coopId, coopId)).orderBy(plans.name);
  const counts = await subscriberCounts(db, coopId, today);
  return rows.map((p) => planViewOf(p, counts.get(p.id) ?? 0));
}
