import { and, asc, desc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { mailDeliveries } from '../../platform/mail/mail-deliveries.js';
import { visibleInvoice } from '../invoicing/index.js';
import type { DunningEvent, DunningPause, InvoiceDunning } from './contract.js';
import { pauseOf } from './pause-dunning.js';
import { dunningEvents, dunningPauses, type DunningEventRow } from './schema.js';

/** The steps as the API shows them, with where each mail stands in the outbox. */
export async function eventsWithDelivery(db: Executor, coopId: string, rows: DunningEventRow[]): Promise<DunningEvent[]> {
  const deliveries = await mailDeliveries(db, coopId, rows.map((r) => r.mailId));
  return rows.map((r) => {
    const delivery = r.mailId ? deliveries.get(r.mailId) : undefined;
    return {
      id: r.id,
      stepIndex: r.stepIndex,
      kind: r.kind,
      action: r.action,
      dueOn: r.dueOn,
      amountLeftCents: r.amountLeftCents,
      recipient: r.recipient,
      mailId: r.mailId,
      mailStatus: delivery?.status ?? null,
      mailSentAt: delivery?.sentAt ?? null,
      decidedAt: r.decidedAt,
      hasLetter: r.letterStorageKey !== null,
      triggeredBy: r.triggeredBy,
      createdAt: r.createdAt,
    };
  });
}

/** The pauses on any of these invoices or clients, latest first. */
export async function pausesOn(db: Executor, coopId: string, target: { invoiceIds?: string[]; clientIds?: string[] }, today: string): Promise<DunningPause[]> {
  const on = [
    target.invoiceIds?.length ? inArray(dunningPauses.invoiceId, target.invoiceIds) : undefined,
    target.clientIds?.length ? inArray(dunningPauses.clientId, target.clientIds) : undefined,
  ].filter((c) => c !== undefined);
  if (on.length === 0) return [];
  const rows = await db
    .select()
    .from(dunningPauses)
    .where(and(eq(dunningPauses.coopId, coopId), or(...on)))
    .orderBy(desc(dunningPauses.createdAt));
  return rows.map((r) => pauseOf(r, today));
}

/** What dunning holds for one invoice (the team's view): its steps, and the pauses on it or its client. */
export async function invoiceDunning(db: Executor, actor: Actor, invoiceId: string, today: string): Promise<InvoiceDunning> {
  const invoice = await visibleInvoice(db, actor, invoiceId);
  const rows = await db
    .select()
    .from(dunningEvents)
    .where(and(eq(dunningEvents.coopId, actor.coopId), eq(dunningEvents.invoiceId, invoiceId)))
    .orderBy(asc(dunningEvents.stepIndex));
  const pauses = await pausesOn(db, actor.coopId, { invoiceIds: [invoiceId], clientIds: [invoice.clientId] }, today);
  return { events: await eventsWithDelivery(db, actor.coopId, rows), pauses, paused: pauses.some((p) => p.active) };
}
