import { invalidField, platformErrors, type LocalizedText } from '../../platform/errors.js';
import type { DocumentLineInput } from './contract.js';
import { computeTotals, type DocumentTotals, type VatCategory } from './domain/compute-totals.js';
import type { InvoiceLine } from './domain/document-model.js';
import { lineProblems } from './domain/line-problems.js';
import { totalsLineOf, type TotalsLineSource } from './domain/totals-line.js';

/** A stored line, whichever table holds it. */
export interface StoredDocumentLine {
  position: number;
  description: string;
  quantityMilli: number;
  unit: string;
  unitPriceCents: number;
  discountBp: number | null;
  discountCents: number | null;
  vatCategory: VatCategory;
  vatRateBp: number;
  exemptionReason: string | null;
  netCents: number;
}

/**
 * Checks the lines (rates, discounts) and returns their totals; a 400 naming each bad field
 * otherwise, and `negative` on `lines` when the total is below zero.
 */
export function checkedLineTotals(lines: readonly TotalsLineSource[], negative: LocalizedText): DocumentTotals {
  const problems = lineProblems(lines.map(totalsLineOf));
  if (problems.length) throw platformErrors.VALIDATION_FAILED(problems);
  const totals = computeTotals({ lines: lines.map(totalsLineOf) });
  if (totals.taxBasisCents < 0 || totals.vatTotalCents < 0) throw invalidField('lines', negative);
  return totals;
}

/**
 * The rows to insert for checked lines, numbered from 1 in the order given; the caller adds
 * its table's key (`{ coopId, invoiceId }`…) and any column of its own kind.
 */
export const documentLineRows = (lines: readonly DocumentLineInput[], totals: DocumentTotals): StoredDocumentLine[] =>
  lines.map((l, i) => ({
    position: i + 1,
    description: l.description,
    quantityMilli: l.quantityMilli,
    unit: l.unit,
    unitPriceCents: l.unitPriceCents,
    discountBp: l.discountBp ?? null,
    discountCents: l.discountCents ?? null,
    vatCategory: l.vatCategory,
    vatRateBp: l.vatRateBp,
    exemptionReason: l.exemptionReason ?? null,
    netCents: totals.lines[i]!.netCents,
  }));

/** A stored line as the document model (PDF, XML, mentions check) reads it. */
export const printedLineOf = (l: Omit<StoredDocumentLine, 'position' | 'netCents'> & { sectionTitle?: string | null }): InvoiceLine => ({
  name: l.description,
  unitCode: l.unit,
  ...totalsLineOf(l),
  ...(l.sectionTitle ? { sectionTitle: l.sectionTitle } : {}),
});

/** A stored line as a new draft receives it again (a credit note of an invoice, an invoice of a quote). */
export const lineInputOf = (l: Omit<StoredDocumentLine, 'position' | 'netCents'>): DocumentLineInput => ({
  description: l.description,
  quantityMilli: l.quantityMilli,
  unit: l.unit,
  unitPriceCents: l.unitPriceCents,
  ...(l.discountBp != null ? { discountBp: l.discountBp } : {}),
  ...(l.discountCents != null ? { discountCents: l.discountCents } : {}),
  vatCategory: l.vatCategory,
  vatRateBp: l.vatRateBp,
  exemptionReason: l.exemptionReason,
});
