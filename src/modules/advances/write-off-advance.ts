import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { addDays } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, JOURNALS, openReceivableParts, postEntry, splitReceipt } from '../ledger/index.js';
import { advanceTarget } from './advanced-document.js';
import { advanceErrors } from './errors.js';
import { getFundSettings } from './fund-settings.js';
import { lockedAdvance, outstandingOf } from './locked-advance.js';
import { advances } from './schema.js';

/**
 * The team writes off what the client never paid of an advance, once recovery failed: the
 * invoice is overdue by at least the fund's `writeOffAfterDays` (90 by default, when dunning
 * has gone through its formal notice); for a quote, the last invoice made from it is (a quote
 * never invoiced has no receivable to give up: it waits). One OD entry, two pairs:
 * - D 4676 (the fund) / C 4675 (the activity): the advance is closed on both sides, no longer
 *   outstanding, as a settlement would close it;
 * - D 6541 (the fund, no activity) / C 411 (the activity): the fund bears the loss, taking over
 *   that part of the client's debt to the activity. The fund's available amount does not drop
 *   again (the money left it when the advance was paid); the activity keeps what it was paid,
 *   its receivable being covered by the fund instead of the client.
 */
export async function writeOffAdvance(db: Db, actor: Actor, id: string, reason: string, today: string): Promise<void> {
  await db.transaction(async (tx) => {
    const settings = await getFundSettings(tx, actor.coopId);
    const [peek] = await tx.select({ invoiceId: advances.invoiceId, quoteId: advances.quoteId }).from(advances).where(and(eq(advances.coopId, actor.coopId), eq(advances.id, id)));
    if (!peek) throw advanceErrors.ADVANCE_NOT_FOUND();
    // Same lock order as a payment: the document, then its advance.
    const target = await advanceTarget(tx, actor, peek, { lock: true });
    const advance = await lockedAdvance(tx, actor.coopId, id);
    const outstanding = outstandingOf(advance);
    if (advance.status !== 'paid' || outstanding <= 0) throw advanceErrors.ADVANCE_NOT_OUTSTANDING();
    if (!target.dueDate || addDays(target.dueDate, settings.writeOffAfterDays) > today) throw advanceErrors.WRITE_OFF_TOO_EARLY();
    const entry = await postEntry(tx, actor, {
      journal: JOURNALS.misc,
      date: today,
      label: `Préfinancement passé en perte – ${target.label}`,
      source: { type: 'advance_write_off', id: advance.id },
      lines: [
        { account: ACCOUNTS.fundAdvancesOutstanding, debitCents: outstanding },
        { account: ACCOUNTS.advancesGranted, activityId: advance.activityId, creditCents: outstanding },
        { account: ACCOUNTS.badDebts, debitCents: outstanding },
        // Cleared from the invoice's receivable, part by part for a job's invoice, lettered with it.
        ...(advance.invoiceId
          ? splitReceipt(outstanding, await openReceivableParts(tx, actor.coopId, advance.invoiceId), advance.activityId).map((part) => ({
              account: ACCOUNTS.clientReceivables,
              activityId: part.activityId,
              creditCents: part.amountCents,
              label: target.number ?? undefined,
              letteringKey: advance.invoiceId!,
            }))
          : [{ account: ACCOUNTS.clientReceivables, activityId: advance.activityId, creditCents: outstanding, label: target.number ?? undefined }]),
      ],
    });
    const writtenOffAt = new Date();
    await tx
      .update(advances)
      .set({ status: 'written_off', writtenOffCents: outstanding, reason, writtenOffBy: actor.userId, writtenOffAt, writeOffEntryId: entry.id })
      .where(and(eq(advances.coopId, actor.coopId), eq(advances.id, advance.id)));
    await recordAudit(tx, actor, {
      action: 'advance.written_off',
      entityType: 'advance',
      entityId: advance.id,
      before: { status: 'paid', settledCents: advance.settledCents },
      after: { status: 'written_off', writtenOffCents: outstanding, reason, entryId: entry.id, activityId: advance.activityId, memberId: advance.memberId, invoiceId: advance.invoiceId, quoteId: advance.quoteId },
    });
  });
}
