import { formatEuros, formatFrenchDate, formatVatRate, scaledToDecimal } from './french-format.js';
import type { DeductedDeposit, DepositVatSplit, OrderReference } from './document-model.js';

/**
 * What a deposit or final invoice says about its order, as text for the PDF and the notes of
 * the Factur-X XML. A deposit is invoiced when it is asked (CGI art. 289 I-1-c) and its
 * invoice names the order it is paid on and what is ordered; the final invoice restates the
 * whole service and lists the deposit invoices it deducts, so the client sees the order
 * invoiced once.
 */

/** "Commande : devis N° D2026-0001 du 12/01/2026". */
export const orderText = (order: Pick<OrderReference, 'number' | 'issueDate'>) => `Commande : devis N° ${order.number} du ${formatFrenchDate(order.issueDate)}`;

/** "Commande : devis N° D2026-0001 du 12/01/2026 — Conception ; Développement (6 000,00 € HT, 7 200,00 € TTC)." */
export function orderSummaryText(order: OrderReference): string {
  const what = order.summary?.length ? ` — objet : ${order.summary.join(' ; ')}` : '';
  const amounts = order.netCents !== undefined && order.grossCents !== undefined ? ` (total de la commande ${formatEuros(order.netCents)} HT, ${formatEuros(order.grossCents)} TTC)` : '';
  return `${orderText(order)}${what}${amounts}.`;
}

/** "Acompte déduit : facture N° F2026-00003 du 15/01/2026, 2 130,00 € TTC (1 800,00 € HT, TVA 330,00 €)." */
export const deductedDepositText = (d: DeductedDeposit) =>
  `Acompte déduit : facture N° ${d.number} du ${formatFrenchDate(d.issueDate)}, ${formatEuros(d.grossCents)} TTC (${formatEuros(d.netCents)} HT, TVA ${formatEuros(d.vatCents)}).`;

/** The rates whose share is not their own rounded share: where a cent moved. */
export const movedShares = (split: DepositVatSplit) => split.groups.filter((g) => g.basisCents !== g.proportionalCents);

const rateLabel = (g: DepositVatSplit['groups'][number]) => (g.vatCategory === 'S' ? `à ${formatVatRate(g.vatRateBp)}` : 'sans TVA');

/**
 * Why a deposit's share of a rate is not exactly that rate's share of the order, or null when
 * every share is its own rounding. Each rate's share is rounded to the cent; when the rounded
 * shares do not add up to the deposit asked for, or would make the VAT of the final invoice
 * miss the quote's by a cent, the cent goes to another rate (see quotes/domain/invoicing-plan
 * and vat-exact-shares): the client sees it next to the VAT, where it would read as an error.
 */
export function vatSplitText(split: DepositVatSplit): string | null {
  const moved = movedShares(split);
  if (moved.length === 0) return null;
  const asked = split.percentBp !== undefined ? `${scaledToDecimal(split.percentBp, 2, ',')}\u00a0%` : `${formatEuros(split.netCents)} HT`;
  const parts = moved.map((g) => `part ${rateLabel(g)} : ${formatEuros(g.basisCents)} au lieu de ${formatEuros(g.proportionalCents)}`).join(' ; ');
  return `Acompte de ${asked} réparti entre les taux de TVA au prorata de la commande, chaque part arrondie au centime (${parts}) : un centime passe d'un taux à l'autre pour que les parts fassent exactement ${formatEuros(split.netCents)} HT et que la TVA des factures suivantes retombe juste sur celle du devis.`;
}
