import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { todayInFrance } from '../../platform/calendar/index.js';
import { computeTotals, formatEuros, formatFrenchDate, formatQuantity, lineInputOf, totalsLineOf, vatOf, type OrderReference } from '../documents/index.js';
import { createDraftInvoice } from '../invoicing/index.js';
import { planNextInvoice, type InvoicingRequest, type PlannedInvoice, type PlanRefusal, type VatGroupAmounts } from './domain/invoicing-plan.js';
import type { InvoiceQuoteBody } from './contract.js';
import { depositVatSplit } from './domain/deposit-vat-split.js';
import { invoiceLinesOfPlan } from './domain/invoice-lines-of-plan.js';
import { vatExactShares } from './domain/vat-exact-shares.js';
import { linesOfQuote } from './draft-quotes.js';
import { quoteErrors } from './errors.js';
import { visibleQuote } from './quote-access.js';
import { quoteInvoices, type QuoteLineRow } from './schema.js';

function requestOf(body: InvoiceQuoteBody): InvoicingRequest {
  const exceed = { ...(body.allowExceed !== undefined ? { allowExceed: body.allowExceed } : {}), ...(body.exceedReason !== undefined ? { exceedReason: body.exceedReason } : {}) };
  if (body.kind === 'deposit') return body.amountCents !== undefined ? { kind: 'deposit', amountCents: body.amountCents, ...exceed } : { kind: 'deposit', percentBp: body.percentBp!, ...exceed };
  if (body.kind === 'stage') return { kind: 'stage', percentBp: body.percentBp!, ...exceed };
  return { kind: body.kind, ...exceed };
}

function planRefusalError(refusal: PlanRefusal) {
  switch (refusal.reason) {
    case 'invalid_percentage':
      return invalidField('percentBp', { fr: 'Le pourcentage doit être compris entre 0 et 100 %.', en: 'The percentage must be between 0 and 100 %.' });
    case 'invalid_amount':
      return invalidField('amountCents', { fr: 'Le montant est trop petit.', en: 'The amount is too small.' });
    case 'nothing_left_to_invoice':
      return quoteErrors.QUOTE_NOTHING_LEFT();
    case 'already_partly_invoiced':
      return quoteErrors.QUOTE_PARTLY_INVOICED();
    case 'unknown_vat_group':
      return quoteErrors.QUOTE_NOT_ALLOWED_IN_STATE();
    case 'exceeds_quote':
      return invalidField('allowExceed', {
        fr: `Cette facture dépasse le devis de ${(refusal.excessNetCents / 100).toFixed(2)} € HT : confirmez le dépassement et donnez-en la raison.`,
        en: `This invoice exceeds the quote by ${(refusal.excessNetCents / 100).toFixed(2)} € excl. VAT: confirm it and give the reason.`,
      });
    case 'exceed_reason_required':
      return invalidField('exceedReason', { fr: 'Donnez la raison du dépassement du devis.', en: 'Give the reason for exceeding the quote.' });
  }
}

const keyOf = (g: Pick<VatGroupAmounts, 'vatCategory' | 'vatRateBp'>) => `${g.vatCategory}/${g.vatRateBp}`;
const sumOf = (values: number[]) => values.reduce((s, v) => s + v, 0);

/**
 * A deposit or stage whose shares are moved by a cent where needed so that the invoices still
 * to come reach the quote's VAT exactly (see vatExactShares): each draft invoice recomputes its
 * VAT from its own lines, so the plan's VAT adjustment on the balance could never be printed.
 */
function withExactVat(quoteGroups: readonly VatGroupAmounts[], already: readonly VatGroupAmounts[], plan: PlannedInvoice): PlannedInvoice {
  const open = quoteGroups.map((g) => {
    const done = already.filter((a) => keyOf(a) === keyOf(g));
    return {
      vatCategory: g.vatCategory,
      vatRateBp: g.vatRateBp,
      remainingBasisCents: g.basisCents - sumOf(done.map((d) => d.basisCents)),
      remainingVatCents: g.vatCents - sumOf(done.map((d) => d.vatCents)),
      shareCents: plan.groups.find((p) => keyOf(p) === keyOf(g))?.basisCents ?? 0,
    };
  });
  const shares = vatExactShares(open);
  const groups = open
    .map((g, i) => ({ vatCategory: g.vatCategory, vatRateBp: g.vatRateBp, basisCents: shares[i]!, vatCents: vatOf(shares[i]!, g.vatRateBp), vatAdjustmentCents: 0 }))
    .filter((g) => g.basisCents !== 0);
  const netCents = sumOf(groups.map((g) => g.basisCents));
  const vatCents = sumOf(groups.map((g) => g.vatCents));
  return {
    ...plan,
    groups,
    netCents,
    vatCents,
    grossCents: netCents + vatCents,
    remainingNetCents: plan.remainingNetCents + plan.netCents - netCents,
    remainingGrossCents: plan.remainingGrossCents + plan.grossCents - netCents - vatCents,
  };
}

