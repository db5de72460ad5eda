import { and, eq, inArray, ne } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { holdersOf } from '../activities/index.js';
import { allCoopIds, getCoop, type CoopSettings } from '../coops/index.js';
import { openInvoices, type OpenInvoiceRow } from '../invoicing/index.js';
import { memberContacts } from '../members/index.js';
import type { DunningAction, DunningRunItem, DunningRunResult, DunningSettings } from './contract.js';
import { planDunning, type DunningDecision } from './domain/dunning-plan.js';
import { dunningContextOf, dunningStatesOf, type DunningState } from './dunning-context.js';
import { getDunningSettings } from './dunning-settings.js';
import { formalNoticePendingMail, reminderMail, type DunningContext } from './dunning-texts.js';
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
 * (`storage` is not written by a run any more: a formal notice's letter is drawn when the
 * team confirms it, see confirmFormalNotice; the parameter stays for the callers.)
 *
 * Safe to run any number of times, and from several app instances at once: each step is
 * recorded by an INSERT … ON CONFLICT DO NOTHING on its idempotency key BEFORE its mail is
 * queued, in the same transaction, and only the run whose insert created the row queues the
 * mail (or stores the letter). A run that meets the key of another, uncommitted run waits for
 * it, then finds the row and does nothing. What was read before (the steps already done) is
 * only a way to plan; the unique key is what decides.
 */
export async function runDunning(db: Db, _storage: FileStorage, coopId: string, today: string, opts: RunDunningOptions = {}): Promise<DunningRunResult> {
  const settings = await getDunningSettings(db, coopId);
  const result: DunningRunResult = { coopId, today, enabled: settings.enabled, items: [] };
  if (!settings.enabled || settings.steps.length === 0) return result;
  const overdue = (await openInvoices(db, coopId)).filter((inv) => inv.dueDate < today);
  if (overdue.length === 0) return result;
  const states = await dunningStatesOf(db, coopId, overdue, today);
  let coop: CoopSettings | undefined;
  for (const invoice of overdue) {
    if (planOf(settings, invoice, states.get(invoice.id)!, today).length === 0) continue;
    coop ??= await getCoop(db, coopId);
    try {
      result.items.push(...(await takeSteps(db, { coop, invoice, settings, today, triggeredBy: opts.triggeredBy ?? null })));
    } catch (err) {
      if (!opts.log) throw err;
      opts.log.error({ err, coopId, invoiceId: invoice.id }, 'dunning step failed; it will be tried again on the next run');
    }
  }
  return result;
}

const planOf = (settings: DunningSettings, invoice: OpenInvoiceRow, state: DunningState, today: string): DunningDecision[] =>
  planDunning(settings.steps, { id: invoice.id, dueDate: invoice.dueDate, amountLeftCents: invoice.amountDueCents, ...state }, today, { minGapDays: settings.minGapDays });

/** Runs the dunning of every cooperative of the instance; one coop's failure does not stop the others. */
export async function runDunningForAllCoops(db: Db, _storage: FileStorage, today: string, opts: { log?: DunningLog } = {}): Promise<DunningRunResult[]> {
  const results: DunningRunResult[] = [];
  for (const coopId of await allCoopIds(db)) {
    try {
      results.push(await runDunning(db, _storage, coopId, today, { log: opts.log }));
    } catch (err) {
      if (!opts.log) throw err;
      opts.log.error({ err, coopId }, 'dunning run failed for a cooperative');
    }
  }
  return results;
}


/**
 * The steps of one invoice, in one transaction: all recorded, or none. Planned again inside
 * it, on what is committed by then: a payment, a pause or another run's step since the first
 * reading changes what is due (the unique keys still decide between two runs at once).
 */
