import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { runDunning } from '../modules/dunning/index.js';
import { createCreditNote, createDraftInvoice, getInvoice, submitInvoice, validateInvoice } from '../modules/invoicing/index.js';
import { recordPaymentIn } from '../modules/payments/index.js';
import { acceptQuoteForClient, createDraftQuote, invoiceQuote, sendQuote, submitQuote, validateQuote } from '../modules/quotes/index.js';
import { DEMO_DUNNING_RUNS_DAYS_AGO, DEMO_INVOICES, DEMO_QUOTES, DEMO_SUBMITTED_INVOICE, type DemoLine, type DemoPayment } from './demo-data.js';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export interface DemoSalesContext {
  /** The seed's transaction: services that open their own transaction get a savepoint in it. */
  db: Db;
  storage: FileStorage;
  /** Base of the portal link a sent quote's mail carries. */
  publicUrl: string;
  coopId: string;
  now: Date;
  /** Validates invoices and quotes. */
  advisor: Actor;
  /** Books payments and issues the credit note. */
  accountant: Actor;
  /** The member who drafts for an activity, by e-mail. */
  memberActor(email: string): Actor;
  /** The member who drafts for an activity, by activity code. */
  drafterOf(activityCode: string): string;
  activityIds: ReadonlyMap<string, string>;
  clientIds: ReadonlyMap<string, string>;
}

type InvoiceLine = Parameters<typeof createDraftInvoice>[2]['lines'][number];

function lineOf(l: DemoLine): InvoiceLine & { sectionTitle: string | null } {
  return {
    description: l.description,
    quantityMilli: Math.round(l.quantity * 1000),
    unit: l.unit ?? 'C62',
    unitPriceCents: l.unitPriceCents,
    ...(l.discountBp ? { discountBp: l.discountBp } : {}),
    vatCategory: l.exemption ? 'E' : 'S',
    vatRateBp: l.vatRateBp,
    exemptionReason: l.exemption ?? null,
    sectionTitle: l.sectionTitle ?? null,
  };
}
const invoiceLineOf = (l: DemoLine): InvoiceLine => {
  const { sectionTitle: _section, ...line } = lineOf(l);
  return line;
};

/**
 * The demo's sales chain, told day by day: members draft, the team validates (numbers follow
 * the days, with no gap), clients pay, the accountant issues a credit note, the daily dunning
 * job chases the two late payers, quotes go out and one turns into a 30 % deposit. Every
 * step goes through the services, so the ledger, the audit log and the outbox hold exactly
 * what the real chain would have written. Dates are counted back from `now` and kept inside
 * the calendar year, the fiscal year the seed opens (the ledger takes no entry outside it).
 */
