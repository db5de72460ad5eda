import { formatFrenchDate } from '../../documents/index.js';
import type { PlannedGroup } from './invoicing-plan.js';

export type QuoteInvoiceKind = 'whole' | 'deposit' | 'stage' | 'balance';

export interface PlanLine {
  description: string;
  quantityMilli: number;
  unit: string;
  unitPriceCents: number;
  vatCategory: PlannedGroup['vatCategory'];
  vatRateBp: number;
  exemptionReason: string | null;
}

const percentText = (bp: number) => `${(bp / 100).toLocaleString('fr-FR', { maximumFractionDigits: 2 })} %`;

function rateText(g: Pick<PlannedGroup, 'vatCategory' | 'vatRateBp'>): string {
  return g.vatCategory === 'S' ? `TVA ${percentText(g.vatRateBp)}` : 'sans TVA';
}

/**
 * One invoice line per VAT group of the plan, so each rate of the quote appears with its own
 * basis (the VAT of a deposit is due at the rate of the work it pays for, CGI art. 269-2-c).
 * The label names the quote and its date: the invoice must be traceable to the offer the
 * client accepted ("Acompte de 30 % sur devis D2026-0001 du 12/01/2026 — TVA 20 %").
 */
export function invoiceLinesOfPlan(
  groups: readonly Pick<PlannedGroup, 'vatCategory' | 'vatRateBp' | 'basisCents'>[],
  context: { kind: QuoteInvoiceKind; quoteNumber: string; quoteDate: string; percentBp?: number; exemptionReasons: ReadonlyMap<string, string> },
): PlanLine[] {
  const what =
    context.kind === 'deposit'
      ? context.percentBp !== undefined
        ? `Acompte de ${percentText(context.percentBp)}`
        : 'Acompte'
      : context.kind === 'stage'
        ? `Situation ${percentText(context.percentBp ?? 0)}`
        : context.kind === 'balance'
          ? 'Solde'
          : 'Total';
  return groups
    .filter((g) => g.basisCents > 0)
    .map((g) => ({
      description: `${what} sur devis ${context.quoteNumber} du ${formatFrenchDate(context.quoteDate)} — ${rateText(g)}`,
      quantityMilli: 1000,
      unit: 'C62',
      unitPriceCents: g.basisCents,
      vatCategory: g.vatCategory,
      vatRateBp: g.vatRateBp,
      exemptionReason: context.exemptionReasons.get(`${g.vatCategory}/${g.vatRateBp}`) ?? null,
    }));
}
