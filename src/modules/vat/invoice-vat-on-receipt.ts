import type { Executor } from '../../platform/db/client.js';
import { ACCOUNTS, linesOfSources, rateOfVatLabel } from '../ledger/index.js';
import type { InvoiceVatOnReceipt } from './domain/vat-on-receipt.js';

/** The source type of the entries moving an invoice's VAT between 44574 and 44571, keyed by the invoice's id. */
export const VAT_ON_RECEIPT_SOURCE = 'vat_on_receipt';

/** The invoice and its credit notes: the documents whose entries hold its VAT. */
export interface InvoiceVatSources {
  invoiceId: string;
  creditNoteIds: readonly string[];
}

const add = (m: Map<number, number>, rate: number, cents: number) => m.set(rate, (m.get(rate) ?? 0) + cents);

/**
 * Where one invoice's VAT stands on receipts, read from the ledger: what its sales entry put
 * on 44574, what its credit notes took back, what still waits on 44574. Null when its sales
 * entry put nothing on 44574: the invoice was issued on debits (before the coop chose receipts,
 * or a sale of goods), and its VAT was due at once.
 */
export async function invoiceVatOnReceipt(tx: Executor, coopId: string, sources: InvoiceVatSources): Promise<InvoiceVatOnReceipt | null> {
  const lines = await linesOfSources(tx, coopId, {
    sources: [
      { type: 'invoice', ids: [sources.invoiceId] },
      { type: 'credit_note', ids: sources.creditNoteIds },
      { type: VAT_ON_RECEIPT_SOURCE, ids: [sources.invoiceId] },
    ],
    accounts: [ACCOUNTS.vatCollectedPending, ACCOUNTS.vatCollected],
  });
  const invoicedByRate = new Map<number, number>();
  const creditedByRate = new Map<number, number>();
  const pendingByRate = new Map<number, number>();
  for (const line of lines) {
    const rate = rateOfVatLabel(line.label);
    if (rate === null) continue;
    const net = line.creditCents - line.debitCents;
    if (line.account === ACCOUNTS.vatCollectedPending) add(pendingByRate, rate, net);
    if (line.sourceType === 'invoice' && line.account === ACCOUNTS.vatCollectedPending) add(invoicedByRate, rate, net);
    if (line.sourceType === 'credit_note') add(creditedByRate, rate, -net);
  }
  return invoicedByRate.size > 0 ? { invoicedByRate, creditedByRate, pendingByRate } : null;
}
