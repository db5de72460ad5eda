import { describe, expect, it } from 'vitest';
import { entryLinesProblem, type EntryLine } from './entry-lines.js';
import { ACCOUNTS, bankDebitEntry, creditNoteEntry, paymentEntry, salesEntry, type Sale } from './posting-rules.js';
import { defaultChartOfAccounts, defaultJournals } from './chart-of-accounts.js';

const ACTIVITY = '7b0f4a52-0c1e-4d6b-9d8e-2f1a3b4c5d6e';
const OTHER = '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

const sums = (lines: readonly EntryLine[]) => ({
  debit: lines.reduce((s, l) => s + (l.debitCents ?? 0), 0),
  credit: lines.reduce((s, l) => s + (l.creditCents ?? 0), 0),
});

/** 1 000 € at 20 %, 200 € at 5.5 %, 50 € exempt: 1 250 € net, 211 € VAT. */
const sale: Sale = {
  activityId: ACTIVITY,
  netCents: 125_000,
  grossCents: 146_100,
  vatByRate: [
    { rateBp: 2000, vatCents: 20_000 },
    { rateBp: 550, vatCents: 1_100 },
    { rateBp: 0, vatCents: 0 },
  ],
};

describe('the sales entry of an invoice', () => {
  it('debits the client with the gross and credits revenue and the VAT of each rate, on the activity', () => {
    expect(salesEntry(sale)).toEqual({
      journal: 'VT',
      lines: [
        { account: '411', activityId: ACTIVITY, debitCents: 146_100 },
        { account: '706', activityId: ACTIVITY, creditCents: 125_000 },
        { account: '44571', activityId: ACTIVITY, creditCents: 20_000, label: 'TVA 20 %' },
        { account: '44571', activityId: ACTIVITY, creditCents: 1_100, label: 'TVA 5.5 %' },
      ],
    });
  });

  it('balances, and an exempt sale has no VAT line', () => {
    expect(entryLinesProblem(salesEntry(sale).lines)).toBeNull();
    const exempt = salesEntry({ activityId: ACTIVITY, netCents: 40_000, grossCents: 40_000, vatByRate: [{ rateBp: 0, vatCents: 0 }] });
    expect(exempt.lines.map((l) => l.account)).toEqual(['411', '706']);
    expect(entryLinesProblem(exempt.lines)).toBeNull();
  });
});

describe('the entry of a credit note', () => {
  it('posts the same accounts as the sale with the sides swapped, so the two cancel out', () => {
    const credit = creditNoteEntry(sale);
    expect(credit.journal).toBe('VT');
    expect(entryLinesProblem(credit.lines)).toBeNull();
    expect(credit.lines).toEqual(
      salesEntry(sale).lines.map(({ debitCents, creditCents, ...rest }) => ({ ...rest, ...(debitCents ? { creditCents: debitCents } : { debitCents: creditCents }) })),
    );
    const both = [...salesEntry(sale).lines, ...credit.lines];
    for (const account of ['411', '706', '44571']) {
      const { debit, credit: c } = sums(both.filter((l) => l.account === account));
      expect(debit).toBe(c);
    }
  });
});

describe('the entry of a payment', () => {
  it('debits the bank and credits each settled invoice on its activity, named by its number', () => {
    const posting = paymentEntry({
      amountCents: 30_000,
      settled: [
        { activityId: ACTIVITY, invoiceNumber: 'F2026-00001', amountCents: 12_000 },
        { activityId: OTHER, invoiceNumber: 'F2026-00002', amountCents: 18_000 },
      ],
    });
    expect(posting).toEqual({
      journal: 'BQ',
      lines: [
        { account: '512', debitCents: 30_000 },
        { account: '411', creditCents: 12_000, activityId: ACTIVITY, label: 'F2026-00001' },
        { account: '411', creditCents: 18_000, activityId: OTHER, label: 'F2026-00002' },
      ],
    });
    expect(entryLinesProblem(posting.lines)).toBeNull();
  });

  it('leaves an over-payment on the client’s account, with no activity', () => {
    const posting = paymentEntry({ amountCents: 50_000, settled: [{ activityId: ACTIVITY, invoiceNumber: 'F2026-00003', amountCents: 20_000 }] });
    expect(posting.lines.at(-1)).toEqual({ account: '411', creditCents: 30_000, label: 'Avoir client (trop-perçu)' });
    expect(entryLinesProblem(posting.lines)).toBeNull();
    const unallocated = paymentEntry({ amountCents: 7_000, settled: [] });
    expect(unallocated.lines).toEqual([{ account: '512', debitCents: 7_000 }, { account: '411', creditCents: 7_000, label: 'Avoir client (trop-perçu)' }]);
  });
});

describe('the named accounts and journals', () => {
  it('are all in the chart and the journals every coop gets', () => {
    const chart = new Set(defaultChartOfAccounts().map((a) => a.number));
    for (const number of Object.values(ACCOUNTS)) expect(chart).toContain(number);
    const journals = new Set(defaultJournals().map((j) => j.code));
    expect(journals).toContain(salesEntry(sale).journal);
    expect(journals).toContain(paymentEntry({ amountCents: 1, settled: [] }).journal);
  });
});

describe('the entry of a bank debit', () => {
  it('debits the account net of VAT on the activity, 44566 with the VAT, and credits the bank sub-account with the whole amount', () => {
    const entry = bankDebitEntry({ bankAccount: '5121', journal: 'BQ2', account: '6064', amountCents: 12_000, vatCents: 2_000, activityId: 'a1', lineLabel: null });
    expect(entry.journal).toBe('BQ2');
    expect(entry.lines).toEqual([
      { account: '6064', debitCents: 10_000, activityId: 'a1', label: null },
      { account: '44566', debitCents: 2_000, activityId: 'a1', label: 'TVA déductible' },
      { account: '5121', creditCents: 12_000 },
    ]);
  });

  it('has no VAT line when no VAT is deducted, and names the supplier on 401', () => {
    const entry = bankDebitEntry({ bankAccount: '512', journal: 'BQ', account: '401', amountCents: 5_000, vatCents: 0, activityId: null, lineLabel: 'Papeterie Dupont' });
    expect(entry.lines).toEqual([
      { account: '401', debitCents: 5_000, activityId: null, label: 'Papeterie Dupont' },
      { account: '512', creditCents: 5_000 },
    ]);
  });
});