/** At most this many items of the quote are named on a deposit; the rest is counted. */
const SUMMARY_ITEMS = 12;

/** What is ordered, as a deposit invoice names it: each item of the quote, with its quantity when not one. */
function orderSummaryOf(lines: readonly QuoteLineRow[]): string[] {
  const items = lines.map((l) => {
    const what = l.sectionTitle ? `${l.sectionTitle} — ${l.description}` : l.description;
    return l.quantityMilli === 1000 ? what : `${what} (× ${formatQuantity(l.quantityMilli)})`;
  });
  if (items.length <= SUMMARY_ITEMS) return items;
  return [...items.slice(0, SUMMARY_ITEMS - 1), `et ${items.length - SUMMARY_ITEMS + 1} autres lignes`];
}

/**
 * Turns an accepted quote into a draft invoice: the whole, a deposit, a stage or the balance,
 * computed from what its earlier invoices already took. The quote row stays locked until the
 * commit, so two deposits asked at once cannot both take the same remainder, and the draft,
 * its link to the quote and the audit commit or fail together.
 *
 * A deposit names its order (the quote's number and date, what is ordered) and, when its
 * amount is split across several VAT rates, how. The balance after deposits only (no stage
 * invoiced) is the final invoice French practice expects: it restates the quote's real lines
 * and deducts the deposit invoices, so the document shows the whole service and its VAT, and
 * the client pays what is left (the deposits' VAT was due when they were invoiced).
 *
 * Every invoice but a deposit must state the date of the service (CGI art. 242 nonies A I 7°):
 * the draft starts on `today`, as a new invoice does in the editor, so a draft the member hands
 * to the team can be validated; the member changes it when the work ended on another day.
 */
