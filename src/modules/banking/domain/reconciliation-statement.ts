/** A movement of the bank the ledger does not hold yet (or holds on no bank line). */
export interface BankOnlyItem {
  lineId: string;
  date: string;
  label: string;
  amountCents: number;
  /** `ignored`: set aside by staff, it still moved the bank. */
  status: 'unmatched' | 'ignored';
}

/** A line of the bank's ledger account the bank has not shown yet (a cheque not yet cashed…). */
export interface LedgerOnlyItem {
  entryId: string;
  entryNumber: number;
  date: string;
  label: string;
  /** Debit minus credit on the bank's account: money the books expect in (+) or out (-). */
  amountCents: number;
}

export interface ReconciliationInput {
  /** The closing balance of the last statement on or before the date; null when none states one. */
  bankBalanceCents: number | null;
  ledgerLines: readonly (LedgerOnlyItem & { reversesEntryId: string | null; seenOnBank: boolean })[];
  bankLines: readonly { lineId: string; date: string; label: string; amountCents: number; status: 'unmatched' | 'ignored' | 'matched' | 'booked' }[];
}

export interface ReconciliationStatement {
  bankBalanceCents: number | null;
  ledgerBalanceCents: number;
  bankOnly: BankOnlyItem[];
  ledgerOnly: LedgerOnlyItem[];
  /** The ledger balance plus what only the bank shows, minus what only the books hold: the bank balance when all is explained. */
  explainedBalanceCents: number;
  /** Bank balance minus the explained balance: 0 when the statement balances; null without a bank balance. */
  differenceCents: number | null;
}

/**
 * The état de rapprochement bancaire: why the bank's balance and the books' differ at a date.
 * Bank balance = ledger balance + movements only the bank shows − lines only the books hold.
 * An entry cancelled by a reversal (a payment cancelled, a debit unbooked) and its reversal
 * net to nothing and never reached the bank: both are left out of the items.
 */
export function reconciliationStatement(input: ReconciliationInput): ReconciliationStatement {
  const ledgerBalanceCents = input.ledgerLines.reduce((sum, l) => sum + l.amountCents, 0);
  const reversed = new Set(input.ledgerLines.flatMap((l) => (l.reversesEntryId ? [l.reversesEntryId] : [])));
  const ledgerOnly = input.ledgerLines
    .filter((l) => !l.seenOnBank && !l.reversesEntryId && !reversed.has(l.entryId))
    .map(({ entryId, entryNumber, date, label, amountCents }) => ({ entryId, entryNumber, date, label, amountCents }));
  // A reversal whose entry is outside the lines read (an earlier date cannot be: reversals
  // are dated on or after their entry) is kept, so the items still add up.
  const present = new Set(input.ledgerLines.map((l) => l.entryId));
  for (const l of input.ledgerLines) {
    if (l.reversesEntryId && !present.has(l.reversesEntryId) && !l.seenOnBank) {
      ledgerOnly.push({ entryId: l.entryId, entryNumber: l.entryNumber, date: l.date, label: l.label, amountCents: l.amountCents });
    }
  }
  const bankOnly = input.bankLines
    .filter((l): l is typeof l & { status: 'unmatched' | 'ignored' } => l.status === 'unmatched' || l.status === 'ignored')
    .map(({ lineId, date, label, amountCents, status }) => ({ lineId, date, label, amountCents, status }));
  const explainedBalanceCents =
    ledgerBalanceCents + bankOnly.reduce((sum, l) => sum + l.amountCents, 0) - ledgerOnly.reduce((sum, l) => sum + l.amountCents, 0);
  return {
    bankBalanceCents: input.bankBalanceCents,
    ledgerBalanceCents,
    bankOnly,
    ledgerOnly,
    explainedBalanceCents,
    differenceCents: input.bankBalanceCents === null ? null : input.bankBalanceCents - explainedBalanceCents,
  };
}
