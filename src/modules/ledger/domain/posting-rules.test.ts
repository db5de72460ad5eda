import { describe, expect, it } from 'vitest';
import { entryLinesProblem, type EntryLine } from './entry-lines.js';
import { ACCOUNTS, bankDebitEntry, clearingEntry, commissionEntry, creditNoteEntry, depositCreditNoteEntry, depositInvoiceEntry, paymentEntry, salesEntry, type Sale } from './posting-rules.js';
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

/** A quote of 5 000 € at 20 % and 1 000 € at 10 % (1 100 € VAT), a 30 % deposit, then the final invoice. */
const order = {
  deposit: { activityId: ACTIVITY, netCents: 180_000, grossCents: 213_000, vatByRate: [{ rateBp: 2000, vatCents: 30_000 }, { rateBp: 1000, vatCents: 3_000 }] },
  services: { activityId: ACTIVITY, netCents: 600_000, grossCents: 710_000, vatByRate: [{ rateBp: 2000, vatCents: 100_000 }, { rateBp: 1000, vatCents: 10_000 }] },
} satisfies Record<string, Sale>;

const balanceOf = (lines: readonly EntryLine[], account: string) => {
  const { debit, credit } = sums(lines.filter((l) => l.account === account));
  return debit - credit;
};

describe('deposits and the final invoice of an order', () => {
  it('books a deposit invoice to 4191 (advances received on orders), not to revenue, with its VAT per rate', () => {
    const posting = depositInvoiceEntry(order.deposit);
    expect(posting).toEqual({
      journal: 'VT',
      lines: [
        { account: '411', activityId: ACTIVITY, debitCents: 213_000 },
        { account: '4191', activityId: ACTIVITY, creditCents: 180_000 },
        { account: '44571', activityId: ACTIVITY, creditCents: 30_000, label: 'TVA 20 %' },
        { account: '44571', activityId: ACTIVITY, creditCents: 3_000, label: 'TVA 10 %' },
      ],
    });
    expect(entryLinesProblem(posting.lines)).toBeNull();
  });

  it('the final invoice clears 4191, credits 706 with the whole service and only the VAT not yet collected', () => {
    const posting = salesEntry(order.services, { netCents: 180_000, vatByRate: order.deposit.vatByRate });
    expect(posting.lines).toEqual([
      { account: '411', activityId: ACTIVITY, debitCents: 710_000 - 213_000 },
      { account: '4191', activityId: ACTIVITY, debitCents: 180_000, label: 'Acomptes déduits' },
      { account: '706', activityId: ACTIVITY, creditCents: 600_000 },
      { account: '44571', activityId: ACTIVITY, creditCents: 70_000, label: 'TVA 20 %' },
      { account: '44571', activityId: ACTIVITY, creditCents: 7_000, label: 'TVA 10 %' },
    ]);
    expect(entryLinesProblem(posting.lines)).toBeNull();
  });

  it('after the deposit and the final invoice, 4191 is 0, 706 holds the service once, 44571 its VAT once and 411 the total', () => {
    const both = [...depositInvoiceEntry(order.deposit).lines, ...salesEntry(order.services, { netCents: 180_000, vatByRate: order.deposit.vatByRate }).lines];
    expect(entryLinesProblem(both)).toBeNull();
    expect(balanceOf(both, '4191')).toBe(0);
    expect(balanceOf(both, '706')).toBe(-600_000);
    expect(balanceOf(both, '44571')).toBe(-110_000);
    expect(balanceOf(both, '411')).toBe(710_000);
  });

  it('a rate the deposits overpaid by a cent is debited back on the final invoice, and the entry still balances', () => {
    const posting = salesEntry(
      { activityId: ACTIVITY, netCents: 1_000, grossCents: 1_150, vatByRate: [{ rateBp: 2000, vatCents: 100 }, { rateBp: 1000, vatCents: 50 }] },
      { netCents: 500, vatByRate: [{ rateBp: 2000, vatCents: 101 }] },
    );
    expect(posting.lines.find((l) => l.label === 'TVA 20 %')).toEqual({ account: '44571', activityId: ACTIVITY, debitCents: 1, label: 'TVA 20 %' });
    expect(entryLinesProblem(posting.lines)).toBeNull();
  });

  it('a credit note on a deposit reverses 4191, not revenue', () => {
    const both = [...depositInvoiceEntry(order.deposit).lines, ...depositCreditNoteEntry(order.deposit).lines];
    expect(depositCreditNoteEntry(order.deposit).lines.map((l) => l.account)).not.toContain('706');
    for (const account of ['411', '4191', '44571']) expect(balanceOf(both, account)).toBe(0);
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

describe('a cheque waiting to be cashed', () => {
  it('is booked to 5112 Chèques à encaisser, not to the bank, when recorded by hand', () => {
    const entry = paymentEntry({ amountCents: 100_000, depositAccount: ACCOUNTS.chequesToCash, settled: [{ activityId: ACTIVITY, invoiceNumber: 'F-1', amountCents: 100_000 }] });
    expect(entry.lines[0]).toEqual({ account: '5112', debitCents: 100_000 });
    expect(entry.lines.some((l) => l.account === '512')).toBe(false);
  });

  it('moves from 5112 to 512 when the bank shows it, without touching the client', () => {
    const entry = clearingEntry({ amountCents: 100_000, from: ACCOUNTS.chequesToCash });
    expect(entry).toEqual({ journal: 'BQ', lines: [{ account: '512', debitCents: 100_000 }, { account: '5112', creditCents: 100_000 }] });
    expect(entryLinesProblem(entry.lines)).toBeNull();
  });

  it('money already on the bank account has nothing to clear', () => {
    expect(() => clearingEntry({ amountCents: 1, from: ACCOUNTS.bank })).toThrow(RangeError);
  });

  it('5112 and 530 are in the chart every coop gets', () => {
    const numbers = defaultChartOfAccounts().map((a) => a.number);
    expect(numbers).toContain(ACCOUNTS.chequesToCash);
    expect(numbers).toContain(ACCOUNTS.cash);
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

describe('a shared job in the ledger', () => {
  const jobSale: Sale = {
    activityId: 'lead',
    grossCents: 120_000,
    netCents: 100_000,
    vatByRate: [{ rateBp: 2000, vatCents: 20_000 }],
    revenueParts: { parts: [{ activityId: 'b', netCents: 54_000 }, { activityId: 'c', netCents: 36_000 }], marginCents: 10_000 },
  };

  it('credits 706 per participating activity and 7061 with no activity; the receivable and the VAT are shared the same way', () => {
    // 54 000 / 36 000 / 10 000: 60 %, 40 % and the 10 % margin of what the client owes.
    expect(salesEntry(jobSale).lines).toEqual([
      { account: '411', activityId: 'b', debitCents: 64_800 },
      { account: '411', activityId: 'c', debitCents: 43_200 },
      { account: '411', activityId: null, debitCents: 12_000 },
      { account: '706', activityId: 'b', creditCents: 54_000 },
      { account: '706', activityId: 'c', creditCents: 36_000 },
      { account: '7061', activityId: null, creditCents: 10_000, label: 'Marge de gestion de projet' },
      { account: '44571', activityId: 'b', creditCents: 10_800, label: 'TVA 20 %' },
      { account: '44571', activityId: 'c', creditCents: 7_200, label: 'TVA 20 %' },
      { account: '44571', activityId: null, creditCents: 2_000, label: 'TVA 20 %' },
    ]);
    expect(creditNoteEntry(jobSale).lines.filter((l) => l.account === '706' || l.account === '411')).toEqual([
      { account: '411', activityId: 'b', creditCents: 64_800 },
      { account: '411', activityId: 'c', creditCents: 43_200 },
      { account: '411', activityId: null, creditCents: 12_000 },
      { account: '706', activityId: 'b', debitCents: 54_000 },
      { account: '706', activityId: 'c', debitCents: 36_000 },
    ]);
  });

  it('shares awkward amounts to the cent: every part of the receivable adds up to what the client owes', () => {
    const sale = { ...jobSale, grossCents: 100_001, netCents: 83_334, vatByRate: [{ rateBp: 2000, vatCents: 16_667 }], revenueParts: { parts: [{ activityId: 'b', netCents: 41_667 }, { activityId: 'c', netCents: 33_333 }], marginCents: 8_334 } };
    const lines = salesEntry(sale).lines;
    const sum = (account: string, side: 'debitCents' | 'creditCents') => lines.filter((l) => l.account === account).reduce((s, l) => s + (l[side] ?? 0), 0);
    expect(sum('411', 'debitCents')).toBe(100_001);
    expect(sum('44571', 'creditCents')).toBe(16_667);
    expect(lines.reduce((s, l) => s + (l.debitCents ?? 0) - (l.creditCents ?? 0), 0)).toBe(0);
  });

  it('refuses parts that do not add up to the amount excluding VAT', () => {
    expect(() => salesEntry({ ...jobSale, revenueParts: { parts: [{ activityId: 'b', netCents: 90_000 }], marginCents: 9_999 } })).toThrow(RangeError);
  });

  it('posts the commission as 6222 on the payers and 7082 on the bringer, sides swapped when given back', () => {
    const entry = commissionEntry({ bringerActivityId: 'a', payers: [{ activityId: 'b', cents: 4_800 }, { activityId: 'c', cents: 3_200 }] });
    expect(entry).toEqual({
      journal: 'OD',
      lines: [
        { account: '6222', activityId: 'b', debitCents: 4_800 },
        { account: '6222', activityId: 'c', debitCents: 3_200 },
        { account: '7082', activityId: 'a', creditCents: 8_000 },
      ],
    });
    expect(commissionEntry({ bringerActivityId: 'a', payers: [{ activityId: 'b', cents: -1 }] }).lines).toEqual([
      { account: '6222', activityId: 'b', creditCents: 1 },
      { account: '7082', activityId: 'a', debitCents: 1 },
    ]);
  });
});
