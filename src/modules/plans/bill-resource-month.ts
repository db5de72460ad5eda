import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import { endOfMonth } from '../../platform/calendar/index.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { billMemberCharge, MAX_FEE_CENTS } from '../fees/index.js';
import { createDraftInvoice, validateInvoice } from '../invoicing/index.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import type { ChargeableBooking } from '../resources/index.js';
import type { BillingRunResult } from './contract.js';
import { parisMidnight } from './coop-time.js';
import { splitUnderCap } from './domain/split-under-cap.js';
import { firstDayOf, monthlyFee, nextMonth } from './domain/subscription-cycle.js';
import { issueGrants, subscriptionTermsOf } from './issue-grants.js';
import { getResourceBillingSettings } from './resource-billing-settings.js';
import { plans, planSubscriptions, resourceBillingItems } from './schema.js';

/** Where the month's pay-per-use bookings come from: the resources module's `listChargeableBookings`, handed in by the composition root. */
export type ChargeableBookingsOf = (db: Executor, coopId: string, range: { from: Date; to: Date }) => Promise<ChargeableBooking[]>;

interface ItemToBill {
  sourceKind: 'plan_fee' | 'booking' | 'cancellation_fee';
  sourceId: string;
  memberId: string | null;
  activityId: string;
  clientId: string | null;
  label: string;
  netCents: number;
  vatRateBp: number;
  /** Days of the booking, for the service date of a client's invoice. */
  day: string;
}

type Mode = 'internal_charge' | 'member_invoice' | 'client_invoice';
const newResult = (month: string): BillingRunResult => ({ month, billed: 0, alreadyBilled: 0, skipped: 0, byMode: { internal_charge: 0, member_invoice: 0, client_invoice: 0 }, invoices: 0, failures: [] });

/**
 * Bills a month of resources: each running subscription's fee (prorated for a start mid-month,
 * nothing for a paused month, see `monthlyFee`) and each pay-per-use booking or cancellation fee
 * of the month, in the mode the coop chose (`resource_billing_settings`):
 * - internal charge: one balanced entry D 613 on the member's activity / C 708 on the coop's own
 *   funds, no VAT and no invoice (one legal entity moving money between its analytic codes);
 * - member invoice: one invoice per member (and VAT rate) through the fees' document kernel, a
 *   Factur-X of the coop's RES series, collected by SEPA direct debit where the member signed
 *   a mandate, like a fee;
 * - a non-member's booking is always a sale: a draft invoice to the client on the coop's client
 *   activity through the sales chain, validated at once so it takes its number.
 * Every item writes its `resource_billing_items` row in the transaction that bills it: the unique
 * key (source, month) is the lock, whatever the mode, so a second run, two at once, or a run
 * after a change of mode bills nothing twice. Each billed item leaves an audit record.
 */
