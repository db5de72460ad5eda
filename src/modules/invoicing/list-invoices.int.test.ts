import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { createClient } from '../clients/index.js';
import { auditLog } from '../../platform/audit/schema.js';
import { count, eq } from 'drizzle-orm';

let t: TestApp;
let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
let staff: TestClient;
let member: TestClient;
let small: { id: string; number: string; grossCents: number };
let large: { id: string; number: string; grossCents: number };
let others: { id: string; number: string; grossCents: number };
let trap: { id: string; number: string; grossCents: number };

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createPaymentsCoop(t.database.db, 'lists');
  staff = await loggedIn(f.coop.staff.email);
  member = await loggedIn(f.coop.member.email);
  const formulaClient = await createClient(t.database.db, { coopId: f.coop.id, userId: f.coop.admin.id }, {
    kind: 'individual',
    name: '=HYPERLINK("http://evil.test")',
    addresses: [{ kind: 'billing', line1: '2 rue Piège', postalCode: '69001', city: 'Lyon', country: 'FR', isDefault: true }],
  });
  small = await f.issueInvoice({ netCents: 10_000 });
  large = await f.issueInvoice({ netCents: 50_000 });
  others = await f.issueInvoice({ netCents: 30_000, activityId: f.otherActivityId });
  trap = await f.issueInvoice({ netCents: 1_000, clientId: formulaClient.id });
  // 100 € paid on the large invoice: 600 € − 100 € left.
  const paid = await staff.post('/api/payments', { clientId: f.clientId, date: '2026-06-25', amountCents: 10_000, mode: 'cheque', reference: 'CHQ 1', allocations: [{ invoiceId: large.id, amountCents: 10_000 }] });
  expect(paid.status).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

describe('the invoices list', () => {
  it('sorts by amount either way', async () => {
    const up = await staff.get('/api/invoices?sort=gross&dir=asc');
    expect(up.status).toBe(200);
    expect(up.body.items.map((i: { number: string }) => i.number)).toEqual([trap.number, small.number, others.number, large.number]);
    const down = await staff.get('/api/invoices?sort=gross&dir=desc');
    expect(down.body.items.map((i: { number: string }) => i.number)).toEqual([large.number, others.number, small.number, trap.number]);
  });

  it('refuses to sort by a column it does not offer', async () => {
    const res = await staff.get('/api/invoices?sort=clientId');
    expect(res.status).toBe(400);
  });

  it('totals the whole filtered set, not the page shown', async () => {
    const res = await staff.get('/api/invoices?pageSize=1');
    expect(res.body.items).toHaveLength(1);
    const gross = small.grossCents + large.grossCents + others.grossCents + trap.grossCents;
    expect(res.body.totals).toEqual({ grossCents: gross, paidCents: 10_000, leftCents: gross - 10_000 });
    const mine = await staff.get(`/api/invoices?activityId=${f.activityId}&clientId=${f.clientId}`);
    expect(mine.body.totals).toEqual({ grossCents: small.grossCents + large.grossCents, paidCents: 10_000, leftCents: small.grossCents + large.grossCents - 10_000 });
  });

  it("a member's totals count only her activities' invoices", async () => {
    const res = await member.get('/api/invoices');
    expect(res.body.items.map((i: { id: string }) => i.id).sort()).toEqual([small.id, large.id, trap.id].sort());
    expect(res.body.totals.grossCents).toBe(small.grossCents + large.grossCents + trap.grossCents);
  });

  it('exports the filtered set as CSV, a client name that starts a formula neutralised, and writes nothing', async () => {
    const [{ n: before }] = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.coopId, f.coop.id));
    const res = await staff.get('/api/invoices/export.csv?sort=gross&dir=desc');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('attachment');
    const lines = res.raw.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Numéro;Type;Statut;Client;Activité;Date;Échéance;Total HT;TVA;Total TTC;Payé;Reste à payer');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toContain(`${large.number};Facture;Partiellement payée;Boulangerie du Parc`);
    expect(lines[1]).toContain(`;${(large.grossCents / 100).toFixed(2).replace('.', ',')};100,00;`);
    expect(lines[4]).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    const [{ n: after }] = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.coopId, f.coop.id));
    expect(after).toBe(before);
  });

  it("a member's export holds only her activities' invoices", async () => {
    const res = await member.get('/api/invoices/export.csv');
    expect(res.status).toBe(200);
    expect(res.raw).not.toContain(others.number);
    expect(res.raw).toContain(small.number);
  });
});

