import { and, eq } from 'drizzle-orm';
import { invalidField } from '../../platform/errors.js';
import type { Executor } from '../../platform/db/client.js';
import { plansErrors } from './errors.js';
import { subscriptionViews } from './plan-views.js';
import { planSubscriptions, type SubscriptionRow } from './schema.js';

/** Locks a subscription row for a change (pause, resume, end): two changes at once queue. */
export async function lockSubscription(tx: Executor, coopId: string, id: string): Promise<SubscriptionRow> {
  const [row] = await tx.select().from(planSubscriptions).where(and(eq(planSubscriptions.coopId, coopId), eq(planSubscriptions.id, id))).for('update');
  if (!row) throw plansErrors.SUBSCRIPTION_NOT_FOUND();
  return row;
}

export async function subscriptionViewById(tx: Executor, coopId: string, id: string, today: string) {
  const [row] = await tx.select().from(planSubscriptions).where(and(eq(planSubscriptions.coopId, coopId), eq(planSubscriptions.id, id)));
  return (await subscriptionViews(tx, coopId, [row!], today))[0]!;
}

/** A month already begun and billed is not paused or resumed after the fact. */
export const pastMonthRefused = () => invalidField('fromMonth', { fr: 'Le mois ne peut pas être passé.', en: 'The month cannot be in the past.' });
