/** A line of a supplier invoice typed by hand. */
export interface EnteredLine {
  netCents: number;
  vatRateBp: number;
  vatCents: number;
}

export interface EnteredProblem {
  path: string;
  fr: string;
  en: string;
}

/**
 * The checks of an invoice typed by hand, the same a received e-invoice passes: each line's
 * VAT is its net times its rate (within the cent a supplier may round per line), and the
 * printed totals are the sums of the lines (HT, TVA, and TTC = HT + TVA).
 */
export function enteredTotalsProblem(input: { lines: EnteredLine[]; netCents: number; vatCents: number; grossCents: number }): EnteredProblem | null {
  for (const [i, l] of input.lines.entries()) {
    const expected = Math.round((l.netCents * l.vatRateBp) / 10000);
    if (Math.abs(expected - l.vatCents) > 1) return { path: `lines.${i}.vatCents`, fr: `TVA de la ligne ${i + 1} ≠ HT × taux (${(expected / 100).toFixed(2)}).`, en: `VAT of line ${i + 1} ≠ net × rate (${(expected / 100).toFixed(2)}).` };
  }
  const net = input.lines.reduce((s, l) => s + l.netCents, 0);
  const vat = input.lines.reduce((s, l) => s + l.vatCents, 0);
  if (net !== input.netCents) return { path: 'netCents', fr: `Total HT ≠ somme des lignes (${(net / 100).toFixed(2)}).`, en: `Total excl. VAT ≠ sum of the lines (${(net / 100).toFixed(2)}).` };
  if (vat !== input.vatCents) return { path: 'vatCents', fr: `Total TVA ≠ somme des lignes (${(vat / 100).toFixed(2)}).`, en: `VAT total ≠ sum of the lines (${(vat / 100).toFixed(2)}).` };
  if (input.grossCents !== net + vat) return { path: 'grossCents', fr: 'Total TTC ≠ HT + TVA.', en: 'Total incl. VAT ≠ net + VAT.' };
  if (input.grossCents <= 0) return { path: 'grossCents', fr: 'Le total doit être positif.', en: 'The total must be positive.' };
  return null;
}
