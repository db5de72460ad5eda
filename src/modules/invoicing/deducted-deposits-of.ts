import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { FieldError } from '../../platform/errors.js';
import { computeTotals, totalsLineOf } from '../documents/index.js';
import { invoiceLines, invoices, type InvoiceRow, type StoredDeductedDeposit } from './schema.js';

export type FullDeductedDeposit = Required<StoredDeductedDeposit>;

/**
 * The deposit invoices a final invoice deducts, as they were issued: number, date, amounts and
 * VAT per rate, read in the validating transaction. A deposit still a draft cannot be deducted
 * (the final invoice must name it by its number), nor one of another client or activity, nor
 * one a credit note has reduced (the amount deducted would no longer be the one invoiced).
 * Issued invoices never change (drizzle/0011_invoices_immutable.sql), so what is read here is
 * what gets frozen on the final invoice.
 */
export async function deductedDepositsOf(db: Executor, row: InvoiceRow): Promise<{ deposits: FullDeductedDeposit[]; problems: FieldError[] }> {
  const ids = (row.deductedDeposits ?? []).map((d) => d.invoiceId);
  if (ids.length === 0) return { deposits: [], problems: [] };
  const rows = await db.select().from(invoices).where(and(eq(invoices.coopId, row.coopId), inArray(invoices.id, ids)));
  const credited = await db
    .select({ id: invoices.creditedInvoiceId })
    .from(invoices)
    .where(and(eq(invoices.coopId, row.coopId), inArray(invoices.creditedInvoiceId, ids)));
  const lines = await db
    .select()
    .from(invoiceLines)
    .where(and(eq(invoiceLines.coopId, row.coopId), inArray(invoiceLines.invoiceId, ids)))
    .orderBy(asc(invoiceLines.invoiceId), asc(invoiceLines.position));
  const problems: FieldError[] = [];
  const deposits: FullDeductedDeposit[] = [];
  ids.forEach((id, i) => {
    const d = rows.find((r) => r.id === id);
    const path = `deductedDeposits.${i}`;
    if (!d || d.kind !== 'deposit' || d.clientId !== row.clientId || d.activityId !== row.activityId) {
      problems.push({ path, message: { fr: "Cet acompte n'est pas une facture d'acompte de ce client et de cette activité.", en: 'This deposit is not a deposit invoice of this client and activity.' } });
      return;
    }
    if (d.status === 'draft' || !d.number || !d.issueDate) {
      problems.push({ path, message: { fr: "Émettez d'abord la facture d'acompte : la facture de solde la déduit par son numéro.", en: 'Issue the deposit invoice first: the final invoice deducts it by its number.' } });
      return;
    }
    if (credited.some((c) => c.id === id)) {
      problems.push({ path, message: { fr: `L'acompte ${d.number} a été corrigé par un avoir : il ne peut plus être déduit tel quel.`, en: `Deposit ${d.number} was corrected by a credit note: it can no longer be deducted as it stands.` } });
      return;
    }
    const totals = computeTotals({ lines: lines.filter((l) => l.invoiceId === id).map(totalsLineOf) });
    deposits.push({
      invoiceId: id,
      number: d.number,
      issueDate: d.issueDate,
      netCents: d.netCents,
      vatCents: d.vatCents,
      grossCents: d.grossCents,
      vatByRate: totals.vatBreakdown.map(({ vatCategory, vatRateBp, basisCents, vatCents }) => ({ vatCategory, vatRateBp, basisCents, vatCents })),
    });
  });
  return { deposits, problems };
}
