import { createHash, randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { bankFile, CSV_MAPPING } from '../../../test/support/bank-fixtures.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { getInvoice } from '../invoicing/index.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { auditLog } from '../../platform/audit/schema.js';
import { statementFileKey } from './statement-file.js';

let t: TestApp;
/** 1,000.00 € excl. VAT at 20 %: the 1,200.00 € the fixture's transfers pay. */
const NET = 100_000;
const GROSS = 120_000;

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const PAY_DAY = '2026-06-25';
const camt = (values: Record<string, string>) => ({ filename: 'releve.xml', contentType: 'application/xml', bytes: bankFile('camt053-payments.xml', { DAY: PAY_DAY, ...values }) });
const csv = (values: Record<string, string>) => ({ filename: 'releve-juin.csv', contentType: 'text/csv', bytes: bankFile('releve-mapping.csv', values) });

/** The raw bytes of a response: the test client answers text, and a bank file must come back byte for byte. */
async function download(client: TestClient, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: (client as unknown as { cookieHeader(): string }).cookieHeader() } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

type Line = { id: string; amountCents: number; reference: string; status: string; paymentId: string | null; suggestions: { invoices: { invoiceId: string; number: string }[]; confidence: number; reasons: { code: string }[] }[] };

/** A coop with three open invoices of 1,200.00 € for the same client, and its statement imported. */
async function coopWithStatement(label: string) {
  const f = await createPaymentsCoop(t.database.db, label);
  const staff = await loggedIn(f.coop.staff.email);
  const a = await f.issueInvoice({ netCents: NET });
  const b = await f.issueInvoice({ netCents: NET });
  const c = await f.issueInvoice({ netCents: NET });
  const imported = await staff.upload('/api/bank/statements', camt({ A: a.number, B: b.number, C: c.number, STATEMENT: label }), { format: 'camt053' });
  expect(imported.status).toBe(201);
  const statementId: string = imported.body.statements[0].id;
  const detail = await staff.get(`/api/bank/statements/${statementId}`);
  const lines: Line[] = detail.body.lines;
  const lineOf = (reference: string) => lines.find((l) => l.reference.includes(reference))!;
  return { f, staff, a, b, c, statementId, lines, lineOf };
}

async function bankEntryLines(coopId: string, paymentId: string) {
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

describe('importing a bank statement', () => {
  it('imports the booked lines of a camt.053 file once: the same file again adds nothing and says so', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-reimport');
    const staff = await loggedIn(f.coop.staff.email);
    const file = camt({ A: 'F2026-90001', B: 'F2026-90002', C: 'F2026-90003', STATEMENT: 'reimport' });

    const first = await staff.upload('/api/bank/statements', file, { format: 'camt053' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ addedCount: 4, alreadyImportedCount: 0, notBookedCount: 1 });
    expect(first.body.statements[0]).toMatchObject({ format: 'camt053', accountIban: 'FR7630006000011234567890189', statementRef: 'STMT-reimport', lineCount: 4, creditCents: 330_000, debitCents: 1_230, unmatchedCount: 4 });

    const again = await staff.upload('/api/bank/statements', file, { format: 'camt053' });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ statements: [], addedCount: 0, alreadyImportedCount: 4, notBookedCount: 1 });
    const list = await staff.get('/api/bank/statements');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].lineCount).toBe(4);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.action, 'bank_statement.imported')));
    expect(audits).toHaveLength(1);
  });

  it('two people uploading the same file at once import its lines once', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-race');
    const [one, two] = await Promise.all([loggedIn(f.coop.staff.email), loggedIn(f.coop.admin.email)]);
    const file = camt({ A: 'R-1', B: 'R-2', C: 'R-3', STATEMENT: 'race' });
    const results = await Promise.all([one.upload('/api/bank/statements', file, { format: 'camt053' }), two.upload('/api/bank/statements', file, { format: 'camt053' })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 201]);
    expect(results.reduce((sum, r) => sum + r.body.addedCount, 0)).toBe(4);
    const list = await one.get('/api/bank/statements');
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].lineCount).toBe(4);
  });

  it('reads a CSV export with the column mapping, decimal comma and French dates; only the credit gets suggestions', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-csv');
    const staff = await loggedIn(f.coop.staff.email);
    const invoice = await f.issueInvoice({ netCents: NET });
    const res = await staff.upload('/api/bank/statements', csv({ A: invoice.number }), CSV_MAPPING);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ addedCount: 2, alreadyImportedCount: 0 });
    expect(res.body.statements[0]).toMatchObject({ format: 'csv', accountIban: 'FR7630006000011234567890189', statementRef: 'releve-juin.csv', firstDate: '2026-06-25', lastDate: '2026-06-26' });

    const detail = await staff.get(`/api/bank/statements/${res.body.statements[0].id}`);
    const [credit, debit] = detail.body.lines as Line[];
    expect(credit).toMatchObject({ amountCents: GROSS, reference: invoice.number, status: 'unmatched' });
    expect(credit!.suggestions[0]!.invoices.map((i) => i.number)).toEqual([invoice.number]);
    expect(debit).toMatchObject({ amountCents: -800, suggestions: [] });
    expect((await staff.upload('/api/bank/statements', csv({ A: invoice.number }), CSV_MAPPING)).body).toMatchObject({ addedCount: 0, alreadyImportedCount: 2 });
  });

  it('refuses a malformed file with a 400 naming the line and the field, and writes nothing', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-malformed');
    const staff = await loggedIn(f.coop.staff.email);
    staff.language = 'en';

    const broken = Buffer.from('<?xml version="1.0"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">\n  <BkToCstmrStmt>\n</Document>\n');
    const xml = await staff.upload('/api/bank/statements', { filename: 'x.xml', contentType: 'application/xml', bytes: broken }, { format: 'camt053' });
    expect(xml.status).toBe(400);
    expect(xml.body.error.code).toBe('VALIDATION_FAILED');
    expect(xml.body.error.fields[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/^Line \d+/) });

    const badAmount = Buffer.from('Date;Libellé;Débit;Crédit\n25/06/2026;VIR;;12,30\n26/06/2026;FRAIS;douze;\n');
    const amount = await staff.upload('/api/bank/statements', { filename: 'x.csv', contentType: 'text/csv', bytes: badAmount }, { ...CSV_MAPPING, referenceColumn: '' });
    expect(amount.status).toBe(400);
    expect(amount.body.error.fields).toEqual([{ path: 'file', message: 'Line 3, Débit: Unreadable debit "douze".' }]);

    const noMapping = await staff.upload('/api/bank/statements', csv({ A: 'X' }), { format: 'csv', amountColumn: 'Crédit', debitColumn: 'Débit' });
    expect(noMapping.status).toBe(400);
    expect(noMapping.body.error.fields.map((x: { path: string }) => x.path).sort()).toEqual(['amountColumn', 'dateColumn', 'labelColumn']);

    const noFile = await staff.post('/api/bank/statements', { format: 'camt053' });
    expect(noFile.status).toBe(400);
    expect(noFile.body.error.fields[0].path).toBe('file');

    expect((await staff.get('/api/bank/statements')).body.total).toBe(0);
  });
});

