import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { ACCOUNTS, JOURNALS, postEntry, reverseEntry } from '../ledger/index.js';
import { settledTargetCents } from './domain/settled-target.js';
import { advanceSettlements, advances } from './schema.js';

/**
 * Settles the advance of an invoice by what a client's payment covers, in the payment's
 * transaction (the payments module calls it right after applying the payment to the invoice,
 * whose row it holds locked): the reverse pair D 4676 (the fund) / C 4675 (the activity) for
 * the advance's share of what the client paid since the fund paid it, all of it once the
 * invoice is paid. Idempotent: a payment settles an advance once (unique advance × payment).
 */
export async function settleAdvanceOfInvoice(
  tx: Executor,
  actor: Actor,
  input: { invoiceId: string; invoiceNumber: string; paymentId: string; paidCents: number; amountLeftCents: number; date: string },
): Promise<void> {
  const [advance] = await tx
    .select()
    .from(advances)
    .where(and(eq(advances.coopId, actor.coopId), eq(advances.invoiceId, input.invoiceId), eq(advances.status, 'paid')))
    .for('update');
  if (!advance) return;
  const [done] = await tx
    .select({ id: advanceSettlements.id })
    .from(advanceSettlements)
    .where(and(eq(advanceSettlements.coopId, actor.coopId), eq(advanceSettlements.advanceId, advance.id), eq(advanceSettlements.paymentId, input.paymentId)));
  if (done) return;
  const base = advance.invoicePaidAtAdvanceCents;
  const target = Math.min(
    advance.amountCents - advance.writtenOffCents,
    settledTargetCents(advance.amountCents, { paidCents: Math.max(0, input.paidCents - base), amountLeftCents: input.amountLeftCents }),
  );
  const amountCents = target - advance.settledCents;
  if (amountCents <= 0) return;
  const entry = await postEntry(tx, actor, {
    journal: JOURNALS.misc,
    date: input.date,
    label: `Remboursement du préfinancement – facture ${input.invoiceNumber}`,
    source: { type: 'advance_settlement', id: advance.id },
    lines: [
      { account: ACCOUNTS.fundAdvancesOutstanding, debitCents: amountCents },
      { account: ACCOUNTS.advancesGranted, activityId: advance.activityId, creditCents: amountCents },
    ],
  });
  await tx.insert(advanceSettlements).values({ coopId: actor.coopId, advanceId: advance.id, paymentId: input.paymentId, amountCents, entryId: entry.id });
  const settledCents = advance.settledCents + amountCents;
  const status = settledCents + advance.writtenOffCents === advance.amountCents ? 'settled' : 'paid';
  await tx.update(advances).set({ settledCents, status }).where(and(eq(advances.coopId, actor.coopId), eq(advances.id, advance.id)));
  await recordAudit(tx, actor, {
    action: 'advance.settled',
    entityType: 'advance',
    entityId: advance.id,
    before: { status: advance.status, settledCents: advance.settledCents },
    after: { status, settledCents, amountCents, paymentId: input.paymentId, entryId: entry.id, activityId: advance.activityId, memberId: advance.memberId, invoiceId: advance.invoiceId },
  });
}

/**
 * A cancelled payment re-opens what it settled: each of its settlement entries is reversed
 * (contre-passation, never deleted) and the advance is outstanding again for that amount.
 * Called in the cancellation's transaction.
 */
export async function reopenAdvanceSettlementsOfPayment(tx: Executor, actor: Actor, input: { paymentId: string; date: string; reason: string }): Promise<void> {
  const rows = await tx
    .select()
    .from(advanceSettlements)
    .where(and(eq(advanceSettlements.coopId, actor.coopId), eq(advanceSettlements.paymentId, input.paymentId), isNull(advanceSettlements.reversalEntryId)));
  for (const s of rows) {
    const [advance] = await tx.select().from(advances).where(and(eq(advances.coopId, actor.coopId), eq(advances.id, s.advanceId))).for('update');
    if (!advance) continue;
    const reversal = await reverseEntry(tx, actor, s.entryId, input.date, `Annulation du remboursement de préfinancement : ${input.reason}`.slice(0, 300));
    await tx.update(advanceSettlements).set({ reversalEntryId: reversal.id }).where(and(eq(advanceSettlements.coopId, actor.coopId), eq(advanceSettlements.id, s.id)));
    const settledCents = advance.settledCents - s.amountCents;
    const status = advance.status === 'settled' ? 'paid' : advance.status;
    await tx.update(advances).set({ settledCents, status }).where(and(eq(advances.coopId, actor.coopId), eq(advances.id, advance.id)));
    await recordAudit(tx, actor, {
      action: 'advance.settlement_reversed',
      entityType: 'advance',
      entityId: advance.id,
      before: { status: advance.status, settledCents: advance.settledCents },
      after: { status, settledCents, paymentId: input.paymentId, reversalEntryId: reversal.id, reason: input.reason, activityId: advance.activityId, memberId: advance.memberId },
    });
  }
}