async function takeSteps(
  db: Db,
  args: { coop: CoopSettings; invoice: OpenInvoiceRow; settings: DunningSettings; today: string; triggeredBy: string | null },
): Promise<DunningRunItem[]> {
  const { coop, settings, today, triggeredBy } = args;
  const coopId = coop.id;
  return db.transaction(async (tx) => {
    const invoice = (await openInvoices(tx, coopId, { clientId: args.invoice.clientId })).find((inv) => inv.id === args.invoice.id);
    if (!invoice) return [];
    const decisions = planOf(settings, invoice, (await dunningStatesOf(tx, coopId, [invoice], today)).get(invoice.id)!, today);
    if (decisions.length === 0) return [];
    const { ctx, email } = await dunningContextOf(tx, coop, invoice, today);
    const actor = { coopId, userId: triggeredBy };
    const items: DunningRunItem[] = [];

    for (const decision of decisions) {
      const action = actionOf(decision, email);
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
          takenOn: action === 'sent' || action === 'no_email' ? today : null,
        })
        // No arbiter named: the key and the (invoice, step) pair are both unique and say the same
        // thing, and a concurrent run may hit either first; both mean "already taken".
        .onConflictDoNothing()
        .returning({ id: dunningEvents.id });
      // Another run recorded this step first: it, and only it, sends what goes with it.
      if (!event) continue;

      let mailId: string | null = null;
      if (action === 'pending') {
        await tellMembersNoticeIsPending(tx, coopId, invoice.activityId, ctx);
      } else if (action === 'sent' && decision.kind === 'reminder' && email) {
        const mail = reminderMail(ctx, await remindersSentBefore(tx, coopId, invoice.id, event.id));
        mailId = await enqueueMail(tx, { coopId, to: email, subject: mail.subject, text: mail.text, template: 'dunning_reminder' });
        await tx.update(dunningEvents).set({ mailId }).where(and(eq(dunningEvents.coopId, coopId), eq(dunningEvents.id, event.id)));
      } else if (action === 'recorded') {
        await tx.insert(recoveryCases).values({ coopId, invoiceId: invoice.id, openedOn: today }).onConflictDoNothing();
      }
      await recordAudit(tx, actor, {
        action: action === 'skipped' ? 'dunning.step_skipped' : action === 'pending' ? 'dunning.formal_notice_pending' : 'dunning.step_taken',
        entityType: 'invoice',
        entityId: invoice.id,
        after: { stepIndex: decision.stepIndex, kind: decision.kind, action, dueOn: decision.dueOn, amountLeftCents: invoice.amountDueCents, mailId },
      });
      items.push({ invoiceId: invoice.id, number: invoice.number, clientName: ctx.client.name, stepIndex: decision.stepIndex, kind: decision.kind, action, mailId });
    }
    return items;
  });
}

/**
 * What a decision becomes. A formal notice never leaves by itself: it is the coop's last word
 * before recovery, in its name, so someone of the team confirms it (see confirmFormalNotice).
 */
function actionOf(decision: DunningDecision, email: string | null): DunningAction {
  if (decision.action === 'skip') return 'skipped';
  if (decision.kind === 'recovery') return 'recorded';
  if (decision.kind === 'formal_notice') return 'pending';
  return email ? 'sent' : 'no_email';
}

/** Mails the holders of the invoice's activity that a formal notice waits for the team. */
async function tellMembersNoticeIsPending(tx: Executor, coopId: string, activityId: string, ctx: DunningContext): Promise<void> {
  const holders = (await holdersOf(tx, coopId, [activityId])).get(activityId) ?? [];
  const contacts = await memberContacts(tx, coopId, holders.map((h) => h.memberId));
  for (const contact of contacts.values()) {
    const mail = formalNoticePendingMail(ctx, contact.name);
    await enqueueMail(tx, { coopId, to: contact.email, subject: mail.subject, text: mail.text, template: 'dunning_formal_notice_pending' });
  }
}

/** Reminders the client actually received before (a skipped one was never sent). */
async function remindersSentBefore(tx: Executor, coopId: string, invoiceId: string, currentEventId: string): Promise<number> {
  const rows = await tx
    .select({ id: dunningEvents.id })
    .from(dunningEvents)
    .where(and(eq(dunningEvents.coopId, coopId), eq(dunningEvents.invoiceId, invoiceId), eq(dunningEvents.kind, 'reminder'), eq(dunningEvents.action, 'sent'), ne(dunningEvents.id, currentEventId)));
  return rows.length;
}