describe('reconciling statement lines with invoices', () => {
  let s: Awaited<ReturnType<typeof coopWithStatement>>;
  beforeAll(async () => {
    s = await coopWithStatement('bank-reconcile');
  });

  it('ranks first the invoice whose number is in the transfer’s reference, with its reasons', () => {
    const line = s.lineOf(s.a.number);
    expect(line.suggestions.length).toBeGreaterThan(1);
    expect(line.suggestions[0]!.invoices.map((i) => i.invoiceId)).toEqual([s.a.id]);
    expect(line.suggestions[0]!.reasons.map((r) => r.code)).toEqual(['INVOICE_NUMBER', 'EXACT_AMOUNT', 'CLIENT_NAME']);
    expect(line.suggestions[0]!.confidence).toBeGreaterThan(line.suggestions[1]!.confidence);
  });

  it('confirming books the payment, the bank entry 512/411, and the invoice is paid', async () => {
    const line = s.lineOf(s.a.number);
    const res = await s.staff.post(`/api/bank/lines/${line.id}/confirm`, { allocations: [{ invoiceId: s.a.id, amountCents: GROSS }] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'matched', suggestions: [] });
    const payment = await s.staff.get(`/api/payments/${res.body.paymentId}`);
    expect(payment.body).toMatchObject({ clientId: s.f.clientId, date: PAY_DAY, amountCents: GROSS, mode: 'transfer', bankLineId: line.id, creditCents: 0 });
    expect(await getInvoice(t.database.db, s.f.staff, s.a.id)).toMatchObject({ status: 'paid', paidCents: GROSS });
    const entry = await bankEntryLines(s.f.coop.id, res.body.paymentId);
    expect(entry.find((l) => l.accountNumber === '512')).toMatchObject({ debitCents: GROSS });
    expect(entry.find((l) => l.accountNumber === '411')).toMatchObject({ creditCents: GROSS, activityId: s.f.activityId });
  });

  it('a transfer of part of an invoice leaves it partially paid', async () => {
    const line = s.lineOf(s.b.number);
    expect(line.suggestions[0]!.invoices.map((i) => i.invoiceId)).toEqual([s.b.id]);
    const res = await s.staff.post(`/api/bank/lines/${line.id}/confirm`, { allocations: [{ invoiceId: s.b.id, amountCents: 60_000 }] });
    expect(res.status).toBe(200);
    expect(await getInvoice(t.database.db, s.f.staff, s.b.id)).toMatchObject({ status: 'partially_paid', paidCents: 60_000 });
  });

  it('an over-payment pays the invoice and leaves the excess on the client’s account', async () => {
    const line = s.lineOf(s.c.number);
    expect(line.amountCents).toBe(150_000);
    const res = await s.staff.post(`/api/bank/lines/${line.id}/confirm`, { allocations: [{ invoiceId: s.c.id, amountCents: GROSS }] });
    expect(res.status).toBe(200);
    const payment = await s.staff.get(`/api/payments/${res.body.paymentId}`);
    expect(payment.body).toMatchObject({ amountCents: 150_000, allocatedCents: GROSS, creditCents: 30_000 });
    expect(await getInvoice(t.database.db, s.f.staff, s.c.id)).toMatchObject({ status: 'paid' });
    const entry = await bankEntryLines(s.f.coop.id, res.body.paymentId);
    expect(entry.find((l) => l.accountNumber === '411' && l.activityId === null)).toMatchObject({ creditCents: 30_000 });
  });

  it('a line already confirmed cannot be confirmed again, and books one payment only', async () => {
    const line = s.lineOf(s.a.number);
    const before = (await s.staff.get(`/api/payments?clientId=${s.f.clientId}&pageSize=100`)).body.total;
    const again = await s.staff.post(`/api/bank/lines/${line.id}/confirm`, { clientId: s.f.clientId, allocations: [] });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BANK_LINE_ALREADY_MATCHED');
    expect((await s.staff.get(`/api/payments?clientId=${s.f.clientId}&pageSize=100`)).body.total).toBe(before);
    expect((await s.staff.post(`/api/bank/lines/${line.id}/ignore`)).status).toBe(409);
  });

  it('a debit is set aside and brought back, but never booked as a client payment', async () => {
    const fee = s.lines.find((l) => l.amountCents < 0)!;
    expect((await s.staff.post(`/api/bank/lines/${fee.id}/confirm`, { clientId: s.f.clientId, allocations: [] })).body.error.code).toBe('BANK_LINE_NOT_CREDIT');
    const ignored = await s.staff.post(`/api/bank/lines/${fee.id}/ignore`);
    expect(ignored.body).toMatchObject({ status: 'ignored' });
    expect((await s.staff.post(`/api/bank/lines/${fee.id}/confirm`, { clientId: s.f.clientId, allocations: [] })).body.error.code).toBe('BANK_LINE_IGNORED');
    const restored = await s.staff.post(`/api/bank/lines/${fee.id}/unignore`);
    expect(restored.body).toMatchObject({ status: 'unmatched' });
    expect((await s.staff.post(`/api/bank/lines/${fee.id}/unignore`)).status).toBe(409);
    const summary = (await s.staff.get(`/api/bank/statements/${s.statementId}`)).body;
    expect(summary).toMatchObject({ matchedCount: 3, unmatchedCount: 1, ignoredCount: 0 });
  });
});

