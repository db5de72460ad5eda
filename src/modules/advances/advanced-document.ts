import type { Executor } from '../../platform/db/client.js';
import type { Viewer } from '../activities/index.js';
import { creditedCentsOf, invoiceCollections, visibleInvoice } from '../invoicing/index.js';
import { quoteForAdvance, quoteIdOfInvoice } from '../quotes/index.js';
import type { AdvancedDocument } from './domain/may-advance.js';

/** The document an advance is asked on, as the operations of the fund need it. */
export interface AdvanceTarget {
  ref: { invoiceId: string; quoteId: null } | { invoiceId: null; quoteId: string };
  activityId: string;
  number: string | null;
  /** "facture FA-2026-0001" / "devis DE-2026-0001", for entry labels. */
  label: string;
  document: AdvancedDocument;
  /** The documents whose open advance forbids another one on this (see `mayAdvance`). */
  openAdvanceOf: { invoiceIds: string[]; quoteIds: string[] };
  /** The latest due date of the invoice (of the quote's issued invoices): when recovery may be given up. */
  dueDate: string | null;
}

/**
 * The invoice or quote in the person's scope (a 404 otherwise, as for reading it), locked when
 * `lock` as a payment applied to it would lock it, so what the client paid cannot move under
 * the fund's check. A quote's paid part is what the client paid of the invoices made from it.
 */
export async function advanceTarget(db: Executor, viewer: Viewer, ref: { invoiceId?: string | null; quoteId?: string | null }, opts: { lock?: boolean } = {}): Promise<AdvanceTarget> {
  if (ref.quoteId) {
    const quote = await quoteForAdvance(db, viewer, ref.quoteId, opts);
    const issued = [...(await invoiceCollections(db, viewer.coopId, quote.invoiceIds)).values()].filter((i) => i.status !== 'draft');
    const dueDates = issued.flatMap((i) => (i.dueDate ? [i.dueDate] : [])).sort();
    return {
      ref: { invoiceId: null, quoteId: quote.id },
      activityId: quote.activityId,
      number: quote.number,
      label: `devis ${quote.number ?? ''}`.trim(),
      document: {
        kind: 'quote',
        status: quote.status,
        acceptedOnline: quote.acceptedOnline,
        netCents: quote.netCents,
        dueCents: quote.grossCents,
        paidCents: issued.reduce((s, i) => s + i.paidCents, 0),
      },
      openAdvanceOf: { invoiceIds: quote.invoiceIds, quoteIds: [quote.id] },
      dueDate: dueDates.at(-1) ?? null,
    };
  }
  const invoice = await visibleInvoice(db, viewer, ref.invoiceId ?? '', opts);
  const creditedCents = await creditedCentsOf(db, viewer.coopId, invoice.id);
  const quoteId = await quoteIdOfInvoice(db, viewer.coopId, invoice.id);
  return {
    ref: { invoiceId: invoice.id, quoteId: null },
    activityId: invoice.activityId,
    number: invoice.number,
    label: `facture ${invoice.number ?? ''}`.trim(),
    document: { kind: invoice.kind, status: invoice.status, netCents: invoice.netCents, dueCents: invoice.grossCents - creditedCents, paidCents: invoice.paidCents },
    openAdvanceOf: { invoiceIds: [invoice.id], quoteIds: quoteId ? [quoteId] : [] },
    dueDate: invoice.dueDate,
  };
}