export async function billResourceMonth(db: Db, storage: FileStorage, actor: AuditActor, month: string, today: string, bookingsOf: ChargeableBookingsOf): Promise<BillingRunResult> {
  const coopId = actor.coopId;
  const first = firstDayOf(month);
  const last = endOfMonth(first);
  const settings = await getResourceBillingSettings(db, coopId);
  const result = newResult(month);
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
    if (fee > 0) items.push({ sourceKind: 'plan_fee', sourceId: sub.id, memberId: sub.memberId, activityId: sub.activityId, clientId: null, label: `Formule ${plan.name} ${month}`, netCents: fee, vatRateBp: plan.vatRateBp, day: last });
  }
  const subscriptionActivity = new Map(subs.map((s) => [s.memberId, s.activityId]));
  for (const b of await bookingsOf(db, coopId, { from: parisMidnight(first), to: parisMidnight(firstDayOf(nextMonth(month))) })) {
    if (b.amountCents <= 0) continue;
    const activityId = b.clientId ? settings.clientActivityId : (b.activityId ?? (b.memberId ? subscriptionActivity.get(b.memberId) : undefined));
    if (!activityId) {
      result.skipped++;
      continue;
    }
    const what = b.kind === 'cancellation_fee' ? 'Frais d’annulation' : 'Réservation';
    const day = b.startsAt.toISOString().slice(0, 10);
    items.push({ sourceKind: b.kind, sourceId: b.bookingId, memberId: b.memberId, activityId, clientId: b.clientId, label: `${what} ${b.resourceName} ${day}`, netCents: b.amountCents, vatRateBp: b.vatRateBp, day });
  }
  // An internal charge is dated the month's last day, or today when run before it ends. An
  // invoice is dated the day it is issued (CGI art. 242 nonies A: numbers follow issue dates).
  const date = today < last ? today : last;
  const count = (mode: Mode, billed: number, of: number) => {
    result.billed += billed;
    result.byMode[mode] += billed;
    result.alreadyBilled += of - billed;
  };
  for (const item of items.filter((i) => !i.clientId && settings.mode === 'internal_charge')) count('internal_charge', (await chargeOne(db, actor, month, date, item)) ? 1 : 0, 1);
  if (settings.mode === 'member_invoice') {
    // One invoice per member and VAT rate: a document carries the lines of one rate (the fee kernel's shape).
    const groups = new Map<string, ItemToBill[]>();
    for (const item of items.filter((i) => !i.clientId)) {
      const key = `${item.memberId}/${item.vatRateBp}`;
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }
    // A document carries at most MAX_FEE_CENTS: a larger month goes on several invoices, and an
    // item larger on its own is left unbilled and shown to the team (never cut, never crashing the run).
    const batches: ItemToBill[][] = [];
    for (const group of groups.values()) {
      const { batches: under, tooLarge } = splitUnderCap(group, MAX_FEE_CENTS);
      batches.push(...under);
      for (const item of tooLarge) {
        result.skipped++;
        result.failures.push({ sourceId: item.sourceId, label: item.label, reason: `Montant au-delà du plafond d’une facture (${(MAX_FEE_CENTS / 100).toLocaleString('fr-FR')} € HT) : à facturer à part par l’équipe.` });
      }
    }
    for (const group of batches) {
      try {
        const billed = await invoiceMember(db, storage, actor, month, today, group);
        count('member_invoice', billed, group.length);
        if (billed > 0) result.invoices++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        result.failures.push({ sourceId: group[0]!.sourceId, label: group[0]!.label, reason: err.text.fr });
      }
    }
  }
  for (const item of items.filter((i) => i.clientId)) {
    try {
      const billed = await invoiceClient(db, actor, month, today, item);
      count('client_invoice', billed ? 1 : 0, 1);
      if (billed) result.invoices++;
    } catch (err) {
      // A client whose identity lacks a mandatory mention: nothing was written, the next run tries again.
      if (!(err instanceof AppError)) throw err;
      result.failures.push({ sourceId: item.sourceId, label: item.label, reason: [err.text.fr, ...err.fields.map((f) => `${f.path} : ${typeof f.message === "string" ? f.message : f.message.fr}`)].join(' ').slice(0, 500) });
    }
  }
  return result;
}

const itemRow = (coopId: string, month: string, item: ItemToBill, mode: Mode) => ({
  coopId,
  sourceKind: item.sourceKind,
  sourceId: item.sourceId,
  month,
  memberId: item.memberId,
  activityId: item.activityId,
  clientId: item.clientId,
  label: item.label.slice(0, 300),
  netCents: item.netCents,
  vatRateBp: mode === 'internal_charge' ? 0 : item.vatRateBp,
  mode,
});

async function chargeOne(db: Db, actor: AuditActor, month: string, date: string, item: ItemToBill): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(resourceBillingItems).values(itemRow(actor.coopId, month, item, 'internal_charge')).onConflictDoNothing().returning({ id: resourceBillingItems.id });
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
      after: { itemId: row.id, mode: 'internal_charge', sourceKind: item.sourceKind, sourceId: item.sourceId, month, memberId: item.memberId, amountCents: item.netCents, entryId: entry.id },
    });
    return true;
  });
}

