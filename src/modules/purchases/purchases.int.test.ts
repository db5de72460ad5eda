import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { coopBuyer, supplierCii, supplierFacturX, supplierInvoiceDocument } from '../../../test/support/supplier-einvoice.js';
import { auditLog } from '../../platform/audit/schema.js';
import { todayInFrance } from '../../platform/calendar/index.js';
import { jobs } from '../../platform/jobs/schema.js';
import { createActivity } from '../activities/index.js';
import { listSpendingCategories } from '../expenses/index.js';
import { getCoop } from '../coops/index.js';
import { journalEntryLines } from '../ledger/schema.js';
import { listPayables } from './index.js';
import { supplierInvoiceStatuses } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let staffA: TestClient;
let memberA: TestClient;
let adminA: TestClient;
let activityOfMia: string;
let otherActivity: string;
let buyer: ReturnType<typeof coopBuyer>;
let cat: Record<string, { id: string; account: string }>;
const today = todayInFrance(new Date());

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const linesOf = (entryId: string) => t.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, a.id), eq(journalEntryLines.entryId, entryId))).orderBy(journalEntryLines.lineNo);

/** A push of a platform: no session, the token in the Authorization header. */
async function push(token: string | null, bytes: Buffer, filename = 'facture.xml') {
  const boundary = '----push' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await t.app.inject({ method: 'POST', url: '/api/purchases/inbound', headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...(token ? { authorization: `Bearer ${token}` } : {}) }, payload });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'purch-a');
  await setUpLedger(t.database.db, a.id);
  const coop = await getCoop(t.database.db, a.id);
  buyer = coopBuyer({ name: coop.name, siren: coop.siren, vatNumber: coop.vatNumber });
  const mia = await addMember(t.database.db, a, { firstName: 'Mia', lastName: 'Member', email: a.member.email, userId: a.member.id });
  const other = await addMember(t.database.db, a, { firstName: 'Olivier', lastName: 'Autre' });
  activityOfMia = (await t.database.db.transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Atelier Mia', holders: [{ memberId: mia.id, shareBp: 10_000 }] }))).id;
  otherActivity = (await t.database.db.transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Atelier Olivier', holders: [{ memberId: other.id, shareBp: 10_000 }] }))).id;
  [staffA, memberA, adminA] = await Promise.all([login(a.staff.email), login(a.member.email), login(a.admin.email)]);
  cat = Object.fromEntries((await listSpendingCategories(t.database.db, a.id)).map((c) => [c.code, c]));
  // A fresh database with every migration: slow on a loaded machine, not a behaviour under test.
}, 300_000);
afterAll(() => t.close());

