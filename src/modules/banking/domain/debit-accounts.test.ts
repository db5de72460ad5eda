import { describe, expect, it } from 'vitest';
import { DEBIT_ACCOUNTS, debitAccountOf } from './debit-accounts.js';
import { maskIban } from './mask-iban.js';
import { vatOfGross } from './debit-vat.js';

describe('the accounts a bank debit may be booked to', () => {
  it('offers the social bodies, bank charges, suppliers and charges, each labelled in French and English', () => {
    for (const number of ['431', '437', '627', '401', '6064']) expect(debitAccountOf(number)).toBeDefined();
    for (const a of DEBIT_ACCOUNTS) expect(a.label.fr && a.label.en).toBeTruthy();
  });

  it('asks a third party on 401 and 411 only, and lets only charges carry deductible VAT', () => {
    expect(DEBIT_ACCOUNTS.filter((a) => a.needsThirdParty).map((a) => a.number)).toEqual(['401', '411']);
    expect(debitAccountOf('627')!.mayDeductVat).toBe(true);
    expect(debitAccountOf('431')!.mayDeductVat).toBe(false);
  });

  it('never books a debit to the bank, capital or revenue', () => {
    for (const number of ['512', '101', '706', '44571']) expect(debitAccountOf(number)).toBeUndefined();
  });
});

describe('deductible VAT inside a paid amount', () => {
  it('takes 20 % VAT out of 120.00 as 20.00, and rounds to the cent', () => {
    expect(vatOfGross(12_000, 2_000)).toBe(2_000);
    expect(vatOfGross(1_250, 2_000)).toBe(208);
    expect(vatOfGross(1_000, 550)).toBe(52);
  });
});

describe('an IBAN in a message', () => {
  it('shows only its last four characters', () => {
    expect(maskIban('CH93 0076 2011 6238 5295 7')).toBe('••••2957');
  });
});