export async function seedDemoSales(ctx: DemoSalesContext): Promise<void> {
  const { db, coopId, now, advisor, accountant } = ctx;
  const today = isoDay(now);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const day = (daysAgo: number) => {
    const d = isoDay(new Date(now.getTime() - daysAgo * DAY));
    return d < yearStart ? yearStart : d;
  };
  const activityId = (code: string) => ctx.activityIds.get(code)!;
  const clientId = (name: string) => ctx.clientIds.get(name)!;

  // Steps run in date order; on the same day, in the order they were planned.
  const steps: { date: string; run: () => Promise<void> }[] = [];
  const at = (daysAgo: number, run: () => Promise<void>) => steps.push({ date: day(daysAgo), run });

  const pay = (invoice: () => string, client: string, p: DemoPayment) =>
    at(p.daysAgo, async () => {
      const id = invoice();
      const inv = await getInvoice(db, accountant, id);
      const amountCents = p.amountCents === 'rest' ? inv.grossCents - inv.paidCents - inv.creditedCents : p.amountCents;
      await recordPaymentIn(db, accountant, { clientId: clientId(client), date: day(p.daysAgo), amountCents, mode: p.mode, reference: p.reference, allocations: [{ invoiceId: id, amountCents }] });
    });

  for (const inv of DEMO_INVOICES) {
    let id = '';
    at(inv.daysAgo, async () => {
      const drafter = ctx.memberActor(ctx.drafterOf(inv.activityCode));
      const service = 'daysAgo' in inv.service ? { serviceDate: day(inv.service.daysAgo) } : { servicePeriod: { start: day(inv.service.fromDaysAgo), end: day(inv.service.toDaysAgo) } };
      ({ id } = await createDraftInvoice(db, drafter, {
        kind: 'invoice',
        activityId: activityId(inv.activityCode),
        clientId: clientId(inv.clientName),
        ...service,
        operationCategory: 'services',
        notes: inv.notes ?? null,
        lines: inv.lines.map(invoiceLineOf),
      }));
      await validateInvoice(db, advisor, id, day(inv.daysAgo));
    });
    if (inv.creditNote) {
      const lines = inv.creditNote.lines.map(invoiceLineOf);
      const date = day(inv.creditNote.daysAgo);
      at(inv.creditNote.daysAgo, async () => {
        await createCreditNote(db, accountant, id, { lines }, date);
      });
    }
    for (const p of inv.payments ?? []) pay(() => id, inv.clientName, p);
  }

  for (const q of DEMO_QUOTES) {
    const member = ctx.memberActor(q.memberEmail);
    let id = '';
    at(q.daysAgo, async () => {
      ({ id } = await createDraftQuote(
        db,
        member,
        {
          activityId: activityId(q.activityCode),
          clientId: clientId(q.clientName),
          validUntil: isoDay(new Date(Date.parse(day(q.daysAgo)) + q.validForDays * DAY)),
          notes: q.notes ?? null,
          lines: q.lines.map(lineOf),
        },
        day(q.daysAgo),
      ));
      // The coop asks its team to validate every quote before it commits the coop.
      if (q.sent) await submitQuote(db, member, id, day(q.daysAgo));
    });
    if (q.sent) {
      const sentOn = day(q.sent.daysAgo);
      at(q.sent.daysAgo, async () => {
        await validateQuote(db, advisor, id, sentOn);
        await sendQuote(db, ctx.storage, member, id, sentOn, ctx.publicUrl);
      });
    }
    if (q.accepted) {
      const { byName, deposit } = q.accepted;
      const acceptedOn = day(q.accepted.daysAgo);
      at(q.accepted.daysAgo, () => acceptQuoteForClient(db, advisor, id, byName, acceptedOn));
      let depositId = '';
      at(deposit.validatedDaysAgo, async () => {
        ({ invoiceId: depositId } = await invoiceQuote(db, advisor, id, { kind: 'deposit', percentBp: deposit.percentBp }, day(deposit.validatedDaysAgo)));
        await validateInvoice(db, advisor, depositId, day(deposit.validatedDaysAgo));
      });
      pay(() => depositId, q.clientName, { daysAgo: deposit.paidDaysAgo, amountCents: 'rest', mode: 'transfer', reference: deposit.reference });
    }
  }

  const draft = DEMO_SUBMITTED_INVOICE;
  at(draft.daysAgo, async () => {
    const member = ctx.memberActor(draft.memberEmail);
    const { id } = await createDraftInvoice(db, member, {
      kind: 'invoice',
      activityId: activityId(draft.activityCode),
      clientId: clientId(draft.clientName),
      serviceDate: day(draft.serviceDaysAgo),
      operationCategory: 'services',
      lines: draft.lines.map(invoiceLineOf),
    });
    await submitInvoice(db, member, id);
  });

  // The scheduler's runs, as the coop's default plan takes them (reminders at +7 and +30 days).
  for (const daysAgo of DEMO_DUNNING_RUNS_DAYS_AGO) {
    at(daysAgo, async () => {
      await runDunning(db, ctx.storage, coopId, day(daysAgo));
    });
  }

  const ordered = steps.map((s, i) => ({ ...s, i })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  for (const step of ordered) await step.run();
}