describe('a supplier Factur-X received, approved and paid', () => {
  let id: string;

  it('reads the embedded XML, creates the supplier from it, keeps the file with its hash, records 202 Reçue', async () => {
    const pdf = await supplierFacturX(supplierInvoiceDocument(buyer));
    const res = await staffA.upload('/api/purchases/invoices/upload', { filename: 'FA-2026-0117.pdf', contentType: 'application/pdf', bytes: pdf }, { activityId: activityOfMia });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'FA-2026-0117', status: 'received', format: 'facturx', netCents: 8480, vatCents: 1119, grossCents: 9599, activityId: activityOfMia, hasFile: true, supplier: { name: 'Papeterie Dupont SARL', siren: '443061841' } });
    expect(res.body.readModel.seller.vatNumber).toBe('FR64443061841');
    expect(res.body.statuses.map((s: { code: number }) => s.code)).toEqual([202]);
    id = res.body.id;
    const file = await staffA.request('GET', `/api/purchases/invoices/${id}/file`);
    expect(file.headers['content-type']).toBe('application/pdf');
    const queued = await t.database.db.select().from(jobs).where(and(eq(jobs.coopId, a.id), eq(jobs.kind, 'purchases.send_lifecycle_status')));
    expect(queued.length).toBe(1);
  });

  it('the same invoice twice is refused with 409 saying when it came, as the same file or under another file', async () => {
    const again = await staffA.upload('/api/purchases/invoices/upload', { filename: 'copie.pdf', contentType: 'application/pdf', bytes: await supplierFacturX(supplierInvoiceDocument(buyer)) });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(/déjà été reçue? le/);
    const asXml = await staffA.upload('/api/purchases/invoices/upload', { filename: 'FA-2026-0117.xml', contentType: 'text/xml', bytes: Buffer.from(supplierCii(supplierInvoiceDocument(buyer))) });
    expect(asXml.status).toBe(409);
  });

  it("the lines read from the file start on the neutral default category (other supplies, 6068, outside the contribution base); an unknown category is a 400 naming the line", async () => {
    const res = await staffA.get(`/api/purchases/invoices/${id}`);
    expect(res.body.lines.map((l: { spendingCategoryId: string; account: string }) => [l.spendingCategoryId, l.account])).toEqual([
      [cat.other_supplies!.id, '6068'],
      [cat.other_supplies!.id, '6068'],
    ]);
    const bad = await staffA.request('PATCH', `/api/purchases/invoices/${id}`, { lines: [{ position: 1, spendingCategoryId: crypto.randomUUID() }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('lines.0.spendingCategoryId');
  });

  it('approving books D 6xx + D 44566 / C 401 on the supplier auxiliary account, balanced, in journal AC', async () => {
    const set = await staffA.request('PATCH', `/api/purchases/invoices/${id}`, { lines: [{ position: 1, spendingCategoryId: cat.office_supplies!.id }, { position: 2, spendingCategoryId: cat.small_equipment!.id }] });
    expect(set.status).toBe(200);
    const res = await staffA.post(`/api/purchases/invoices/${id}/approve`, {});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    const lines = await linesOf(res.body.purchaseEntryId);
    const debit = lines.reduce((s, l) => s + Number(l.debitCents), 0);
    const credit = lines.reduce((s, l) => s + Number(l.creditCents), 0);
    expect(debit).toBe(credit);
    expect(lines.map((l) => [l.accountNumber, Number(l.debitCents), Number(l.creditCents), l.activityId])).toEqual([
      ['6064', 4500, 0, activityOfMia],
      ['6063', 3980, 0, activityOfMia],
      ['44566', 1119, 0, activityOfMia],
      ['401', 0, 9599, activityOfMia],
    ]);
    expect(lines[3]!.auxiliaryNumber).toMatch(/^F\d{5}$/);
    const again = await staffA.post(`/api/purchases/invoices/${id}/approve`, {});
    expect(again.status).toBe(409);
  });

  it('is offered to payouts, then marked paid once: D 401 / C 512', async () => {
    const payables = await listPayables(t.database.db, a.id);
    expect(payables).toEqual([expect.objectContaining({ sourceType: 'supplier_invoice', sourceId: id, amountCents: 9599, payeeIban: 'FR7630006000011234567890189', reference: 'FA-2026-0117', activityId: activityOfMia })]);
    const paid = await staffA.post(`/api/purchases/invoices/${id}/pay`, { paidOn: today, reference: 'VIR-0001' });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    const lines = await linesOf(paid.body.paymentEntryId);
    expect(lines.map((l) => [l.accountNumber.slice(0, 3), Number(l.debitCents), Number(l.creditCents)])).toEqual([['401', 9599, 0], ['512', 0, 9599]]);
    expect((await staffA.post(`/api/purchases/invoices/${id}/pay`, { paidOn: today, reference: 'VIR-0002' })).status).toBe(409);
    expect(await listPayables(t.database.db, a.id)).toEqual([]);
    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.entityId, id)));
    expect(audits.map((r) => r.action).sort()).toEqual(['supplier_invoice.approved', 'supplier_invoice.paid', 'supplier_invoice.received', 'supplier_invoice.updated']);
    const statuses = await t.database.db.select({ code: supplierInvoiceStatuses.code }).from(supplierInvoiceStatuses).where(eq(supplierInvoiceStatuses.invoiceId, id));
    expect(statuses.map((s) => s.code).sort()).toEqual([202, 205, 211]);
  });

  it('the whole ledger of the coop stays balanced', async () => {
    const res: unknown = await t.database.db.execute(sql`select coalesce(sum(debit_cents),0)::text as d, coalesce(sum(credit_cents),0)::text as c from ledger_journal_entry_lines where coop_id = ${a.id}`);
    const [row] = (res && typeof res === 'object' && 'rows' in res ? (res as { rows: unknown[] }).rows : res) as { d: string; c: string }[];
    expect(row!.d).toBe(row!.c);
  });
});

