import type { LocalizedText } from '../../../platform/errors.js';

export interface FiscalYearSpan {
  id: string;
  startDate: string;
  endDate: string;
  closedAt: Date | null;
}

/** The calendar year of a day, the default fiscal year of a new coop. */
export function calendarYearOf(today: string): { startDate: string; endDate: string } {
  const year = today.slice(0, 4);
  return { startDate: `${year}-01-01`, endDate: `${year}-12-31` };
}

/** The fiscal year a day falls in (years never overlap: the database forbids it). */
export function yearContaining<Y extends FiscalYearSpan>(years: readonly Y[], day: string): Y | undefined {
  return years.find((y) => y.startDate <= day && day <= y.endDate);
}

/** Whole months between two dates, to bound a fiscal year's length. */
function monthsSpanned(startDate: string, endDate: string): number {
  const [sy, sm] = startDate.split('-').map(Number) as [number, number];
  const [ey, em] = endDate.split('-').map(Number) as [number, number];
  return (ey - sy) * 12 + (em - sm) + 1;
}

/**
 * Why a new fiscal year cannot be opened, or null. A fiscal year lasts 24 months at most
 * (a first, long year is allowed by the Code de commerce, art. L123-12; usual ones last 12).
 */
export function newFiscalYearProblem(startDate: string, endDate: string): { path: string; message: LocalizedText } | null {
  if (endDate < startDate) {
    return { path: 'endDate', message: { fr: "La fin de l'exercice précède son début.", en: 'The fiscal year ends before it starts.' } };
  }
  if (monthsSpanned(startDate, endDate) > 24) {
    return { path: 'endDate', message: { fr: 'Un exercice dure 24 mois au plus.', en: 'A fiscal year lasts 24 months at most.' } };
  }
  return null;
}

/**
 * Why a fiscal year cannot be closed, or null: it must be over (closing freezes its
 * entries for good) and every earlier year closed first, so years close in order.
 */
export function closeProblem(year: FiscalYearSpan, years: readonly FiscalYearSpan[], today: string): LocalizedText | null {
  if (year.closedAt) return { fr: 'Cet exercice est déjà clôturé.', en: 'This fiscal year is already closed.' };
  if (today <= year.endDate) return { fr: "Un exercice ne se clôture qu'après sa date de fin.", en: 'A fiscal year closes only after its end date.' };
  if (years.some((y) => y.endDate < year.startDate && !y.closedAt)) {
    return { fr: "Clôturez d'abord les exercices précédents.", en: 'Close the earlier fiscal years first.' };
  }
  return null;
}

/** The day after a 'YYYY-MM-DD' date: where the next fiscal year starts. */
export function dayAfter(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The day before a 'YYYY-MM-DD' date: where the previous fiscal year ends. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The lines of an opening entry (à-nouveaux) from the balances at the end of the closed year:
 * balance-sheet accounts (classes 1 to 5) carried as they stand, per auxiliary account; the
 * income statement (classes 6 and 7, and what 120 holds already) summed into 120, the result
 * waiting for the assembly to assign it (PCG art. 941-12). Balanced whenever the balances are,
 * since every class is counted once. `resultAccount` is the result line's account ('120').
 */
export function openingLines<B extends { account: string; auxiliaryNumber: string | null; balanceCents: number }>(
  balances: readonly B[],
  resultAccount: string,
): { account: string; auxiliaryNumber: string | null; debitCents?: number; creditCents?: number }[] {
  const side = (cents: number) => (cents > 0 ? { debitCents: cents } : { creditCents: -cents });
  const lines: { account: string; auxiliaryNumber: string | null; debitCents?: number; creditCents?: number }[] = [];
  let resultCents = 0;
  for (const b of balances) {
    const carried = /^[1-5]/.test(b.account) && b.account !== resultAccount;
    if (!carried) resultCents += b.balanceCents;
    else if (b.balanceCents !== 0) lines.push({ account: b.account, auxiliaryNumber: b.auxiliaryNumber, ...side(b.balanceCents) });
  }
  if (resultCents !== 0) lines.push({ account: resultAccount, auxiliaryNumber: null, ...side(resultCents) });
  return lines;
}
