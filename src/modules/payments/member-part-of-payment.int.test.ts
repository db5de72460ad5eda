import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';

/**
 * A client shared by two members pays both their invoices with one transfer, plus a little
 * more: each member reads only her part of it (see `paymentsOf`), the team the whole.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
let member: TestClient;
let staff: TestClient;
let mine: { id: string; number: string; grossCents: number };
let theirs: { id: string; number: string; grossCents: number };
let paymentId: string;
const EXCESS = 700;

beforeAll(async () => {
  t = await createTestApp();
  f = await createPaymentsCoop(t.database.db, 'member-part');
  mine = await f.issueInvoice({ netCents: 20_000 });
  theirs = await f.issueInvoice({ netCents: 30_000, activityId: f.otherActivityId });
  staff = t.client();
  await staff.login(f.coop.staff.email, DEMO_PASSWORD);
  member = t.client();
  await member.login(f.coop.member.email, DEMO_PASSWORD);
  const paid = await staff.post('/api/payments', {
    clientId: f.clientId,
    date: '2026-06-25',
    amountCents: mine.grossCents + theirs.grossCents + EXCESS,
    mode: 'transfer',
    reference: 'VIR BOULANGERIE',
    allocations: [
      { invoiceId: mine.id, amountCents: mine.grossCents },
      { invoiceId: theirs.id, amountCents: theirs.grossCents },
    ],
  });
  expect(paid.status).toBe(201);
  paymentId = paid.body.id;
});
afterAll(async () => {
  await t?.close();
});

const herPart = () => ({
  amountCents: mine.grossCents,
  allocatedCents: mine.grossCents,
  creditCents: 0,
  allocations: [{ invoiceId: mine.id, invoiceNumber: mine.number, activityId: f.activityId, amountCents: mine.grossCents }],
});

describe("a member reading a shared client's payment sees only her part", () => {
  it('the payment page shows her invoice, her amount, and nothing of the other member', async () => {
    const res = await member.get(`/api/payments/${paymentId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(herPart());
    const text = JSON.stringify(res.body);
    for (const hidden of [theirs.id, theirs.number, f.otherActivityId]) expect(text).not.toContain(hidden);
  });

  it('the payments list shows the same part', async () => {
    const res = await member.get('/api/payments?pageSize=100');
    const listed = res.body.items.find((p: { id: string }) => p.id === paymentId);
    expect(listed).toMatchObject(herPart());
    expect(JSON.stringify(res.body)).not.toContain(theirs.number);
  });

  it('the team sees the whole payment, both invoices and the credit left', async () => {
    const res = await staff.get(`/api/payments/${paymentId}`);
    expect(res.body).toMatchObject({ amountCents: mine.grossCents + theirs.grossCents + EXCESS, allocatedCents: mine.grossCents + theirs.grossCents, creditCents: EXCESS });
    expect(res.body.allocations).toHaveLength(2);
  });
});