/**
 * One member's items of one VAT rate on one invoice: the items not billed yet (the unique key
 * lets through only those) go on it, in the transaction that issues it. Returns how many.
 */
async function invoiceMember(db: Db, storage: FileStorage, actor: AuditActor, month: string, date: string, group: ItemToBill[]): Promise<number> {
  const stored: string[] = [];
  try {
    return await db.transaction(async (tx) => {
      const fresh: { id: string; item: ItemToBill }[] = [];
      for (const item of group) {
        const [row] = await tx.insert(resourceBillingItems).values(itemRow(actor.coopId, month, item, 'member_invoice')).onConflictDoNothing().returning({ id: resourceBillingItems.id });
        if (row) fresh.push({ id: row.id, item });
      }
      if (fresh.length === 0) return 0;
      const first = fresh[0]!.item;
      const invoice = await billMemberCharge(tx, storage, actor, { memberId: first.memberId!, month, vatRateBp: first.vatRateBp, today: date, lines: fresh.map((f) => ({ name: f.item.label, netCents: f.item.netCents })) }, stored);
      for (const f of fresh) {
        await tx.update(resourceBillingItems).set({ documentId: invoice.feeId, documentNumber: invoice.number }).where(and(eq(resourceBillingItems.coopId, actor.coopId), eq(resourceBillingItems.id, f.id)));
        await recordAudit(tx, actor, {
          action: 'resource.billed',
          entityType: 'activity',
          entityId: f.item.activityId,
          after: { itemId: f.id, mode: 'member_invoice', sourceKind: f.item.sourceKind, sourceId: f.item.sourceId, month, memberId: f.item.memberId, amountCents: f.item.netCents, feeId: invoice.feeId, number: invoice.number },
        });
      }
      return fresh.length;
    });
  } catch (err) {
    for (const key of stored) await storage.remove(key).catch(() => undefined);
    throw err;
  }
}

/**
 * A non-member's booking, sold through the sales chain: a draft to the client on the coop's
 * client activity, validated in the same transaction (number, sales entry, contribution, files
 * queued), so the item and its invoice commit together or not at all. The sales chain's rules
 * apply as they do to any invoice (a client without a mandatory mention is refused, with the reason).
 * The invoicing runs as the team would: the run is a staff operation (the job has no person).
 */
async function invoiceClient(db: Db, actor: AuditActor, month: string, date: string, item: ItemToBill): Promise<boolean> {
  const seller: Actor = { coopId: actor.coopId, userId: actor.userId as string, roles: ['staff'], ip: '', locale: 'fr' };
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(resourceBillingItems).values(itemRow(actor.coopId, month, item, 'client_invoice')).onConflictDoNothing().returning({ id: resourceBillingItems.id });
    if (!row) return false;
    const line =
      item.vatRateBp === 0
        ? { description: item.label, quantityMilli: 1000, unit: 'C62', unitPriceCents: item.netCents, vatCategory: 'E' as const, vatRateBp: 0, exemptionReason: 'TVA non applicable, art. 293 B du CGI' }
        : { description: item.label, quantityMilli: 1000, unit: 'C62', unitPriceCents: item.netCents, vatCategory: 'S' as const, vatRateBp: item.vatRateBp };
    const draft = await createDraftInvoice(tx, seller, { kind: 'invoice', activityId: item.activityId, clientId: item.clientId!, operationCategory: 'services', serviceDate: item.day, lines: [line] });
    const invoice = await validateInvoice(tx, seller, draft.id, date);
    await tx.update(resourceBillingItems).set({ documentId: invoice.id, documentNumber: invoice.number }).where(and(eq(resourceBillingItems.coopId, actor.coopId), eq(resourceBillingItems.id, row.id)));
    await recordAudit(tx, actor, {
      action: 'resource.billed',
      entityType: 'activity',
      entityId: item.activityId,
      after: { itemId: row.id, mode: 'client_invoice', sourceKind: item.sourceKind, sourceId: item.sourceId, month, clientId: item.clientId, amountCents: item.netCents, invoiceId: invoice.id, number: invoice.number },
    });
    return true;
  });
}
