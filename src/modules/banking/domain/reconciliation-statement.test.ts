import { describe, expect, it } from 'vitest';
import { reconciliationStatement } from './reconciliation-statement.js';

const ledger = (entryId: string, amountCents: number, seenOnBank: boolean, reversesEntryId: string | null = null) => ({
  entryId,
  entryNumber: 1,
  reversesEntryId,
  date: '2026-11-10',
  label: entryId,
  amountCents,
  seenOnBank,
});
const bank = (lineId: string, amountCents: number, status: 'unmatched' | 'ignored' | 'matched' | 'booked') => ({ lineId, date: '2026-11-12', label: lineId, amountCents, status });

describe('the bank reconciliation statement (état de rapprochement)', () => {
  it('balances when every difference is a bank line not booked or a book entry not on the bank', () => {
    const result = reconciliationStatement({
      bankBalanceCents: 100_000 + 25_000 - 1_250,
      ledgerLines: [ledger('opening', 100_000, true), ledger('transfer', 25_000, true), ledger('cheque', 30_000, false)],
      bankLines: [bank('transfer', 25_000, 'matched'), bank('fee', -1_250, 'unmatched')],
    });
    expect(result.ledgerBalanceCents).toBe(155_000);
    expect(result.bankOnly.map((l) => [l.lineId, l.amountCents])).toEqual([['fee', -1_250]]);
    expect(result.ledgerOnly.map((l) => [l.entryId, l.amountCents])).toEqual([['cheque', 30_000]]);
    expect(result.explainedBalanceCents).toBe(123_750);
    expect(result.differenceCents).toBe(0);
  });

  it('leaves out an entry cancelled by its reversal, and counts an ignored line as a bank movement', () => {
    const result = reconciliationStatement({
      bankBalanceCents: -500,
      ledgerLines: [ledger('booked', -1_250, false), ledger('reversal', 1_250, false, 'booked')],
      bankLines: [bank('fee', -1_250, 'unmatched'), bank('transfer-out', 750, 'ignored')],
    });
    expect(result.ledgerOnly).toEqual([]);
    expect(result.bankOnly.map((l) => l.status)).toEqual(['unmatched', 'ignored']);
    expect(result.differenceCents).toBe(0);
  });

  it('shows what is left unexplained, and no difference without a bank balance', () => {
    expect(reconciliationStatement({ bankBalanceCents: 1_000, ledgerLines: [], bankLines: [] }).differenceCents).toBe(1_000);
    expect(reconciliationStatement({ bankBalanceCents: null, ledgerLines: [ledger('x', 10, false)], bankLines: [] }).differenceCents).toBeNull();
  });
});
