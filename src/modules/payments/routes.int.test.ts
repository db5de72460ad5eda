import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { getInvoice } from '../invoicing/index.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';

let t: TestApp;
const PAY_DAY = '2026-06-25';

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

async function entryLinesOf(coopId: string, paymentId: string) {
  const db = t.database.db;
  const [entry] = await db.select().from(journalEntries).where(and(eq(journalEntries.coopId, coopId), eq(journalEntries.sourceId, paymentId)));
  expect(entry).toMatchObject({ journalCode: 'BQ', sourceType: 'payment', entryDate: PAY_DAY });
  return db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, coopId), eq(journalEntryLines.entryId, entry!.id)));
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('recording a payment', () => {
  let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
  let staff: TestClient;

  beforeAll(async () => {
    f = await createPaymentsCoop(t.database.db, 'payments');
    staff = await loggedIn(f.coop.staff.email);
  });

  it('a partial payment leaves the invoice partially paid, the rest pays it', async () => {
    const invoice = await f.issueInvoice();
    const first = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: 20_000, mode: 'transfer', reference: 'VIR 1', allocations: [{ invoiceId: invoice.id, amountCents: 20_000 }] });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amountCents: 20_000, allocatedCents: 20_000, creditCents: 0, allocations: [{ invoiceId: invoice.id, invoiceNumber: invoice.number, amountCents: 20_000 }] });
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'partially_paid', paidCents: 20_000 });

    const rest = invoice.grossCents - 20_000;
    const second = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: rest, mode: 'cheque', allocations: [{ invoiceId: invoice.id, amountCents: rest }] });
    expect(second.status).toBe(201);
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'paid', paidCents: invoice.grossCents });
  });

  it('an over-payment pays the invoice and leaves the excess as the client’s credit, outside any activity', async () => {
    const invoice = await f.issueInvoice({ netCents: 10_000 });
    const res = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: invoice.grossCents + 5_000, mode: 'transfer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ allocatedCents: invoice.grossCents, creditCents: 5_000 });
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'paid' });
    const lines = await entryLinesOf(f.coop.id, res.body.id);
    expect(lines.find((l) => l.accountNumber === '411' && l.activityId === null)).toMatchObject({ creditCents: 5_000 });
  });

  it('the bank entry is balanced: 512 debited by the payment, 411 credited per invoice activity', async () => {
    const mine = await f.issueInvoice({ netCents: 20_000 });
    const other = await f.issueInvoice({ netCents: 30_000, activityId: f.otherActivityId });
    const amount = mine.grossCents + other.grossCents;
    const res = await staff.post('/api/payments', {
      clientId: f.clientId,
      date: PAY_DAY,
      amountCents: amount,
      mode: 'transfer',
      allocations: [
        { invoiceId: mine.id, amountCents: mine.grossCents },
        { invoiceId: other.id, amountCents: other.grossCents },
      ],
    });
    expect(res.status).toBe(201);
    const lines = await entryLinesOf(f.coop.id, res.body.id);
    const debit = lines.reduce((s, l) => s + l.debitCents, 0);
    const credit = lines.reduce((s, l) => s + l.creditCents, 0);
    expect(debit).toBe(amount);
    expect(credit).toBe(amount);
    expect(lines.find((l) => l.accountNumber === '512')).toMatchObject({ debitCents: amount, activityId: null });
    expect(lines.filter((l) => l.accountNumber === '411').map((l) => [l.activityId, l.creditCents]).sort()).toEqual(
      [[f.activityId, mine.grossCents], [f.otherActivityId, other.grossCents]].sort(),
    );
  });

  it('a payment cannot be allocated to another client’s invoice, and nothing is written', async () => {
    const theirs = await f.issueInvoice({ clientId: f.otherClientId, netCents: 5_000 });
    const before = (await staff.get('/api/payments?pageSize=100')).body.total;
    const res = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: 1_000, mode: 'transfer', allocations: [{ invoiceId: theirs.id, amountCents: 1_000 }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('allocations.0.invoiceId');
    expect((await staff.get('/api/payments?pageSize=100')).body.total).toBe(before);
    expect(await getInvoice(t.database.db, f.staff, theirs.id)).toMatchObject({ paidCents: 0 });
  });

  it('a payment cannot be allocated to a draft invoice', async () => {
    const draft = await staff.post('/api/invoices', { kind: 'invoice', activityId: f.activityId, clientId: f.clientId, lines: [{ description: 'x', quantityMilli: 1000, unitPriceCents: 1000, vatCategory: 'S', vatRateBp: 2000 }] });
    expect(draft.status).toBe(201);
    const res = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: 1_000, mode: 'transfer', allocations: [{ invoiceId: draft.body.id, amountCents: 1_000 }] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PAYMENT_ON_DRAFT');
  });

  it('an invoice never receives more than what is left on it', async () => {
    const invoice = await f.issueInvoice({ netCents: 1_000 });
    const res = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: 5_000, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: invoice.grossCents + 1 }] });
    expect(res.status).toBe(409);
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ paidCents: 0 });
  });

  it('a member sees payments on their activities’ invoices only, and cannot record one', async () => {
    const mine = await f.issueInvoice({ netCents: 2_000 });
    const theirs = await f.issueInvoice({ netCents: 3_000, activityId: f.otherActivityId });
    const a = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: mine.grossCents, mode: 'card', allocations: [{ invoiceId: mine.id, amountCents: mine.grossCents }] });
    const b = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: theirs.grossCents, mode: 'card', allocations: [{ invoiceId: theirs.id, amountCents: theirs.grossCents }] });
    const member = await loggedIn(f.coop.member.email);
    expect((await member.get(`/api/payments/${a.body.id}`)).status).toBe(200);
    expect((await member.get(`/api/payments/${b.body.id}`)).status).toBe(404);
    const list = await member.get('/api/payments?pageSize=100');
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(a.body.id);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(b.body.id);
    expect((await member.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: 100, mode: 'cash' })).status).toBe(403);
  });

  it('the team lists what a client still owes, oldest due first; a member may not', async () => {
    const g = await createPaymentsCoop(t.database.db, 'payments-open');
    const team = await loggedIn(g.coop.staff.email);
    const later = await g.issueInvoice({ netCents: 2_000, day: '2026-06-22' });
    const first = await g.issueInvoice({ netCents: 1_000, day: '2026-06-21' });
    await g.issueInvoice({ netCents: 3_000, clientId: g.otherClientId });
    await team.post('/api/payments', { clientId: g.clientId, date: PAY_DAY, amountCents: 200, mode: 'cash', allocations: [{ invoiceId: first.id, amountCents: 200 }] });
    const res = await team.get(`/api/payments/open-invoices?clientId=${g.clientId}`);
    expect(res.status).toBe(200);
    expect(res.body.map((i: { id: string; amountLeftCents: number }) => [i.id, i.amountLeftCents])).toEqual([
      [first.id, first.grossCents - 200],
      [later.id, later.grossCents],
    ]);
    expect((await team.get('/api/payments/open-invoices')).body).toHaveLength(3);
    const member = await loggedIn(g.coop.member.email);
    expect((await member.get('/api/payments/open-invoices')).status).toBe(403);
  });

  it('another cooperative’s payment answers 404', async () => {
    const invoice = await f.issueInvoice({ netCents: 1_500 });
    const res = await staff.post('/api/payments', { clientId: f.clientId, date: PAY_DAY, amountCents: invoice.grossCents, mode: 'transfer' });
    const g = await createPaymentsCoop(t.database.db, 'payments-other');
    const outsider = await loggedIn(g.coop.staff.email);
    expect((await outsider.get(`/api/payments/${res.body.id}`)).status).toBe(404);
    expect((await outsider.get('/api/payments')).body.total).toBe(0);
    const foreign = await outsider.post('/api/payments', { clientId: g.clientId, date: PAY_DAY, amountCents: 100, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: 100 }] });
    expect(foreign.status).toBe(404);
  });
});
