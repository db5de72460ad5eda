import { describe, expect, it } from 'vitest';
import { rankRecordedReceipts, type LineToConfirm, type RecordedReceipt } from './rank-recorded-receipts.js';

const remittanceLine: LineToConfirm = { amountCents: 100_000, bookingDate: '2026-11-12', label: 'REMISE CHEQUE 0098765 BOULANGERIE LES TROIS EPIS', reference: '', counterpartyName: null };

const cheque = (over: Partial<Extract<RecordedReceipt, { kind: 'payment' }>> = {}): Extract<RecordedReceipt, { kind: 'payment' }> => ({
  kind: 'payment',
  id: 'p-cheque',
  amountCents: 100_000,
  date: '2026-11-08',
  mode: 'cheque',
  reference: 'Chèque n° 0098765',
  clientName: 'Boulangerie Les Trois Épis',
  ...over,
});

describe('proposing the payments already recorded for a bank credit', () => {
  it('the cheque recorded by hand is proposed for "REMISE CHEQUE 0098765 … 1000,00", with its number as reason', () => {
    const [first] = rankRecordedReceipts(remittanceLine, [cheque()]);
    expect(first?.receipt.id).toBe('p-cheque');
    expect(first!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['EXACT_AMOUNT', 'REFERENCE', 'CLIENT_NAME', 'MODE', 'DATE_CLOSE']));
    expect(first!.confidence).toBeGreaterThan(0.9);
  });

  it('a payment of another amount is never proposed', () => {
    expect(rankRecordedReceipts(remittanceLine, [cheque({ amountCents: 99_999 })])).toEqual([]);
  });

  it('a debit line confirms no payment', () => {
    expect(rankRecordedReceipts({ ...remittanceLine, amountCents: -100_000 }, [cheque({ amountCents: -100_000 })])).toEqual([]);
  });

  it('of two payments of the same amount, the one whose cheque number is in the label comes first', () => {
    const other = cheque({ id: 'p-other', reference: 'Chèque n° 1234567', clientName: 'Hôtel du Parc', date: '2026-11-11' });
    const ranked = rankRecordedReceipts(remittanceLine, [other, cheque()]);
    expect(ranked.map((r) => r.receipt.id)).toEqual(['p-cheque', 'p-other']);
  });

  it('reads the cheque number without its leading zeros', () => {
    const [first] = rankRecordedReceipts({ ...remittanceLine, label: 'REM CHQ 98765' }, [cheque()]);
    expect(first!.reasons.map((r) => r.code)).toContain('REFERENCE');
  });

  it('on equal evidence, the payment recorded closer to the bank date comes first', () => {
    const line = { ...remittanceLine, label: 'REMISE CHEQUE' };
    const old = cheque({ id: 'p-old', reference: null, clientName: 'Autre', date: '2026-09-01' });
    const recent = cheque({ id: 'p-recent', reference: null, clientName: 'Autre', date: '2026-11-10' });
    expect(rankRecordedReceipts(line, [old, recent]).map((r) => r.receipt.id)).toEqual(['p-recent', 'p-old']);
  });

  it('a payment recorded well after the bank credited it is less likely the same money', () => {
    const line = { ...remittanceLine, label: 'REMISE CHEQUE' };
    const after = cheque({ id: 'p-after', reference: null, clientName: 'Autre', date: '2026-12-20' });
    const before = cheque({ id: 'p-before', reference: null, clientName: 'Autre', date: '2026-11-05' });
    const ranked = rankRecordedReceipts(line, [after, before]);
    expect(ranked.map((r) => r.receipt.id)).toEqual(['p-before', 'p-after']);
    expect(ranked[1]!.reasons.map((r) => r.code)).toContain('DATE_BEFORE');
  });

  it('a remittance slip is proposed for a bank line of its total, by the cheque numbers it holds', () => {
    const slip: RecordedReceipt = { kind: 'remittance', id: 's-1', amountCents: 100_000, date: '2026-11-10', number: 3, chequeReferences: ['0098765', '555'], clientNames: ['Boulangerie Les Trois Épis'] };
    const [first] = rankRecordedReceipts(remittanceLine, [slip]);
    expect(first?.receipt.id).toBe('s-1');
    expect(first!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['REFERENCE', 'MODE']));
  });
});
