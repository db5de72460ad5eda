import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD, sirenFor, siretFor } from '../../../test/support/fixtures.js';
import { createQuotingCoop, QUOTE_TOTALS, quoteOf } from '../../../test/support/quotes-fixtures.js';
import { clients } from '../clients/schema.js';
import { coops } from '../coops/schema.js';

/**
 * A deposit invoice is not revenue (4191): it bears no contribution. The final invoice
 * recognises the whole service in 706 and bears the contribution of all of it; on the
 * 'payment' basis, the deposits it deducts count as collected. Runs on PGlite and PostgreSQL.
 */
let t: TestApp;
type Coop = Awaited<ReturnType<typeof createQuotingCoop>>;

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

/** An accepted quote, its 30 % deposit invoice issued, and its final invoice drafted. */
async function depositThenFinal(f: Coop, label: number) {
  const member = await loggedIn(f.coop.member.email);
  const staff = await loggedIn(f.coop.staff.email);
  const siren = sirenFor(label * 7919 + 5);
  await t.database.db.update(clients).set({ siren, siret: siretFor(siren) }).where(and(eq(clients.coopId, f.coop.id), eq(clients.id, f.mailedClientId)));
  const quote = (await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId))).body.id as string;
  expect((await staff.post(`/api/quotes/${quote}/validate`)).status).toBe(200);
  expect((await staff.post(`/api/quotes/${quote}/send`)).status).toBe(200);
  expect((await staff.post(`/api/quotes/${quote}/accept`, { name: 'Claire Dupont' })).status).toBe(200);
  const deposit = (await member.post(`/api/quotes/${quote}/invoices`, { kind: 'deposit', percentBp: 3000 })).body.invoiceId as string;
  expect((await staff.post(`/api/invoices/${deposit}/validate`)).status).toBe(200);
  const final = (await member.post(`/api/quotes/${quote}/invoices`, { kind: 'balance' })).body.invoiceId as string;
  return { member, staff, deposit, final };
}

describe('deposits and the final invoice', () => {
  it('the deposit bears nothing; the final invoice bears the contribution of the whole service', async () => {
    const f = await createQuotingCoop(t.database.db, 'contrib-deposit');
    const { member, staff, deposit, final } = await depositThenFinal(f, 11);
    expect((await member.get(`/api/invoices/${deposit}`)).body.contribution).toBeNull();
    expect((await staff.post(`/api/invoices/${final}/validate`)).status).toBe(200);
    // 10 % of 2,147.77 € = 214.777 € → 214.78 €.
    expect((await member.get(`/api/invoices/${final}`)).body.contribution).toEqual({ amountCents: 21_478, rateBp: 1000, basis: 'validation' });
    expect(Math.round(QUOTE_TOTALS.netCents / 10)).toBe(21_478);
  }, 120_000);

  it("on the 'payment' basis the deducted deposit counts as collected when the final invoice is issued", async () => {
    const f = await createQuotingCoop(t.database.db, 'contrib-deposit-pay');
    await t.database.db.update(coops).set({ contributionBasis: 'payment' }).where(eq(coops.id, f.coop.id));
    const { member, staff, final } = await depositThenFinal(f, 12);
    expect((await staff.post(`/api/invoices/${final}/validate`)).status).toBe(200);
    const issued = (await member.get(`/api/invoices/${final}`)).body;
    const prepaid = issued.documentTotals.prepaidCents as number;
    // 214.78 € × prepaid / (prepaid + left to pay), rounded half-up.
    const expected = Math.round((21_478 * prepaid) / (prepaid + issued.grossCents));
    expect(issued.contribution).toEqual({ amountCents: expected, rateBp: 1000, basis: 'payment' });
    const paid = await staff.post('/api/payments', {
      clientId: f.mailedClientId,
      date: issued.issueDate,
      amountCents: issued.grossCents,
      mode: 'transfer',
      allocations: [{ invoiceId: final, amountCents: issued.grossCents }],
    });
    expect(paid.status).toBe(201);
    expect((await member.get(`/api/invoices/${final}`)).body.contribution.amountCents).toBe(21_478);
  }, 120_000);
});
