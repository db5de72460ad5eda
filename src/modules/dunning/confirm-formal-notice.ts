import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { getCoop } from '../coops/index.js';
import { openInvoices } from '../invoicing/index.js';
import { dunningContextOf } from './dunning-context.js';
import { formalNoticeLetter, formalNoticeMail } from './dunning-texts.js';
import { dunningErrors } from './errors.js';
import { renderFormalNoticePdf } from './pdf/render-formal-notice-pdf.js';
import { dunningEvents, type DunningEventRow } from './schema.js';

const safeName = (text: string) => text.replace(/[^A-Za-z0-9._-]/g, '_');

/** The pending formal notice, locked: two people deciding at once meet here, and the second is refused. */
export async function lockPendingNotice(tx: Executor, coopId: string, eventId: string): Promise<DunningEventRow> {
  const [event] = await tx
    .select()
    .from(dunningEvents)
    .where(and(eq(dunningEvents.coopId, coopId), eq(dunningEvents.id, eventId)))
    .for('update');
  if (!event) throw dunningErrors.DUNNING_EVENT_NOT_FOUND();
  if (event.action !== 'pending') throw dunningErrors.NOTICE_NOT_PENDING();
  return event;
}

/**
 * The team confirms a formal notice the run left waiting: the letter is drawn today, with
 * what is left to pay today, stored with its SHA-256, and mailed to the client with it
 * attached (or left for the team to post when the client has no address). All in one
 * transaction with the step's change, so the letter never leaves twice or without a trace.
 * An invoice settled meanwhile is refused: the notice is cancelled instead.
 */
export async function confirmFormalNotice(db: Db, storage: FileStorage, actor: Actor, eventId: string, today: string): Promise<void> {
  const coop = await getCoop(db, actor.coopId);
  await db.transaction(async (tx) => {
    const event = await lockPendingNotice(tx, actor.coopId, eventId);
    const invoice = (await openInvoices(tx, actor.coopId)).find((inv) => inv.id === event.invoiceId);
    if (!invoice) throw dunningErrors.NOTICE_INVOICE_SETTLED();
    const { ctx, email } = await dunningContextOf(tx, coop, invoice, today);
    const text = formalNoticeLetter(ctx);
    const bytes = await renderFormalNoticePdf(ctx, text);
    // Keyed by the event: only the transaction holding its lock writes there.
    const storageKey = `coops/${actor.coopId}/dunning/${event.id}/mise-en-demeure.pdf`;
    const letter = { storageKey, sha256: (await storage.put(storageKey, Buffer.from(bytes))).sha256 };
    let mailId: string | null = null;
    if (email) {
      const mail = formalNoticeMail(ctx, text);
      mailId = await enqueueMail(tx, {
        coopId: actor.coopId,
        to: email,
        subject: mail.subject,
        text: mail.text,
        template: 'dunning_formal_notice',
        attachments: [{ filename: `mise-en-demeure-${safeName(invoice.number)}.pdf`, contentType: 'application/pdf', storageKey: letter.storageKey, sha256: letter.sha256 }],
      });
    }
    const action = email ? 'sent' : 'no_email';
    const decidedAt = new Date();
    await tx
      .update(dunningEvents)
      .set({ action, mailId, recipient: email, amountLeftCents: invoice.amountDueCents, letterStorageKey: letter.storageKey, letterSha256: letter.sha256, takenOn: today, decidedBy: actor.userId, decidedAt })
      .where(and(eq(dunningEvents.coopId, actor.coopId), eq(dunningEvents.id, event.id)));
    await recordAudit(tx, actor, {
      action: 'dunning.formal_notice_confirmed',
      entityType: 'invoice',
      entityId: invoice.id,
      before: { action: 'pending' },
      after: { stepIndex: event.stepIndex, action, mailId, amountLeftCents: invoice.amountDueCents, letterSha256: letter.sha256 },
    });
  });
}
