import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { SubscriptionView } from './contract.js';
import { subscriptionViews } from './plan-views.js';
import { planSubscriptions } from './schema.js';

export async function listSubscriptions(db: Db, coopId: string, filter: { memberId?: string }, today: string): Promise<SubscriptionView[]> {
  const rows = await db
    .select()
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.coopId, coopId), filter.memberId ? eq(planSubscriptions.memberId, filter.memberId) : undefined))
    .orderBy(desc(planSubscriptions.startsOn))
    .limit(1000);
  return subscriptionViews(db, coopId, rows, today);
}
