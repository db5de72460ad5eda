import { and, count, eq, inArray, isNull, or, gte } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberNames } from '../members/index.js';
import type { PlanView, SubscriptionView } from './contract.js';
import { daysPerWeek, isPaused, monthOf, type Weekday } from './domain/subscription-cycle.js';
import { planPauses, plans, planSubscriptions, type PlanRow, type SubscriptionRow } from './schema.js';

export function planViewOf(p: PlanRow, subscribers: number): PlanView {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    monthlyPriceCents: p.monthlyPriceCents,
    vatRateBp: p.vatRateBp,
    includedDayPasses: p.includedDayPasses,
    includedHalfDayPasses: p.includedHalfDayPasses,
    includedCreditMinutes: p.includedCreditMinutes,
    includedCreditCents: p.includedCreditCents,
    passKinds: p.passKinds,
    creditKinds: p.creditKinds,
    rollover: p.rollover,
    noticeDays: p.noticeDays,
    schedule: (p.schedule ?? null) as PlanView['schedule'],
    daysPerWeek: p.schedule ? daysPerWeek(p.schedule as { weekday: Weekday; part: 'day' | 'morning' | 'afternoon' }[]) : null,
    dedicatedResourceId: p.dedicatedResourceId,
    active: p.active,
    subscribers,
  };
}

/** Running subscribers per plan (not ended as of today). */
export async function subscriberCounts(db: Executor, coopId: string, today: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ planId: planSubscriptions.planId, n: count() })
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.coopId, coopId), or(isNull(planSubscriptions.endsOn), gte(planSubscriptions.endsOn, today))))
    .groupBy(planSubscriptions.planId);
  return new Map(rows.map((r) => [r.planId, Number(r.n)]));
}

/** Subscriptions as the API shows them: member and plan names, status as of today. */
export async function subscriptionViews(db: Executor, coopId: string, rows: SubscriptionRow[], today: string): Promise<SubscriptionView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const pauses = await db.select().from(planPauses).where(and(eq(planPauses.coopId, coopId), inArray(planPauses.subscriptionId, ids)));
  const planRows = await db.select({ id: plans.id, name: plans.name }).from(plans).where(and(eq(plans.coopId, coopId), inArray(plans.id, [...new Set(rows.map((r) => r.planId))])));
  const planName = new Map(planRows.map((p) => [p.id, p.name]));
  const names = await memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]);
  const month = monthOf(today);
  return rows.map((s) => {
    const own = pauses.filter((p) => p.subscriptionId === s.id);
    const open = own.find((p) => p.untilMonth === null) ?? null;
    const status: SubscriptionView['status'] =
      s.endsOn !== null && s.endsOn < today ? 'ended' : s.startsOn > today ? 'upcoming' : isPaused({ startsOn: s.startsOn, endsOn: s.endsOn, pauses: own }, month) ? 'paused' : s.endsOn !== null ? 'ending' : 'active';
    return {
      id: s.id,
      memberId: s.memberId,
      memberName: names.get(s.memberId) ?? '',
      activityId: s.activityId,
      planId: s.planId,
      planName: planName.get(s.planId) ?? '',
      startsOn: s.startsOn,
      endsOn: s.endsOn,
      endRequestedOn: s.endRequestedOn,
      pausedFrom: open?.fromMonth ?? null,
      status,
    };
  });
}
