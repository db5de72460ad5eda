import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activitySummaries } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import type { CoopSettings } from '../coops/index.js';
import { registrationMention } from '../documents/index.js';
import type { OpenInvoiceRow } from '../invoicing/index.js';
import { isPauseActive } from './domain/dunning-pause.js';
import type { DunningContext } from './dunning-texts.js';
import { dunningEvents, dunningPauses } from './schema.js';

const addressLinesOfCoop = (coop: CoopSettings) => [coop.addressLine1, coop.addressLine2, `${coop.postalCode} ${coop.city}`].filter((l): l is string => !!l);

/** What the texts of a step need to know, and the address to mail the client at (null: none on file). */
export async function dunningContextOf(tx: Executor, coop: CoopSettings, invoice: OpenInvoiceRow, today: string): Promise<{ ctx: DunningContext; email: string | null }> {
  const client = await clientIdentityForDocument(tx, coop.id, invoice.clientId);
  const activity = (await activitySummaries(tx, coop.id, [invoice.activityId])).get(invoice.activityId);
  const a = client?.address;
  const ctx: DunningContext = {
    coop: { name: coop.name, addressLines: addressLinesOfCoop(coop), siren: coop.siren, registration: registrationMention(coop) ?? null, email: coop.email, phone: coop.phone, iban: coop.iban, bic: coop.bic, latePenaltyRateBp: coop.latePenaltyRateBp },
    activityName: activity?.name ?? null,
    client: {
      name: client?.name ?? invoice.clientName,
      kind: client?.kind ?? 'company',
      addressLines: a ? [a.line1, a.line2, `${a.postalCode} ${a.city}`, a.country === 'FR' ? null : a.country].filter((l): l is string => !!l) : [],
    },
    invoice: { number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, amountLeftCents: invoice.amountDueCents },
    today,
  };
  return { ctx, email: client?.email ?? null };
}

/** Where the dunning of each invoice stands: what `planDunning` needs besides the plan. */
export interface DunningState {
  doneStepIndexes: number[];
  lastContactOn: string | null;
  awaitingConfirmation: boolean;
  paused: boolean;
}

/** The dunning state of the given invoices (with their clients, for the client-wide pauses), read as of `today`. */
export async function dunningStatesOf(db: Executor, coopId: string, invoices: readonly Pick<OpenInvoiceRow, 'id' | 'clientId'>[], today: string): Promise<Map<string, DunningState>> {
  const states = new Map<string, DunningState>(invoices.map((inv) => [inv.id, { doneStepIndexes: [], lastContactOn: null, awaitingConfirmation: false, paused: false }]));
  if (invoices.length === 0) return states;
  const invoiceIds = invoices.map((inv) => inv.id);
  const clientIds = [...new Set(invoices.map((inv) => inv.clientId))];
  const [events, pauses] = await Promise.all([
    db
      .select({ invoiceId: dunningEvents.invoiceId, stepIndex: dunningEvents.stepIndex, action: dunningEvents.action, takenOn: dunningEvents.takenOn })
      .from(dunningEvents)
      .where(and(eq(dunningEvents.coopId, coopId), inArray(dunningEvents.invoiceId, invoiceIds)))
      .orderBy(asc(dunningEvents.stepIndex)),
    db
      .select()
      .from(dunningPauses)
      .where(and(eq(dunningPauses.coopId, coopId), inArray(dunningPauses.invoiceId, invoiceIds)))
      .union(db.select().from(dunningPauses).where(and(eq(dunningPauses.coopId, coopId), inArray(dunningPauses.clientId, clientIds)))),
  ]);
  for (const e of events) {
    const state = states.get(e.invoiceId)!;
    state.doneStepIndexes.push(e.stepIndex);
    if (e.action === 'pending') state.awaitingConfirmation = true;
    if (e.takenOn && (!state.lastContactOn || e.takenOn > state.lastContactOn)) state.lastContactOn = e.takenOn;
  }
  const active = pauses.filter((p) => isPauseActive(p, today));
  for (const inv of invoices) {
    if (active.some((p) => p.invoiceId === inv.id || p.clientId === inv.clientId)) states.get(inv.id)!.paused = true;
  }
  return states;
}