export async function invoiceQuote(db: Db, actor: Actor, id: string, body: InvoiceQuoteBody, today: string): Promise<{ invoiceId: string; netCents: number; vatCents: number; grossCents: number; excessNetCents: number; remainingNetCents: number }> {
  return db.transaction(async (tx) => {
    const quote = await visibleQuote(tx, actor, id, { lock: true });
    if (quote.status !== 'accepted') throw quoteErrors.QUOTE_NOT_ACCEPTED();
    const earlier = await tx.select().from(quoteInvoices).where(and(eq(quoteInvoices.coopId, actor.coopId), eq(quoteInvoices.quoteId, id)));
    const already: VatGroupAmounts[] = earlier.flatMap((e) => e.groups);
    const planned = planNextInvoice({ vatBreakdown: quote.vatBreakdown }, already, requestOf(body));
    if (!planned.ok) throw planRefusalError(planned);
    const plan = body.kind === 'deposit' || body.kind === 'stage' ? withExactVat(quote.vatBreakdown, already, planned) : planned;

    const number = quote.number!;
    const quoteDate = todayInFrance(quote.validatedAt ?? quote.createdAt);
    // The final invoice: every earlier invoice of the quote was a deposit, nothing is exceeded.
    const finalAfterDeposits = body.kind === 'balance' && earlier.length > 0 && earlier.every((e) => e.kind === 'deposit') && plan.excessNetCents === 0;
    const quoteLines = body.kind === 'whole' || finalAfterDeposits || body.kind === 'deposit' ? await linesOfQuote(tx, actor.coopId, id) : [];
    // The whole quote invoiced at once, or its final invoice, keeps the detailed lines; a share of it is one line per VAT rate.
    const lines =
      (body.kind === 'whole' && plan.excessNetCents === 0) || finalAfterDeposits
        ? quoteLines.map((l) => ({
            ...lineInputOf(l),
            description: l.sectionTitle ? `${l.sectionTitle} — ${l.description}` : l.description,
          }))
        : invoiceLinesOfPlan(plan.groups, {
            kind: body.kind,
            quoteNumber: number,
            quoteDate,
            ...(body.percentBp !== undefined ? { percentBp: body.percentBp } : {}),
            exemptionReasons: new Map(quote.vatBreakdown.filter((g) => g.exemptionReason).map((g) => [`${g.vatCategory}/${g.vatRateBp}`, g.exemptionReason!])),
          });

    const order: OrderReference = {
      number,
      issueDate: quoteDate,
      ...(body.kind === 'deposit' ? { summary: orderSummaryOf(quoteLines), netCents: quote.netCents, grossCents: quote.grossCents } : {}),
    };
    // The shares weighed as the plan weighed them: what each group still had to invoice.
    const open = quote.vatBreakdown.map((g) => ({
      vatCategory: g.vatCategory,
      vatRateBp: g.vatRateBp,
      weightCents: Math.max(0, g.basisCents - sumOf(already.filter((a) => keyOf(a) === keyOf(g)).map((a) => a.basisCents))),
    }));
    const split = body.kind === 'deposit' ? depositVatSplit(open, plan.groups, body.percentBp) : null;
    const notes = [
      body.kind === 'deposit' ? `Acompte sur devis ${number} du ${formatFrenchDate(quoteDate)} (${formatEuros(quote.grossCents)} TTC).` : `Devis ${number} accepté.`,
      plan.exceedReason ? `Dépassement du devis : ${plan.exceedReason}` : null,
    ]
      .filter(Boolean)
      .join('\n');
    const invoice = await createDraftInvoice(
      tx,
      actor,
      {
        kind: body.kind === 'deposit' ? 'deposit' : 'invoice',
        activityId: quote.activityId,
        clientId: quote.clientId,
        // The invoice belongs to the quote's job: its revenue is split as the job says.
        jobId: quote.jobId,
        operationCategory: 'services',
        serviceDate: body.kind === 'deposit' ? null : today,
        notes,
        lines,
      },
      {
        orderReference: order,
        ...(split ? { vatSplit: split } : {}),
        ...(finalAfterDeposits ? { deductedDepositIds: earlier.map((e) => e.invoiceId) } : {}),
      },
    );
    // What the draft really carries per VAT group (its VAT is computed on its own bases) is what
    // the quote counts as invoiced; a final invoice carries the whole quote, less its deposits.
    const full = computeTotals({ lines: lines.map(totalsLineOf) });
    const groups = full.vatBreakdown
      .map((g) => {
        const deducted = finalAfterDeposits ? already.filter((a) => keyOf(a) === keyOf(g)) : [];
        return { vatCategory: g.vatCategory, vatRateBp: g.vatRateBp, basisCents: g.basisCents - sumOf(deducted.map((d) => d.basisCents)), vatCents: g.vatCents - sumOf(deducted.map((d) => d.vatCents)) };
      })
      .filter((g) => !finalAfterDeposits || g.basisCents !== 0 || g.vatCents !== 0);
    const totals = { taxBasisCents: sumOf(groups.map((g) => g.basisCents)), vatTotalCents: sumOf(groups.map((g) => g.vatCents)) };
    const grandTotalCents = totals.taxBasisCents + totals.vatTotalCents;
    const [link] = await tx
      .insert(quoteInvoices)
      .values({
        coopId: actor.coopId,
        quoteId: id,
        invoiceId: invoice.id,
        kind: body.kind,
        groups,
        netCents: totals.taxBasisCents,
        vatCents: totals.vatTotalCents,
        excessNetCents: plan.excessNetCents,
        exceedReason: plan.exceedReason ?? null,
      })
      .returning();
    await recordAudit(tx, actor, { action: 'quote.invoiced', entityType: 'quote', entityId: id, after: { ...link! } });
    return {
      invoiceId: invoice.id,
      netCents: totals.taxBasisCents,
      vatCents: totals.vatTotalCents,
      grossCents: grandTotalCents,
      excessNetCents: plan.excessNetCents,
      remainingNetCents: plan.remainingNetCents,
    };
  });
}
