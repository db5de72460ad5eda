import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createQuotingCoop, QUOTE_TOTALS, quoteOf } from '../../../test/support/quotes-fixtures.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { and, eq } from 'drizzle-orm';

let t: TestApp;
let f: Awaited<ReturnType<typeof createQuotingCoop>>;
let member: TestClient;
let staff: TestClient;
const oneLine = (unitPriceCents: number) => ({ lines: [{ description: 'Conseil', quantityMilli: 1000, unit: 'DAY', unitPriceCents, vatCategory: 'S' as const, vatRateBp: 2000 }] });

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** A quote drafted by the member, submitted, validated, sent and accepted on the portal. */
async function acceptedQuote(overrides: Parameters<typeof quoteOf>[2] = {}) {
  const created = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId, overrides));
  const id = created.body.id as string;
  expect((await member.post(`/api/quotes/${id}/submit`)).status).toBe(200);
  expect((await staff.post(`/api/quotes/${id}/validate`)).status).toBe(200);
  const sent = await staff.post(`/api/quotes/${id}/send`);
  const mails = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.coopId, f.coop.id), eq(mailOutbox.toAddress, f.clientEmail)));
  const last = mails.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1)!;
  const token = /\/portal\/quotes\/([A-Za-z0-9_.-]+)/.exec(last.textBody)![1]!;
  expect((await t.client().post(`/api/portal/quotes/${token}/accept`, { name: 'Claire Dupont' })).status).toBe(200);
  return { id, number: sent.body.number as string };
}

let whole: { id: string; number: string };
let deposit: { id: string; number: string };
let draftForOther: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await createQuotingCoop(t.database.db, 'quote-lists');
  member = await loggedIn(f.coop.member.email);
  staff = await loggedIn(f.coop.staff.email);
  whole = await acceptedQuote();
  deposit = await acceptedQuote(oneLine(100_000));
  expect((await member.post(`/api/quotes/${whole.id}/invoices`, { kind: 'whole' })).status).toBe(201);
  expect((await member.post(`/api/quotes/${deposit.id}/invoices`, { kind: 'deposit', percentBp: 3000 })).status).toBe(201);
  const other = await staff.post('/api/quotes', quoteOf(f.otherActivityId, f.clientId, oneLine(5_000)));
  expect(other.status).toBe(201);
  draftForOther = other.body.id;
});
afterAll(async () => {
  await t?.close();
});

describe('the quotes list', () => {
  it('says a quote is fully invoiced only once nothing is left to invoice on it', async () => {
    const res = await staff.get('/api/quotes');
    const byId = new Map(res.body.items.map((q: { id: string; fullyInvoiced: boolean }) => [q.id, q.fullyInvoiced]));
    expect(byId.get(whole.id)).toBe(true);
    expect(byId.get(deposit.id)).toBe(false);
    expect(byId.get(draftForOther)).toBe(false);
    expect((await staff.get(`/api/quotes/${whole.id}`)).body.fullyInvoiced).toBe(true);
  });

  it('is searched by number or client name', async () => {
    const byNumber = await staff.get(`/api/quotes?q=${encodeURIComponent(deposit.number)}`);
    expect(byNumber.body.items.map((q: { id: string }) => q.id)).toEqual([deposit.id]);
    const byClient = await staff.get('/api/quotes?q=canuts');
    expect(byClient.body.items.map((q: { id: string }) => q.id).sort()).toEqual([whole.id, deposit.id].sort());
  });

  it('sorts by amount and totals the filtered set, not the page', async () => {
    const res = await staff.get('/api/quotes?sort=gross&dir=asc&pageSize=1');
    expect(res.body.items.map((q: { id: string }) => q.id)).toEqual([draftForOther]);
    expect(res.body.total).toBe(3);
    expect(res.body.totals).toEqual({ netCents: QUOTE_TOTALS.netCents + 100_000 + 5_000, grossCents: QUOTE_TOTALS.grossCents + 120_000 + 6_000 });
  });

  it("a member's list and totals hold only her activities' quotes", async () => {
    const res = await member.get('/api/quotes');
    expect(res.body.total).toBe(2);
    expect(res.body.totals.netCents).toBe(QUOTE_TOTALS.netCents + 100_000);
  });

  it('exports the filtered set as CSV, "Facturé" for a fully invoiced quote', async () => {
    const res = await staff.get('/api/quotes/export.csv?sort=gross&dir=desc');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.raw.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Numéro;État;Client;Activité;Valable jusqu’au;Total HT;TVA;Total TTC');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^${whole.number};Facturé;Librairie des Canuts`));
    expect(lines[2]).toMatch(new RegExp(`^${deposit.number};Accepté;`));
    expect(lines[3]).toMatch(/^Brouillon;Brouillon;/);
    const mine = await member.get('/api/quotes/export.csv');
    expect(mine.raw.trim().split('\r\n')).toHaveLength(3);
  });
});
