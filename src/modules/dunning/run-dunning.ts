import { and, eq, inArray, ne } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { activitySummaries } from '../activities/index.js';
import { clientIdentityForDocument } from '../clients/index.js';
import { allCoopIds, getCoop, type CoopSettings } from '../coops/index.js';
import { registrationMention } from '../documents/index.js';
import { openInvoices, type OpenInvoiceRow } from '../invoicing/index.js';
import type { DunningAction, DunningRunItem, DunningRunResult } from './contract.js';
import { planDunning, type DunningDecision } from './domain/dunning-plan.js';
import { getDunningSettings } from './dunning-settings.js';
import { formalNoticeLetter, formalNoticeMail, reminderMail, type DunningContext } from './dunning-texts.js';
import { renderFormalNoticePdf } from './pdf/render-formal-notice-pdf.js';
import { dunningEvents, recoveryCases } from './schema.js';

/** Where a run reports an invoice it could not dun, so one broken invoice does not stop the others. */
export interface DunningLog {
  error(obj: object, msg: string): void;
}

export interface RunDunningOptions {
  /** The person who asked for the run; null or absent for the scheduler. */
  triggeredBy?: string | null;
  /** Without a log, the first failure is thrown (tests, the CLI). */
  log?: DunningLog;
}

/**
 * Takes today's dunning steps of every overdue open invoice of the coop, as its plan says.
 *
 * Safe to run any number of times, and from several app instances at once: each step is
 * recorded by an INSERT … ON CONFLICT DO NOTHING on its idempotency key BEFORE its mail is
 * queued, in the same transaction, and only the run whose insert created the row queues the
 * mail (or stores the letter). A run that meets the key of another, uncommitted run waits for
 * it, then finds the row and does nothing. What was read before (the steps already done) is
 * only a way to plan; the unique key is what decides.
 */
export async function runDunning(db: Db, storage: FileStorage, coopId: string, today: string, opts: RunDunningOptions = {}): Promise<DunningRunResult> {
  const settings = await getDunningSettings(db, coopId);
  const result: DunningRunResult = { coopId, today, enabled: settings.enabled, items: [] };
  if (!settings.enabled || settings.steps.length === 0) return result;
  const overdue = (await openInvoices(db, coopId)).filter((inv) => inv.dueDate < today);
  if (overdue.length === 0) return result;
  const done = await doneStepsOf(db, coopId, overdue.map((inv) => inv.id));
  let coop: CoopSettings | undefined;
  for (const invoice of overdue) {
    const decisions = planDunning(settings.steps, { id: invoice.id, dueDate: invoice.dueDate, amountLeftCents: invoice.amountDueCents, doneStepIndexes: done.get(invoice.id) ?? [] }, today);
    if (decisions.length === 0) continue;
    coop ??= await getCoop(db, coopId);
    try {
      result.items.push(...(await takeSteps(db, storage, { coop, invoice, decisions, today, triggeredBy: opts.triggeredBy ?? null })));
    } catch (err) {
      if (!opts.log) throw err;
      opts.log.error({ err, coopId, invoiceId: invoice.id }, 'dunning step failed; it will be tried again on the next run');
    }
  }
  return result;
}

/** Runs the dunning of every cooperative of the instance; one coop's failure does not stop the others. */
export async function runDunningForAllCoops(db: Db, storage: FileStorage, today: string, opts: { log?: DunningLog } = {}): Promise<DunningRunResult[]> {
  const results: DunningRunResult[] = [];
  for (const coopId of await allCoopIds(db)) {
    try {
      results.push(await runDunning(db, storage, coopId, today, { log: opts.log }));
    } catch (err) {
      if (!opts.log) throw err;
      opts.log.error({ err, coopId }, 'dunning run failed for a cooperative');
    }
  }
  return results;
}

async function doneStepsOf(db: Executor, coopId: string, invoiceIds: string[]): Promise<Map<string, number[]>> {
  const rows = await db
    .select({ invoiceId: dunningEvents.invoiceId, stepIndex: dunningEvents.stepIndex })
    .from(dunningEvents)
    .where(and(eq(dunningEvents.coopId, coopId), inArray(dunningEvents.invoiceId, invoiceIds)));
  const done = new Map<string, number[]>();
  for (const r of rows) done.set(r.invoiceId, [...(done.get(r.invoiceId) ?? []), r.stepIndex]);
  return done;
}

