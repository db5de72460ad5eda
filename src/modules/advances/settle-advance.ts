import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { invoiceCollections } from '../invoicing/index.js';
import { ACCOUNTS, JOURNALS, postEntry, reverseEntry } from '../ledger/index.js';
import { quoteForSettlement, quoteIdOfInvoice } from '../quotes/index.js';
import { settledTargetCents } from './domain/settled-target.js';
import { advanceSettlements, advances, type AdvanceRow } from './schema.js';

/**
 * Settles the advance of an invoice, and the advance of the quote it was made from, by what a
 * client's payment covers, in the payment's transaction (the payments module calls it right
 * after applying the payment to its invoices, whose rows it holds locked): the reverse pair
 * D 4676 (the fund) / C 4675 (the activity) for the advance's share of what the client paid
 * since the fund paid it, all of it once nothing is left to pay. For a quote, what the client
 * paid is summed over the invoices made from it and weighed against the quote's amount incl.
 * VAT: the advance is settled in proportion as the quote is paid, all of it once the client
 * has paid the whole quote. Idempotent: a payment settles an advance once (unique advance ×
 * payment); a payment spread over two invoices of one quote settles its advance at the first,
 * from every invoice's paid amount, already applied.
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
  if (advance) await settle(tx, actor, advance, { ...input, label: `facture ${input.invoiceNumber}` });
  const quoteId = await quoteIdOfInvoice(tx, actor.coopId, input.invoiceId);
  if (!quoteId) return;
  const [onQuote] = await tx
    .select()
    .from(advances)
    .where(and(eq(advances.coopId, actor.coopId), eq(advances.quoteId, quoteId), eq(advances.status, 'paid')))
    .for('update');
  const quote = onQuote ? await quoteForSettlement(tx, actor.coopId, quoteId) : null;
  if (!onQuote || !quote) return;
  const issued = [...(await invoiceCollections(tx, actor.coopId, quote.invoiceIds)).values()].filter((i) => i.status !== 'draft');
  const paidCents = issued.reduce((sum, i) => sum + i.paidCents, 0);
  await settle(tx, actor, onQuote, {
    paymentId: input.paymentId,
    paidCents,
    amountLeftCents: Math.max(0, quote.grossCents - paidCents),
    date: input.date,
    label: `devis ${quote.number ?? ''}`.trim(),
  });
}

async function settle(tx: Executor, actor: Actor, advance: AdvanceRow, input: { paymentId: string; paidCents: number; amountLeftCents: number; date: string; label: string }): Promise<void> {
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
    label: `Remboursement du préfinancement – ${input.label}`,
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
    after: { status, settledCents, amountCents, paymentId: input.paymentId, entryId: entry.id, activityId: advance.activityId, memberId: advance.memberId, invoiceId: advance.invoiceId, quoteId: advance.quoteId },
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
