import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { actorFor } from '../../../test/support/invoicing-db-fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { createCreditNote } from '../invoicing/index.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { trialBalance } from '../ledger/index.js';
import { cancelPayment, recordPayment } from '../payments/index.js';
import { saveVatSettings } from './save-vat-settings.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** A coop on VAT on receipts (or debits), with the payments fixture's helpers. */
async function coopOn(regime: 'debits' | 'receipts', label: string) {
  const f = await createPaymentsCoop(t.database.db, label);
  const admin = actorFor(f.coop.id, f.coop.admin.id, ['admin']);
  if (regime === 'receipts') await saveVatSettings(t.database.db, admin, { regime, periodicity: 'quarterly' });
  return { ...f, admin };
}

/** Balance (credit minus debit) of the VAT accounts over the year, from the ledger's totals. */
async function vatBalances(coopId: string, to = '2026-12-31') {
  const tb = await trialBalance(t.database.db, coopId, { from: '2026-01-01', to });
  const credit = (account: string) => {
    const row = tb.rows.find((r) => r.account === account);
    return row ? row.creditCents - row.debitCents : 0;
  };
  expect(tb.totals.debitCents).toBe(tb.totals.creditCents);
  return { collected: credit('44571'), pending: credit('44574'), payable: credit('44551'), carried: 0 - credit('44567'), deductible: 0 - credit('44566') };
}

const pay = (f: Awaited<ReturnType<typeof coopOn>>, invoiceId: string, amountCents: number, date = '2026-06-25') =>
  recordPayment(t.database.db, f.staff, { clientId: f.clientId, date, amountCents, mode: 'transfer', allocations: [{ invoiceId, amountCents }] });

describe('VAT on debits (every coop before the setting, and the default)', () => {
  it('owes the VAT of an invoice as soon as it is validated (44571), and a payment changes nothing', async () => {
    const f = await coopOn('debits', 'vat-debits');
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 20_000, pending: 0 });
    await pay(f, invoice.id, 60_000);
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 20_000, pending: 0 });
  });
});

describe('VAT on receipts', () => {
  it('waits on 44574 at validation and moves to 44571 with each payment, exactly the VAT once fully paid', async () => {
    const f = await coopOn('receipts', 'vat-receipts');
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 0, pending: 20_000 });

    // Three awkward parts: the VAT follows the cumulative amount paid, so no cent is lost.
    await pay(f, invoice.id, 40_001);
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 6_667, pending: 13_333 });
    await pay(f, invoice.id, 40_000, '2026-06-26');
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 13_333, pending: 6_667 });
    await pay(f, invoice.id, 39_999, '2026-06-27');
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 20_000, pending: 0 });

    const moves = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'vat.moved_on_receipt')));
    expect(moves).toHaveLength(3);
  });

  it('splits each payment between the rates of the invoice, each on its own line', async () => {
    const f = await coopOn('receipts', 'vat-rates');
    // The standard draft: 1,000 € at 20 % and a book at 5.5 %.
    const invoice = await f.issueInvoice();
    const before = await vatBalances(f.coop.id);
    expect(before.collected).toBe(0);
    await pay(f, invoice.id, invoice.grossCents);
    const after = await vatBalances(f.coop.id);
    expect(after).toMatchObject({ collected: before.pending, pending: 0 });
    const labels = await t.database.db
      .select({ label: journalEntryLines.label })
      .from(journalEntryLines)
      .innerJoin(journalEntries, and(eq(journalEntries.coopId, journalEntryLines.coopId), eq(journalEntries.id, journalEntryLines.entryId)))
      .where(and(eq(journalEntryLines.coopId, f.coop.id), eq(journalEntries.sourceType, 'vat_on_receipt'), eq(journalEntryLines.accountNumber, '44571')));
    expect(labels.map((l) => l.label).sort()).toEqual(['TVA 20 %', 'TVA 5.5 %']);
  });

  it('a cancelled payment moves its VAT back to 44574 by an entry the other way', async () => {
    const f = await coopOn('receipts', 'vat-cancel');
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    const payment = await pay(f, invoice.id, 60_000);
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 10_000, pending: 10_000 });
    await cancelPayment(t.database.db, f.staff, payment.id, { reason: 'Saisie en double' }, '2026-06-30');
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 0, pending: 20_000 });
  });

  it('a credit note takes back on 44574 what is unpaid, and on 44571 what was paid', async () => {
    const f = await coopOn('receipts', 'vat-credit');
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    await pay(f, invoice.id, 60_000);
    // 500 € + 100 € of VAT credited: exactly what was left to pay.
    const line = { description: 'Geste commercial', quantityMilli: 1000, unit: 'C62', unitPriceCents: 50_000, vatCategory: 'S' as const, vatRateBp: 2000, exemptionReason: null };
    await createCreditNote(t.database.db, f.staff, invoice.id, { lines: [line] }, '2026-07-01');
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 10_000, pending: 0 });

    // A refund on an invoice paid in full: the VAT was due already, the credit note takes it back from 44571.
    const paid = await f.issueInvoice({ netCents: 10_000 });
    await pay(f, paid.id, 12_000);
    await createCreditNote(t.database.db, f.staff, paid.id, { full: true }, '2026-07-02');
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 10_000, pending: 0 });
  });

  it('keeps an invoice issued on debits on debits after the coop moves to receipts', async () => {
    const f = await coopOn('debits', 'vat-switch');
    const before = await f.issueInvoice({ netCents: 100_000 });
    await saveVatSettings(t.database.db, f.admin, { regime: 'receipts', periodicity: 'monthly' });
    await f.issueInvoice({ netCents: 50_000 });
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 20_000, pending: 10_000 });
    await pay(f, before.id, 120_000);
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 20_000, pending: 10_000 });
  });
});

