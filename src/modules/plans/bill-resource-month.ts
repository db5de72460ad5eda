import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { endOfMonth } from '../../platform/calendar/index.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import type { ChargeableBooking } from '../resources/index.js';
import { parisMidnight } from './coop-time.js';
import { firstDayOf, monthlyFee, nextMonth } from './domain/subscription-cycle.js';
import { issueGrants, subscriptionTermsOf } from './issue-grants.js';
import { plans, planSubscriptions, resourceBillingItems } from './schema.js';

/** Where the month's pay-per-use bookings come from: the resources module's `listChargeableBookings`, handed in by the composition root. */
export type ChargeableBookingsOf = (db: Executor, coopId: string, range: { from: Date; to: Date }) => Promise<ChargeableBooking[]>;

export interface BillResourceMonthResult {
  month: string;
  billed: number;
  alreadyBilled: number;
  /** Bookings not billed by this run: a non-member's (invoiced through the sales chain by staff), or one with no activity to charge. */
  skipped: number;
}

interface ItemToBill {
  sourceKind: 'plan_fee' | 'booking' | 'cancellation_fee';
  sourceId: string;
  memberId: string | null;
  activityId: string;
  label: string;
  netCents: number;
}

/**
 * Bills a month of resources to the members' activities: each running subscription's fee
 * (prorated for a start mid-month, nothing for a paused month, see `monthlyFee`) and each
 * pay-per-use booking or cancellation fee of the month. Each item is an internal charge, one
 * balanced entry D 613 on the activity / C 708 on the coop's own funds: one legal entity
 * moving money between its own analytic codes, so no VAT and no invoice (the activity's
 * treasury shows it at once). One transaction per item writes its `resource_billing_items`
 * row first: the unique key (source, month) makes a second run, or two at once, bill nothing
 * twice. Each billed item leaves an audit record.
 */
export async function billResourceMonth(db: Db, actor: AuditActor, month: string, today: string, bookingsOf: ChargeableBookingsOf): Promise<BillResourceMonthResult> {
  const coopId = actor.coopId;
  const first = firstDayOf(month);
  const last = endOfMonth(first);
  const result: BillResourceMonthResult = { month, billed: 0, alreadyBilled: 0, skipped: 0 };
  const items: ItemToBill[] = [];
  const subs = await db
    .select()
    .from(planSubscriptions)
    .where(and(eq(planSubscriptions.coopId, coopId), lte(planSubscriptions.startsOn, last), or(isNull(planSubscriptions.endsOn), gte(planSubscriptions.endsOn, first))));
  const planRows = new Map((await db.select().from(plans).where(eq(plans.coopId, coopId))).map((p) => [p.id, p]));
  for (const sub of subs) {
    const plan = planRows.get(sub.planId)!;
    const terms = await subscriptionTermsOf(db, sub);
    await db.transaction((tx) => issueGrants(tx, sub, month));
    const fee = monthlyFee(plan, terms, month);
    if (fee > 0) items.push({ sourceKind: 'plan_fee', sourceId: sub.id, memberId: sub.memberId, activityId: sub.activityId, label: `Formule ${plan.name} ${month}`, netCents: fee });
  }
  const subscriptionActivity = new Map(subs.map((s) => [s.memberId, s.activityId]));
  for (const b of await bookingsOf(db, coopId, { from: parisMidnight(first), to: parisMidnight(firstDayOf(nextMonth(month))) })) {
    if (b.amountCents <= 0) continue;
    const activityId = b.activityId ?? (b.memberId ? subscriptionActivity.get(b.memberId) : undefined);
    if (b.clientId || !activityId) {
      result.skipped++;
      continue;
    }
    const what = b.kind === 'cancellation_fee' ? 'Frais d’annulation' : 'Réservation';
    items.push({ sourceKind: b.kind, sourceId: b.bookingId, memberId: b.memberId, activityId, label: `${what} ${b.resourceName} ${b.startsAt.toISOString().slice(0, 10)}`, netCents: b.amountCents });
  }
  // Dated the month's last day, or today when run before it ends.
  const date = today < last ? today : last;
  for (const item of items) {
    if (await billOne(db, actor, month, date, item)) result.billed++;
    else result.alreadyBilled++;
  }
  return result;
}

async function billOne(db: Db, actor: AuditActor, month: string, date: string, item: ItemToBill): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resourceBillingItems)
      .values({ coopId: actor.coopId, sourceKind: item.sourceKind, sourceId: item.sourceId, month, memberId: item.memberId, activityId: item.activityId, label: item.label.slice(0, 300), netCents: item.netCents, vatRateBp: 0, mode: 'internal_charge' })
      .onConflictDoNothing()
      .returning({ id: resourceBillingItems.id });
    if (!row) return false;
    const entry = await postEntry(tx, actor, {
      journal: JOURNALS.misc,
      date,
      label: item.label.slice(0, 300),
      source: { type: 'resource_billing', id: row.id },
      lines: [
        { account: ACCOUNTS.resourceCharge, activityId: item.activityId, debitCents: item.netCents, label: item.label.slice(0, 300) },
        { account: ACCOUNTS.resourceIncome, activityId: null, creditCents: item.netCents, label: item.label.slice(0, 300) },
      ],
    });
    await tx.update(resourceBillingItems).set({ entryId: entry.id }).where(and(eq(resourceBillingItems.coopId, actor.coopId), eq(resourceBillingItems.id, row.id)));
    await recordAudit(tx, actor, {
      action: 'resource.billed',
      entityType: 'activity',
      entityId: item.activityId,
      after: { itemId: row.id, sourceKind: item.sourceKind, sourceId: item.sourceId, month, memberId: item.memberId, amountCents: item.netCents, entryId: entry.id },
    });
    return true;
  });
}