describe('a transfer that settles no invoice', () => {
  it('stays whole on the client named, and needs that client', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-credit');
    const staff = await loggedIn(f.coop.staff.email);
    const imported = await staff.upload('/api/bank/statements', camt({ A: 'X-1', B: 'X-2', C: 'X-3', STATEMENT: 'credit' }), { format: 'camt053' });
    const detail = await staff.get(`/api/bank/statements/${imported.body.statements[0].id}`);
    const line = (detail.body.lines as Line[]).find((l) => l.amountCents === 60_000)!;
    expect(line.suggestions).toEqual([]);

    const unnamed = await staff.post(`/api/bank/lines/${line.id}/confirm`, { allocations: [] });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.error.fields[0].path).toBe('clientId');

    const res = await staff.post(`/api/bank/lines/${line.id}/confirm`, { clientId: f.otherClientId, allocations: [] });
    expect(res.status).toBe(200);
    const payment = await staff.get(`/api/payments/${res.body.paymentId}`);
    expect(payment.body).toMatchObject({ clientId: f.otherClientId, amountCents: 60_000, allocatedCents: 0, creditCents: 60_000 });
  });

  it('cannot be spread over invoices of two clients', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-two-clients');
    const staff = await loggedIn(f.coop.staff.email);
    const mine = await f.issueInvoice({ netCents: 10_000 });
    const theirs = await f.issueInvoice({ netCents: 10_000, clientId: f.otherClientId });
    const imported = await staff.upload('/api/bank/statements', camt({ A: mine.number, B: 'X', C: 'Y', STATEMENT: 'two-clients' }), { format: 'camt053' });
    const detail = await staff.get(`/api/bank/statements/${imported.body.statements[0].id}`);
    const line = (detail.body.lines as Line[]).find((l) => l.amountCents === GROSS)!;
    const res = await staff.post(`/api/bank/lines/${line.id}/confirm`, {
      allocations: [
        { invoiceId: mine.id, amountCents: 12_000 },
        { invoiceId: theirs.id, amountCents: 12_000 },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('allocations.1.invoiceId');
    expect(await getInvoice(t.database.db, f.staff, mine.id)).toMatchObject({ paidCents: 0 });
  });
});

