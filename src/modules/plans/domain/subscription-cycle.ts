/*
 * The monthly cycle of a plan subscription: what a month costs and grants, pauses, the end
 * with notice. Months are calendar months ('YYYY-MM'); days are 'YYYY-MM-DD' in the coop's
 * time zone (the service turns them into instants). No long commitment: a subscription
 * renews itself every month until it is ended.
 */
import { addDays, endOfMonth } from '../../../platform/calendar/index.js';
import type { GrantKind } from './consume-allowance.js';

export interface PlanTerms {
  monthlyPriceCents: number;
  includedDayPasses: number;
  includedHalfDayPasses: number;
  includedCreditMinutes: number;
  includedCreditCents: number;
  /** Resource kinds the credits pay for; null: every kind. */
  creditKinds: readonly string[] | null;
  /** Resource kinds the passes pay for (desks). */
  passKinds: readonly string[];
  /** Unused passes and credits stay valid one more cycle (once), or expire at the cycle's end. */
  rollover: boolean;
  noticeDays: number;
}

export interface SubscriptionTerms {
  startsOn: string;
  /** The last day billed and granted (the end of a month), null while it renews. */
  endsOn: string | null;
  /** Paused months: [fromMonth, untilMonth] inclusive, untilMonth null while paused. */
  pauses: readonly { fromMonth: string; untilMonth: string | null }[];
}

export const monthOf = (day: string) => day.slice(0, 7);
export const firstDayOf = (month: string) => `${month}-01`;
export const nextMonth = (month: string) => monthOf(addDays(endOfMonth(firstDayOf(month)), 1));
export const previousMonth = (month: string) => monthOf(addDays(firstDayOf(month), -1));
const daysIn = (month: string) => Number(endOfMonth(firstDayOf(month)).slice(8, 10));

export function isPaused(sub: SubscriptionTerms, month: string): boolean {
  return sub.pauses.some((p) => p.fromMonth <= month && (p.untilMonth === null || month <= p.untilMonth));
}

/**
 * The part of the month the subscription runs, as (days running, days in month); 0 days when
 * it does not run at all (before its start, after its end, or paused: a paused month costs
 * nothing and grants nothing).
 */
export function daysRunning(sub: SubscriptionTerms, month: string): { days: number; of: number } {
  const of = daysIn(month);
  const first = firstDayOf(month);
  const last = endOfMonth(first);
  if (isPaused(sub, month) || sub.startsOn > last || (sub.endsOn !== null && sub.endsOn < first)) return { days: 0, of };
  const from = sub.startsOn > first ? sub.startsOn : first;
  const to = sub.endsOn !== null && sub.endsOn < last ? sub.endsOn : last;
  return { days: Number(to.slice(8, 10)) - Number(from.slice(8, 10)) + 1, of };
}

/**
 * The month's fee excl. VAT. A start mid-month pays the days left in the month: fee × days
 * running ÷ days in the month, rounded half up (a start on 16 June pays 15/30). The end always
 * falls on a month's last day (see `endWithNotice`), so a last month is whole.
 */
export function monthlyFee(plan: Pick<PlanTerms, 'monthlyPriceCents'>, sub: SubscriptionTerms, month: string): number {
  const { days, of } = daysRunning(sub, month);
  if (days === 0) return 0;
  return Math.floor((plan.monthlyPriceCents * days * 2 + of) / (of * 2));
}

export interface GrantToIssue {
  kind: GrantKind;
  quantity: number;
  /** First day it covers (the start, for a start mid-month). */
  validFromDay: string;
  /** First day it no longer covers: the next month's first day, or the one after with rollover. */
  expiresDay: string;
  limitedKinds: readonly string[] | null;
}

/**
 * What a month grants. A start mid-month gets the same share as its fee, rounded down to
 * whole passes, minutes or cents (a member never gets more than they pay for). With rollover,
 * a grant is valid for its month and the next one: what is left rolls over once, and since
 * passes are consumed earliest-expiring first, the rolled-over ones go first.
 */
export function grantsForMonth(plan: PlanTerms, sub: SubscriptionTerms, month: string): GrantToIssue[] {
  const { days, of } = daysRunning(sub, month);
  if (days === 0) return [];
  const share = (n: number) => Math.floor((n * days) / of);
  const first = firstDayOf(month);
  const validFromDay = sub.startsOn > first ? sub.startsOn : first;
  const afterMonth = firstDayOf(nextMonth(month));
  const expiresDay = plan.rollover ? firstDayOf(nextMonth(nextMonth(month))) : afterMonth;
  const grants: GrantToIssue[] = [
    { kind: 'pass_day', quantity: share(plan.includedDayPasses), validFromDay, expiresDay, limitedKinds: plan.passKinds },
    { kind: 'pass_half_day', quantity: share(plan.includedHalfDayPasses), validFromDay, expiresDay, limitedKinds: plan.passKinds },
    { kind: 'credit_minutes', quantity: share(plan.includedCreditMinutes), validFromDay, expiresDay, limitedKinds: plan.creditKinds },
    { kind: 'credit_cents', quantity: share(plan.includedCreditCents), validFromDay, expiresDay, limitedKinds: plan.creditKinds },
  ];
  return grants.filter((g) => g.quantity > 0);
}

/**
 * The last day of a subscription ended on `requestedOn` with the plan's notice: the notice
 * runs, and the subscription goes on to the end of the month in which it expires (monthly
 * renewal: a month begun is a month owed). 10 days' notice given on 25 March ends on 30 April.
 */
export function endWithNotice(requestedOn: string, noticeDays: number): string {
  return endOfMonth(addDays(requestedOn, noticeDays));
}

/** Semi-permanent desk days: a whole day is 1, a morning or an afternoon 0.5 (Mon, Tue + Wed morning = 2.5). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
export type DayPart = 'day' | 'morning' | 'afternoon';
export function daysPerWeek(schedule: readonly { weekday: Weekday; part: DayPart }[]): number {
  return schedule.reduce((sum, d) => sum + (d.part === 'day' ? 1 : 0.5), 0);
}
