import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { postEntry, vatOnReceiptEntry } from '../ledger/index.js';
import { vatMovesToTarget } from './domain/vat-on-receipt.js';
import { invoiceVatOnReceipt, VAT_ON_RECEIPT_SOURCE, type InvoiceVatSources } from './invoice-vat-on-receipt.js';

/** What invoicing knows of an invoice after a change (a payment applied or cancelled, a credit note), on its locked row. */
export interface InvoiceReceiptFacts extends InvoiceVatSources {
  number: string;
  activityId: string;
  /** What the client owes in all (after deposits deducted), credited by credit notes, and still has to pay. */
  grossCents: number;
  creditedCents: number;
  leftCents: number;
}

/**
 * VAT on receipts: after a payment is applied to an invoice, or cancelled, or a credit note
 * corrects it, moves between 44574 and 44571 what makes 44574 hold the VAT of what is still
 * to pay (see `vatMovesToTarget`), in the caller's transaction, on the invoice's row it locked.
 * A payment cancelled moves its VAT back by an entry the other way (a contre-passation: the
 * VAT was not collected after all). Nothing for an invoice issued on debits. Audited.
 */
export async function followVatOnReceipt(tx: Executor, actor: Actor, facts: InvoiceReceiptFacts, at: { date: string; cause: 'payment' | 'payment_cancelled' | 'credit_note'; causeId: string }): Promise<void> {
  const state = await invoiceVatOnReceipt(tx, actor.coopId, facts);
  if (!state) return;
  const moves = vatMovesToTarget(state, facts);
  if (moves.length === 0) return;
  const back = moves.reduce((s, m) => s + m.cents, 0) < 0;
  const label = `${back ? 'TVA remise en attente' : 'TVA exigible sur encaissement'} – ${facts.number}`.slice(0, 300);
  const entry = await postEntry(tx, actor, {
    ...vatOnReceiptEntry({ activityId: facts.activityId, moves }),
    date: at.date,
    label,
    source: { type: VAT_ON_RECEIPT_SOURCE, id: facts.invoiceId },
    documentRef: facts.number,
  });
  await recordAudit(tx, actor, {
    action: 'vat.moved_on_receipt',
    entityType: 'invoice',
    entityId: facts.invoiceId,
    before: { pendingByRate: Object.fromEntries(state.pendingByRate) },
    after: { entryId: entry.id, moves, cause: at.cause, causeId: at.causeId, activityId: facts.activityId },
  });
}

/** What still waits on 44574 for an invoice, per rate, for its credit note to take back first; null when it was issued on debits. */
export async function pendingVatOf(tx: Executor, coopId: string, sources: InvoiceVatSources): Promise<ReadonlyMap<number, number> | null> {
  return (await invoiceVatOnReceipt(tx, coopId, sources))?.pendingByRate ?? null;
}