describe('the bank file behind a statement', () => {
  it('downloads the camt.053 file exactly as imported, as XML, with its SHA-256', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-file-xml');
    const staff = await loggedIn(f.coop.staff.email);
    const file = camt({ A: 'D-1', B: 'D-2', C: 'D-3', STATEMENT: 'download' });
    const imported = await staff.upload('/api/bank/statements', file, { format: 'camt053' });
    const statement = imported.body.statements[0];

    const res = await download(staff, `/api/bank/statements/${statement.id}/file`);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.bytes, file.bytes)).toBe(0);
    expect(res.headers['content-type']).toBe('application/xml');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="STMT-download.xml"; filename*=UTF-8''STMT-download.xml`);
    expect(res.headers['x-content-sha256']).toBe(createHash('sha256').update(file.bytes).digest('hex'));
    expect(res.headers['x-content-sha256']).toBe(statement.fileSha256);
  });

  it('downloads a CSV export exactly as imported, under its own name', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-file-csv');
    const admin = await loggedIn(f.coop.admin.email);
    const file = csv({ A: 'D-4' });
    const imported = await admin.upload('/api/bank/statements', file, CSV_MAPPING);
    const res = await download(admin, `/api/bank/statements/${imported.body.statements[0].id}/file`);
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.bytes, file.bytes)).toBe(0);
    expect(res.headers['content-type']).toBe('text/csv');
    expect(res.headers['content-disposition']).toContain('filename="releve-juin.csv"');
  });

  it('refuses a stored file whose bytes no longer match the SHA-256 recorded at import', async () => {
    const f = await createPaymentsCoop(t.database.db, 'bank-file-altered');
    const staff = await loggedIn(f.coop.staff.email);
    staff.language = 'en';
    const imported = await staff.upload('/api/bank/statements', camt({ A: 'T-1', B: 'T-2', C: 'T-3', STATEMENT: 'altered' }), { format: 'camt053' });
    const id: string = imported.body.statements[0].id;
    const key = statementFileKey(f.coop.id, id);
    const { storage } = t.app.deps;
    await storage.remove(key);
    await storage.put(key, Buffer.from('<Document>rewritten</Document>'));

    const res = await staff.get(`/api/bank/statements/${id}/file`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('STATEMENT_FILE_ALTERED');
    expect(res.body.error.message).toContain('SHA-256');

    await storage.remove(key);
    expect((await staff.get(`/api/bank/statements/${id}/file`)).body.error.code).toBe('STATEMENT_FILE_MISSING');
  });
});

describe('who sees the bank', () => {
  let s: Awaited<ReturnType<typeof coopWithStatement>>;
  beforeAll(async () => {
    s = await coopWithStatement('bank-access');
  });

  it('a member is refused every bank route', async () => {
    const member = await loggedIn(s.f.coop.member.email);
    const line = s.lines[0]!;
    const calls = [
      member.get('/api/bank/statements'),
      member.get(`/api/bank/statements/${s.statementId}`),
      member.upload('/api/bank/statements', camt({ A: 'M', B: 'M', C: 'M', STATEMENT: 'member' }), { format: 'camt053' }),
      member.post(`/api/bank/lines/${line.id}/confirm`, { clientId: s.f.clientId, allocations: [] }),
      member.post(`/api/bank/lines/${line.id}/ignore`),
      member.post(`/api/bank/lines/${line.id}/unignore`),
    ];
    for (const res of await Promise.all(calls)) expect([403, 404]).toContain(res.status);
    expect((await member.get(`/api/bank/statements/${s.statementId}/file`)).status).toBe(403);
    expect((await s.staff.get(`/api/bank/statements/${s.statementId}`)).body.unmatchedCount).toBe(4);
  });

  it('another cooperative’s statements and lines are invisible to its staff', async () => {
    const g = await createPaymentsCoop(t.database.db, 'bank-outsider');
    const outsider = await loggedIn(g.coop.staff.email);
    const line = s.lines[0]!;
    expect((await outsider.get('/api/bank/statements')).body.total).toBe(0);
    expect((await outsider.get(`/api/bank/statements/${s.statementId}`)).status).toBe(404);
    expect((await outsider.post(`/api/bank/lines/${line.id}/confirm`, { clientId: g.clientId, allocations: [] })).status).toBe(404);
    expect((await outsider.post(`/api/bank/lines/${line.id}/ignore`)).status).toBe(404);
    expect((await outsider.get(`/api/bank/statements/${randomUUID()}`)).status).toBe(404);
    const file = await outsider.get(`/api/bank/statements/${s.statementId}/file`);
    expect(file.status).toBe(404);
    expect(file.body.error.code).toBe('STATEMENT_NOT_FOUND');
    expect((await s.staff.get(`/api/bank/statements/${s.statementId}`)).body.unmatchedCount).toBe(4);
  });
});