const addressLinesOfCoop = (coop: CoopSettings) => [coop.addressLine1, coop.addressLine2, `${coop.postalCode} ${coop.city}`].filter((l): l is string => !!l);
const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/** The steps of one invoice, in one transaction: all recorded, or none. */
async function takeSteps(
  db: Db,
  storage: FileStorage,
  args: { coop: CoopSettings; invoice: OpenInvoiceRow; decisions: DunningDecision[]; today: string; triggeredBy: string | null },
): Promise<DunningRunItem[]> {
  const { coop, decisions, today, triggeredBy } = args;
  const coopId = coop.id;
  return db.transaction(async (tx) => {
    // Read again inside the transaction: a payment booked since the plan may have settled it.
    const invoice = (await openInvoices(tx, coopId, { clientId: args.invoice.clientId })).find((inv) => inv.id === args.invoice.id);
    if (!invoice) return [];
    const client = await clientIdentityForDocument(tx, coopId, invoice.clientId);
    const activity = (await activitySummaries(tx, coopId, [invoice.activityId])).get(invoice.activityId);
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
    const email = client?.email ?? null;
    const actor = { coopId, userId: triggeredBy };
    const items: DunningRunItem[] = [];

    for (const decision of decisions) {
      const action: DunningAction = decision.action === 'skip' ? 'skipped' : decision.kind === 'recovery' ? 'recorded' : email ? 'sent' : 'no_email';
      const [event] = await tx
        .insert(dunningEvents)
        .values({
          coopId,
          invoiceId: invoice.id,
          stepIndex: decision.stepIndex,
          kind: decision.kind,
          action,
          dueOn: decision.dueOn,
          idempotencyKey: decision.idempotencyKey,
          amountLeftCents: invoice.amountDueCents,
          recipient: action === 'sent' ? email : null,
          triggeredBy,
        })
        // No arbiter named: the key and the (invoice, step) pair are both unique and say the same
        // thing, and a concurrent run may hit either first; both mean "already taken".
        .onConflictDoNothing()
        .returning({ id: dunningEvents.id });
      // Another run recorded this step first: it, and only it, sends what goes with it.
      if (!event) continue;

      let mailId: string | null = null;
      let letter: { storageKey: string; sha256: string } | null = null;
      if (decision.action === 'send' && decision.kind === 'formal_notice') {
        const text = formalNoticeLetter(ctx);
        const bytes = await renderFormalNoticePdf(ctx, text);
        // Keyed by the event: only the run that created it writes there, so no two writers meet.
        const storageKey = `coops/${coopId}/dunning/${event.id}/mise-en-demeure.pdf`;
        letter = { storageKey, sha256: (await storage.put(storageKey, Buffer.from(bytes))).sha256 };
        if (email) {
          const mail = formalNoticeMail(ctx, text);
          mailId = await enqueueMail(tx, {
            coopId,
            to: email,
            subject: mail.subject,
            text: mail.text,
            template: 'dunning_formal_notice',
            attachments: [{ filename: `mise-en-demeure-${safeName(invoice.number)}.pdf`, contentType: 'application/pdf', storageKey: letter.storageKey, sha256: letter.sha256 }],
          });
        }
      } else if (decision.action === 'send' && decision.kind === 'reminder' && email) {
        const mail = reminderMail(ctx, await remindersSentBefore(tx, coopId, invoice.id, event.id));
        mailId = await enqueueMail(tx, { coopId, to: email, subject: mail.subject, text: mail.text, template: 'dunning_reminder' });
      } else if (decision.action === 'send' && decision.kind === 'recovery') {
        await tx.insert(recoveryCases).values({ coopId, invoiceId: invoice.id, openedOn: today }).onConflictDoNothing();
      }
      if (mailId || letter) {
        await tx
          .update(dunningEvents)
          .set({ mailId, letterStorageKey: letter?.storageKey ?? null, letterSha256: letter?.sha256 ?? null })
          .where(and(eq(dunningEvents.coopId, coopId), eq(dunningEvents.id, event.id)));
      }
      await recordAudit(tx, actor, {
        action: action === 'skipped' ? 'dunning.step_skipped' : 'dunning.step_taken',
        entityType: 'invoice',
        entityId: invoice.id,
        after: { stepIndex: decision.stepIndex, kind: decision.kind, action, dueOn: decision.dueOn, amountLeftCents: invoice.amountDueCents, mailId, letterSha256: letter?.sha256 ?? null },
      });
      items.push({ invoiceId: invoice.id, number: invoice.number, clientName: ctx.client.name, stepIndex: decision.stepIndex, kind: decision.kind, action, mailId });
    }
    return items;
  });
}

/** Reminders the client actually received before (a skipped one was never sent). */
async function remindersSentBefore(tx: Executor, coopId: string, invoiceId: string, currentEventId: string): Promise<number> {
  const rows = await tx
    .select({ id: dunningEvents.id })
    .from(dunningEvents)
    .where(and(eq(dunningEvents.coopId, coopId), eq(dunningEvents.invoiceId, invoiceId), eq(dunningEvents.kind, 'reminder'), eq(dunningEvents.action, 'sent'), ne(dunningEvents.id, currentEventId)));
  return rows.length;
}
