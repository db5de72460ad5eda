import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { todayFromClock } from '../../src/platform/calendar/index.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';
import { createPerson, DEMO_PASSWORD } from '../support/fixtures.js';
import { createInvoicingCoop, draftOf } from '../support/invoicing-db-fixtures.js';

/**
 * The accountant role (DESIGN.md, Roles): the coop's books, bank, invoices and payments, read
 * whole; the accountant drafts, validates, records and reconciles nothing. The API holds the
 * rule; the web menu only follows it.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof createInvoicingCoop>>;
let accountant: TestClient;
let invoiceId: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await createInvoicingCoop(t.database.db, 'accountant');
  const person = await createPerson(t.database.db, f.coop.id, `compta@${f.coop.admin.email.split('@')[1]}`, 'Chloé Compta', ['accountant']);
  const draft = await createDraftInvoice(t.database.db, f.staff, draftOf(f.activityId, f.clientId));
  await validateInvoice(t.database.db, f.staff, draft.id, todayFromClock());
  invoiceId = draft.id;
  accountant = t.client();
  await accountant.login(person.email, DEMO_PASSWORD);
});
afterAll(async () => {
  await t?.close();
});

describe('the accountant', () => {
  it('reads the trial balance, the general ledger and the journal entries of the whole coop', async () => {
    const year = todayFromClock().slice(0, 4);
    const trial = await accountant.get(`/api/ledger/trial-balance?from=${year}-01-01&to=${year}-12-31`);
    expect(trial.status).toBe(200);
    expect(trial.body.rows.map((r: { account: string }) => r.account)).toEqual(expect.arrayContaining(['411', '706', '44571']));
    expect((await accountant.get(`/api/ledger/general-ledger?from=${year}-01-01&to=${year}-12-31`)).status).toBe(200);
    expect((await accountant.get('/api/ledger/entries')).body.total).toBeGreaterThan(0);
    expect((await accountant.get(`/api/ledger/trial-balance?from=${year}-01-01&to=${year}-12-31&format=csv`)).status).toBe(200);
  });

  it("reads every member's invoices, their files, the payments and the bank statements", async () => {
    const list = await accountant.get('/api/invoices');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(invoiceId);
    expect((await accountant.get(`/api/invoices/${invoiceId}`)).status).toBe(200);
    expect((await accountant.get('/api/payments')).status).toBe(200);
    expect((await accountant.get('/api/bank/statements')).status).toBe(200);
  });

  it('sees the books on the home page: receivables, revenue and VAT of the invoice issued', async () => {
    const res = await accountant.get('/api/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.coop).toBeUndefined();
    expect(res.body.books).toMatchObject({ receivablesCents: 121_899, revenueCents: 101_800, vatCollectedCents: 20_099, bankCents: 0 });
  });

  it('cannot draft an invoice, record a payment, post an entry, or read the members', async () => {
    expect((await accountant.post('/api/invoices', draftOf(f.activityId, f.clientId))).status).toBe(403);
    expect((await accountant.post('/api/payments', { clientId: f.clientId, date: todayFromClock(), amountCents: 1_000, mode: 'transfer' })).status).toBe(403);
    const entry = { date: todayFromClock(), label: 'Essai', lines: [{ account: '512', debitCents: 100 }, { account: '706', creditCents: 100 }] };
    expect((await accountant.post('/api/ledger/entries', entry)).status).toBe(403);
    expect((await accountant.post(`/api/invoices/${invoiceId}/send`, {})).status).toBe(403);
    expect((await accountant.get('/api/members')).status).toBe(403);
  });
});