describe('the payments list', () => {
  beforeAll(async () => {
    const card = await staff.post('/api/payments', { clientId: f.clientId, date: '2026-07-02', amountCents: small.grossCents, mode: 'card', allocations: [{ invoiceId: small.id, amountCents: small.grossCents }] });
    expect(card.status).toBe(201);
    const transfer = await staff.post('/api/payments', { clientId: f.clientId, date: '2026-07-10', amountCents: others.grossCents, mode: 'transfer', reference: 'VIR OSCAR', allocations: [{ invoiceId: others.id, amountCents: others.grossCents }] });
    expect(transfer.status).toBe(201);
  });

  it('filters by date range, mode and client, with the sum of what it keeps', async () => {
    const july = await staff.get('/api/payments?from=2026-07-01&to=2026-07-31');
    expect(july.body.total).toBe(2);
    expect(july.body.totals).toEqual({ amountCents: small.grossCents + others.grossCents });
    const cheques = await staff.get('/api/payments?mode=cheque');
    expect(cheques.body.items.map((p: { reference: string }) => p.reference)).toEqual(['CHQ 1']);
    expect(cheques.body.totals.amountCents).toBe(10_000);
    const otherClient = await staff.get(`/api/payments?clientId=${f.otherClientId}`);
    expect(otherClient.body).toMatchObject({ total: 0, totals: { amountCents: 0 } });
  });

  it('filters the payments not yet seen on a bank statement', async () => {
    const unreconciled = await staff.get('/api/payments?reconciled=false');
    expect(unreconciled.body.total).toBe(3);
    const reconciled = await staff.get('/api/payments?reconciled=true');
    expect(reconciled.body.total).toBe(0);
  });

  it('lists the payments of one invoice', async () => {
    const res = await staff.get(`/api/payments?invoiceId=${large.id}`);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({ mode: 'cheque', reference: 'CHQ 1', amountCents: 10_000, date: '2026-06-25' });
  });

  it('sorts by amount and totals the filtered set across pages', async () => {
    const res = await staff.get('/api/payments?sort=amount&dir=desc&pageSize=1');
    expect(res.body.items[0].amountCents).toBe(others.grossCents);
    expect(res.body.totals.amountCents).toBe(10_000 + small.grossCents + others.grossCents);
  });

  it('refuses a period that ends before it starts', async () => {
    const res = await staff.get('/api/payments?from=2026-07-31&to=2026-07-01');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('to');
  });

  it("a member's list and totals hold only the payments of her activities", async () => {
    const res = await member.get('/api/payments');
    expect(res.body.items.map((p: { reference: string | null }) => p.reference).sort()).toEqual(['CHQ 1', null].sort());
    expect(res.body.totals.amountCents).toBe(10_000 + small.grossCents);
  });

  it('exports the filtered payments as CSV', async () => {
    const res = await staff.get('/api/payments/export.csv?mode=transfer');
    expect(res.status).toBe(200);
    const lines = res.raw.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Date;Client;Mode;Référence;Montant;Factures réglées;Avoir client;Rapproché');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('10/07/2026;Boulangerie du Parc;Virement;VIR OSCAR;');
    expect(lines[1]).toContain(others.number);
    const mine = await member.get('/api/payments/export.csv');
    expect(mine.raw).not.toContain('VIR OSCAR');
  });
});

describe("an invoice's mails", () => {
  it('lists the send of an invoice with the outbox status: queued until the mail leaves', async () => {
    const mailed = await createClient(t.database.db, { coopId: f.coop.id, userId: f.coop.admin.id }, {
      kind: 'individual',
      name: 'Louise Libraire',
      email: 'compta@librairie.test',
      addresses: [{ kind: 'billing', line1: '1 rue des Livres', postalCode: '75005', city: 'Paris', country: 'FR', isDefault: true }],
    });
    const invoice = await f.issueInvoice({ netCents: 2_000, clientId: mailed.id });
    const sent = await staff.post(`/api/invoices/${invoice.id}/send`);
    expect(sent.status).toBe(200);
    const res = await staff.get(`/api/dunning/invoices/${invoice.id}/mails`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([expect.objectContaining({ source: 'invoice', mailStatus: 'queued', sentAt: null, to: 'compta@librairie.test' })]);
  });

  it('are the team’s: a member is refused', async () => {
    const res = await member.get(`/api/dunning/invoices/${small.id}/mails`);
    expect(res.status).toBe(403);
  });
});