describe('the VAT summary', () => {
  it('gives the boxes of the quarter, equal to the trial balance of the VAT accounts, with the entries behind each', async () => {
    const f = await coopOn('receipts', 'vat-summary');
    const a = await f.issueInvoice({ netCents: 100_000 });
    await f.issueInvoice({ netCents: 30_000 });
    await pay(f, a.id, 60_000);
    const accountant = await loggedIn(f.coop.admin.email);
    const res = await accountant.get('/api/vat/summary?period=2026-Q2');
    expect(res.status).toBe(200);
    const box = (b: string) => res.body.boxes.find((x: { box: string }) => x.box === b);
    const balances = await vatBalances(f.coop.id, '2026-06-30');
    expect(box('16').taxCents).toBe(balances.collected);
    expect(box('08')).toEqual({ box: '08', baseCents: 50_000, taxCents: 10_000 });
    expect(box('A1').baseCents).toBe(50_000);
    expect(box('20').taxCents).toBe(balances.deductible);
    expect(box('28').taxCents).toBe(10_000);
    expect(res.body.boxes.map((b: { box: string }) => b.box)).not.toContain('10');

    const entries = await accountant.get('/api/vat/summary/entries?period=2026-Q2&box=08');
    expect(entries.status).toBe(200);
    expect(entries.body.total).toBe(1);
    expect(entries.body.items[0]).toMatchObject({ sourceType: 'vat_on_receipt', sourceId: a.id, documentRef: a.number, amountCents: 10_000, account: '44571' });
  });

  it('the accountant confirms the return once: the settlement clears 44571 into 44551, a second time is refused', async () => {
    const f = await coopOn('debits', 'vat-return');
    await f.issueInvoice({ netCents: 100_000 });
    const accountant = await loggedIn(f.coop.admin.email);
    const res = await accountant.post('/api/vat/returns', { period: '2026-Q2' });
    expect(res.status).toBe(201);
    expect(await vatBalances(f.coop.id)).toMatchObject({ collected: 0, payable: 20_000 });
    expect((await accountant.post('/api/vat/returns', { period: '2026-Q2' })).status).toBe(409);
    // The summary still shows what the period declared, and that it is confirmed.
    const summary = await accountant.get('/api/vat/summary?period=2026-Q2');
    expect(summary.body.boxes.find((b: { box: string }) => b.box === '16').taxCents).toBe(20_000);
    expect(summary.body.confirmed).toMatchObject({ entryId: res.body.entryId });
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, f.coop.id), inArray(auditLog.action, ['vat.return_confirmed'])));
    expect(audits).toHaveLength(1);
  });

  it('pages the entries behind a box oldest first, their total leaving the settlement out, from VAT totals kept equal to the lines', async () => {
    const f = await coopOn('debits', 'vat-pages');
    const days = ['2026-04-03', '2026-05-20', '2026-06-11'];
    const issued = [];
    for (const [i, day] of days.entries()) issued.push(await f.issueInvoice({ netCents: 10_000 * (i + 1), day }));
    const accountant = await loggedIn(f.coop.admin.email);
    expect((await accountant.post('/api/vat/returns', { period: '2026-Q2' })).status).toBe(201);

    const page = async (n: number) => (await accountant.get(`/api/vat/summary/entries?period=2026-Q2&box=16&page=${n}&pageSize=2`)).body;
    const [first, second] = [await page(1), await page(2)];
    // Box 16 lists every line on 44571; the settlement's debit on it (dated 30 June) is not VAT of the period: neither listed nor counted.
    expect([first.total, second.total]).toEqual([3, 3]);
    expect([...first.items, ...second.items].map((i: { date: string; amountCents: number }) => [i.date, i.amountCents])).toEqual([
      ['2026-04-03', 2_000],
      ['2026-05-20', 4_000],
      ['2026-06-11', 6_000],
    ]);
    expect((await accountant.get('/api/vat/summary?period=2026-Q2')).body.boxes.find((b: { box: string }) => b.box === '08').taxCents).toBe(12_000);

    const db = t.database.db;
    const rowsOf = async (query: SQL) => ((await db.execute(query)) as unknown as { rows: unknown[] }).rows;
    const kept = await rowsOf(sql`
      select account_number, day::text as day, label, debit_cents::bigint as d, credit_cents::bigint as c, line_count from ledger_daily_vat_totals where coop_id = ${f.coop.id}
      except
      select l.account_number, l.entry_date::text, l.label, sum(l.debit_cents)::bigint, sum(l.credit_cents)::bigint, count(*)::int
      from ledger_journal_entry_lines l join ledger_journal_entries e on e.coop_id = l.coop_id and e.id = l.entry_id
      where l.coop_id = ${f.coop.id} and l.account_number like '445%' and e.source_type <> 'carried_forward' group by 1, 2, 3`);
    expect(kept).toEqual([]);
    const [{ n }] = (await rowsOf(sql`select count(*)::int as n from ledger_daily_vat_totals where coop_id = ${f.coop.id}`)) as { n: number }[];
    expect(n).toBeGreaterThanOrEqual(4);
    await expect(db.execute(sql`delete from ledger_daily_vat_totals where coop_id = ${f.coop.id}`)).rejects.toThrow();
  });

  it('carries a credit to the next period (box 22)', async () => {
    const f = await coopOn('debits', 'vat-credit-carry');
    const accountant = await loggedIn(f.coop.admin.email);
    // Deductible VAT with no sale: a credit of 50 € in Q1, deducted in Q2.
    const od = await accountant.post('/api/ledger/entries', {
      journal: 'OD',
      date: '2026-02-10',
      label: 'Achat de matériel',
      lines: [
        { account: '44566', debitCents: 5_000 },
        { account: '512', creditCents: 5_000 },
      ],
    });
    expect(od.status).toBe(201);
    expect((await accountant.post('/api/vat/returns', { period: '2026-Q1' })).status).toBe(201);
    await f.issueInvoice({ netCents: 100_000 });
    const q2 = await accountant.get('/api/vat/summary?period=2026-Q2');
    const box = (b: string) => q2.body.boxes.find((x: { box: string }) => x.box === b).taxCents;
    expect([box('16'), box('22'), box('23'), box('28')]).toEqual([20_000, 5_000, 5_000, 15_000]);
    const carried = await accountant.get('/api/vat/summary/entries?period=2026-Q2&box=22');
    expect(carried.body.items).toEqual([expect.objectContaining({ sourceType: 'vat_settlement', amountCents: 5_000 })]);
  });

  it('is refused to a member and an advisor, and a bad period is a 400 naming the field', async () => {
    const f = await coopOn('debits', 'vat-access');
    const member = await loggedIn(f.coop.member.email);
    expect((await member.get('/api/vat/summary?period=2026-Q2')).status).toBe(403);
    expect((await member.get('/api/vat/summary/entries?period=2026-Q2&box=08')).status).toBe(403);
    expect((await member.post('/api/vat/returns', { period: '2026-Q2' })).status).toBe(403);
    const advisor = await loggedIn(f.coop.staff.email);
    expect((await advisor.get('/api/vat/summary?period=2026-Q2')).status).toBe(403);
    const admin = await loggedIn(f.coop.admin.email);
    const bad = await admin.get('/api/vat/summary?period=2026-Q5');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('period');
    expect((await admin.get('/api/vat/summary/entries?period=2026-Q2&box=99')).status).toBe(400);
    expect((await admin.put('/api/vat/settings', { regime: 'sometimes', periodicity: 'monthly' })).status).toBe(400);
    expect((await admin.get('/api/vat/settings')).body).toEqual({ regime: 'debits', periodicity: 'monthly' });
    // A period not over yet cannot be confirmed.
    expect((await admin.post('/api/vat/returns', { period: '2099-Q1' })).status).toBe(409);
  });
});
