import { describe, expect, it } from 'vitest';
import { hledgerAmount, hledgerTransaction } from './hledger.js';

describe('the hledger journal format', () => {
  it('writes signed amounts with a decimal point', () => {
    expect(hledgerAmount(120_050)).toBe('1200.50');
    expect(hledgerAmount(-5)).toBe('-0.05');
  });

  it('writes an entry as a transaction: code, description, one posting per line, the activity as a tag', () => {
    const text = hledgerTransaction({
      date: '2026-03-05',
      journalCode: 'VT',
      number: 12,
      label: 'Facture F-7; Martin\n',
      sourceType: 'invoice',
      lines: [
        { account: '411', auxiliaryNumber: 'C00042', activityCode: 'ACT1', debitCents: 1200, creditCents: 0, label: null },
        { account: '706', auxiliaryNumber: null, activityCode: null, debitCents: 0, creditCents: 1200, label: 'TVA: 20 %' },
      ],
    });
    expect(text).toBe(
      '2026-03-05 * (VT12) Facture F-7 Martin  ; journal:VT, source:invoice\n' +
        '    411:C00042    12.00 EUR  ; activity:ACT1\n' +
        '    706    -12.00 EUR  ; TVA  20 %\n\n',
    );
  });
});