describe('refusal, dispute and what a member sees', () => {
  it('refuses with a reason (210) and books nothing; a refusal without a reason is a 400', async () => {
    const up = await staffA.upload('/api/purchases/invoices/upload', { filename: 'b.xml', contentType: 'text/xml', bytes: Buffer.from(supplierCii(supplierInvoiceDocument(buyer, { number: 'FA-2026-0200' }))) }, { activityId: otherActivity });
    expect(up.status).toBe(201);
    expect((await staffA.post(`/api/purchases/invoices/${up.body.id}/refuse`, {})).status).toBe(400);
    const disputed = await staffA.post(`/api/purchases/invoices/${up.body.id}/dispute`, { reason: 'Quantité livrée : 5 ramettes, pas 10.' });
    expect(disputed.body.status).toBe('disputed');
    const refused = await staffA.post(`/api/purchases/invoices/${up.body.id}/refuse`, { reason: 'Marchandise jamais livrée.' });
    expect(refused.body).toMatchObject({ status: 'refused', statusReason: 'Marchandise jamais livrée.', purchaseEntryId: null });
  });

  it("a member reads the purchases of their activities, not another member's", async () => {
    const list = await memberA.get('/api/purchases/invoices');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { activityId: string }) => i.activityId)).toEqual([activityOfMia]);
    const theirs = list.body.items[0].id;
    expect((await memberA.get(`/api/purchases/invoices/${theirs}`)).status).toBe(200);
    const others = (await staffA.get('/api/purchases/invoices')).body.items.find((i: { activityId: string }) => i.activityId === otherActivity);
    expect((await memberA.get(`/api/purchases/invoices/${others.id}`)).status).toBe(404);
    expect((await memberA.post(`/api/purchases/invoices/${theirs}/approve`, {})).status).toBe(403);
  });

  it('refuses a broken e-invoice with the rule it breaks, and an invoice addressed to someone else', async () => {
    const xml = supplierCii(supplierInvoiceDocument(buyer, { number: 'FA-2026-0300' })).replace('<ram:GrandTotalAmount>95.99<', '<ram:GrandTotalAmount>99.99<');
    const broken = await staffA.upload('/api/purchases/invoices/upload', { filename: 'x.xml', contentType: 'text/xml', bytes: Buffer.from(xml) });
    expect(broken.status).toBe(400);
    expect(broken.body.error.fields[0]).toMatchObject({ path: 'file' });
    expect(JSON.stringify(broken.body.error.fields[0].message)).toContain('BR-CO-15');
    const elsewhere = supplierCii(supplierInvoiceDocument(coopBuyer({ name: 'Danone SA', siren: '552032534', vatNumber: 'FR27552032534' }), { number: 'FA-2026-0301' }));
    const notOurs = await staffA.upload('/api/purchases/invoices/upload', { filename: 'y.xml', contentType: 'text/xml', bytes: Buffer.from(elsewhere) });
    expect(notOurs.status).toBe(400);
    expect(JSON.stringify(notOurs.body.error.fields[0].message)).toContain('BUYER');
  });
});

describe('an invoice typed by hand', () => {
  it('records a supplier, then an invoice whose totals add up; wrong totals and the same number twice are refused', async () => {
    const supplier = await staffA.post('/api/purchases/suppliers', { name: 'Garage Martin', siret: '44306184100047', vatNumber: 'FR64443061841', iban: 'FR14 2004 1010 0505 0001 3M02 606' });
    // The same SIREN as the supplier created from the Factur-X: one supplier per SIREN.
    expect(supplier.status).toBe(409);
    const other = await staffA.post('/api/purchases/suppliers', { name: 'Garage Martin', siren: '552032534', iban: 'FR14 2004 1010 0505 0001 3M02 606' });
    expect(other.status).toBe(201);
    expect(other.body.iban).toBe('FR1420041010050500013M02606');
    expect((await staffA.post('/api/purchases/suppliers', { name: 'X', siren: '552032535' })).status).toBe(400);
    const body = { supplierId: other.body.id, activityId: activityOfMia, number: 'GM-77', issueDate: today, lines: [{ label: 'Vidange du camion', spendingCategoryId: cat.repairs!.id, netCents: 15_000, vatRateBp: 2000, vatCents: 3_000 }], netCents: 15_000, vatCents: 3_000, grossCents: 18_000 };
    expect((await staffA.post('/api/purchases/invoices', { ...body, grossCents: 18_001 })).status).toBe(400);
    const ok = await staffA.post('/api/purchases/invoices', body);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ origin: 'manual', status: 'received', grossCents: 18_000, lines: [{ spendingCategoryId: cat.repairs!.id, account: '6155' }] });
    expect((await staffA.post('/api/purchases/invoices', body)).status).toBe(409);
    const approved = await staffA.post(`/api/purchases/invoices/${ok.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    const lines = await linesOf(approved.body.purchaseEntryId);
    expect(lines.map((l) => [l.accountNumber, Number(l.debitCents), Number(l.creditCents)])).toEqual([['6155', 15_000, 0], ['44566', 3_000, 0], ['401', 0, 18_000]]);
  });
});

describe('a platform pushes invoices with a token', () => {
  it('without a token, or with a wrong or revoked one: 401 and nothing written', async () => {
    const bytes = Buffer.from(supplierCii(supplierInvoiceDocument(buyer, { number: 'FA-2026-0400' })));
    // Without a token the call is a browser's as far as the server can tell: the CSRF guard refuses it first.
    expect([401, 403]).toContain((await push(null, bytes)).status);
    expect((await push(`${a.id}.not-the-secret`, bytes)).status).toBe(401);
    const created = await adminA.post('/api/purchases/api-tokens', { label: 'Plateforme agréée' });
    expect(created.status).toBe(201);
    const ok = await push(created.body.token, bytes);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ number: 'FA-2026-0400', origin: 'api', status: 'received' });
    const twice = await push(created.body.token, bytes);
    expect(twice.status).toBe(409);
    const listed = await adminA.get('/api/purchases/api-tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token.split('.')[1]);
    expect((await adminA.post(`/api/purchases/api-tokens/${created.body.id}/revoke`, {})).status).toBe(200);
    expect((await push(created.body.token, Buffer.from(supplierCii(supplierInvoiceDocument(buyer, { number: 'FA-2026-0401' }))))).status).toBe(401);
  });

  it('only an admin creates tokens', async () => {
    expect((await staffA.post('/api/purchases/api-tokens', { label: 'x' })).status).toBe(403);
  });
});
