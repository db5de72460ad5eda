import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { createQuotingCoop, quoteOf } from '../../../test/support/quotes-fixtures.js';

let t: TestApp;
type Coop = Awaited<ReturnType<typeof createQuotingCoop>>;

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** A quote drafted by staff for an activity, validated, sent and accepted on paper: ready to invoice. */
async function acceptedQuote(staff: TestClient, f: Coop, activityId: string): Promise<{ id: string; number: string }> {
  const created = await staff.post('/api/quotes', quoteOf(activityId, f.mailedClientId));
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await staff.post(`/api/quotes/${id}/validate`)).status).toBe(200);
  expect((await staff.post(`/api/quotes/${id}/send`)).status).toBe(200);
  const accepted = await staff.post(`/api/quotes/${id}/accept`, { name: 'Claire Dupont' });
  expect(accepted.status).toBe(200);
  return { id, number: accepted.body.number as string };
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the quote an invoice came from', () => {
  it('a deposit and a balance drafted from a quote each name the quote and the part they bill', async () => {
    const f = await createQuotingCoop(t.database.db, 'origin');
    const staff = await loggedIn(f.coop.staff.email);
    const member = await loggedIn(f.coop.member.email);
    const quote = await acceptedQuote(staff, f, f.activityId);
    const deposit = await member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'deposit', percentBp: 3000 });
    const balance = await member.post(`/api/quotes/${quote.id}/invoices`, { kind: 'balance' });
    expect([deposit.status, balance.status]).toEqual([201, 201]);

    for (const [invoiceId, kind] of [
      [deposit.body.invoiceId, 'deposit'],
      [balance.body.invoiceId, 'balance'],
    ] as const) {
      for (const who of [member, staff]) {
        const res = await who.get(`/api/quotes/by-invoice/${invoiceId}`);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ quote: { quoteId: quote.id, number: quote.number, kind } });
      }
    }
  });

  it('an invoice drafted without a quote is answered as having none, not as an error', async () => {
    const f = await createQuotingCoop(t.database.db, 'no-origin');
    const member = await loggedIn(f.coop.member.email);
    const invoice = await member.post('/api/invoices', draftOf(f.activityId, f.clientId));
    expect(invoice.status).toBe(201);
    for (const who of [member, await loggedIn(f.coop.staff.email)]) {
      const res = await who.get(`/api/quotes/by-invoice/${invoice.body.id}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ quote: null });
    }
  });

  it("another member's or another cooperative's invoice made without a quote is still out of reach: 404", async () => {
    const f = await createQuotingCoop(t.database.db, 'no-origin-scope');
    const g = await createQuotingCoop(t.database.db, 'no-origin-other-coop');
    const staff = await loggedIn(f.coop.staff.email);
    const invoice = await staff.post('/api/invoices', draftOf(f.otherActivityId, f.clientId));
    expect(invoice.status).toBe(201);
    for (const who of [await loggedIn(f.coop.member.email), await loggedIn(g.coop.staff.email)]) {
      const res = await who.get(`/api/quotes/by-invoice/${invoice.body.id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('QUOTE_NOT_FOUND');
    }
  });

  it("a member learns nothing of another member's quote through an invoice, nor does another cooperative's team", async () => {
    const f = await createQuotingCoop(t.database.db, 'origin-scope');
    const g = await createQuotingCoop(t.database.db, 'origin-other-coop');
    const staff = await loggedIn(f.coop.staff.email);
    const quote = await acceptedQuote(staff, f, f.otherActivityId);
    const made = await staff.post(`/api/quotes/${quote.id}/invoices`, { kind: 'whole' });
    expect(made.status).toBe(201);
    for (const who of [await loggedIn(f.coop.member.email), await loggedIn(g.coop.staff.email)]) {
      const res = await who.get(`/api/quotes/by-invoice/${made.body.invoiceId}`);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ error: expect.objectContaining({ code: 'QUOTE_NOT_FOUND' }) });
    }
  });

  it('a malformed invoice id answers 400', async () => {
    const f = await createQuotingCoop(t.database.db, 'origin-bad');
    const staff = await loggedIn(f.coop.staff.email);
    const res = await staff.get('/api/quotes/by-invoice/not-an-id');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
  });
});
