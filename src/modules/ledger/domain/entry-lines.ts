import type { LocalizedText } from '../../../platform/errors.js';

export interface EntryLine {
  account: string;
  debitCents?: number;
  creditCents?: number;
  activityId?: string | null;
  label?: string | null;
  /** The third party of a 411 (401) line: its auxiliary account is opened on first use. */
  auxiliary?: { kind: 'client' | 'supplier'; partyId: string; label: string } | null;
  /** The invoice a 411 line belongs to, so that it is lettered with the lines settling it. */
  letteringKey?: string | null;
}

export interface LineProblem {
  /** The field it concerns, relative to the entry: 'lines' or 'lines.2.debitCents'. */
  path: string;
  message: LocalizedText;
}

/** Largest amount of a line: far below 2^53 cents, so sums stay exact in JavaScript numbers. */
export const MAX_LINE_CENTS = 100_000_000_000_00;

/**
 * Why the lines cannot make a double-entry record, or null when they can: at least two
 * lines, each a debit or a credit (one, strictly positive, in whole cents), and the
 * debits equal to the credits (the fundamental rule of double entry, PCG art. 911-1).
 * The database checks the balance again at commit.
 */
export function entryLinesProblem(lines: readonly EntryLine[]): LineProblem | null {
  if (lines.length < 2) {
    return { path: 'lines', message: { fr: 'Une écriture compte au moins deux lignes.', en: 'An entry has at least two lines.' } };
  }
  let debit = 0;
  let credit = 0;
  for (const [i, line] of lines.entries()) {
    const d = line.debitCents ?? 0;
    const c = line.creditCents ?? 0;
    if (!Number.isInteger(d) || !Number.isInteger(c) || d < 0 || c < 0 || d > MAX_LINE_CENTS || c > MAX_LINE_CENTS) {
      return { path: `lines.${i}`, message: { fr: 'Montant invalide (centimes entiers, positifs).', en: 'Invalid amount (whole, positive cents).' } };
    }
    if ((d > 0) === (c > 0)) {
      return { path: `lines.${i}`, message: { fr: 'Une ligne porte soit un débit, soit un crédit.', en: 'A line carries either a debit or a credit.' } };
    }
    debit += d;
    credit += c;
  }
  if (debit !== credit) {
    return {
      path: 'lines',
      message: { fr: `Écriture déséquilibrée : débit ${debit} ≠ crédit ${credit} (centimes).`, en: `Unbalanced entry: debit ${debit} ≠ credit ${credit} (cents).` },
    };
  }
  return null;
}

/** Throws unless the lines make a balanced entry (see `entryLinesProblem`). */
export function assertBalanced(lines: readonly EntryLine[]): void {
  const problem = entryLinesProblem(lines);
  if (problem) throw new Error(problem.message.en);
}

/** The lines of the entry that cancels another: each debit becomes a credit and back. */
export function reverseLines<L extends EntryLine>(lines: readonly L[]): L[] {
  return lines.map((line) => ({ ...line, debitCents: line.creditCents ?? 0, creditCents: line.debitCents ?? 0 }));
}

export interface Movement {
  debitCents: number;
  creditCents: number;
}

/** Debit minus credit: positive is a debit balance (solde débiteur), negative a credit one. */
export const balanceOf = (m: Movement): number => m.debitCents - m.creditCents;

/** The debit or credit column a balance is shown in. */
export function splitBalance(balanceCents: number): { debitBalanceCents: number; creditBalanceCents: number } {
  return balanceCents >= 0 ? { debitBalanceCents: balanceCents, creditBalanceCents: 0 } : { debitBalanceCents: 0, creditBalanceCents: -balanceCents };
}

/** Totals of several movements. */
export function sumMovements(rows: readonly Movement[]): Movement {
  let debitCents = 0;
  let creditCents = 0;
  for (const r of rows) {
    debitCents += r.debitCents;
    creditCents += r.creditCents;
  }
  return { debitCents, creditCents };
}
