import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINE_BOUNDS } from '../../src/modules/documents/contract.js';
import { bankStatementLines, bankStatements } from '../../src/modules/banking/schema.js';
import { invoiceLines, invoices } from '../../src/modules/invoicing/schema.js';
import { CSRF_HEADER } from '../../src/platform/http/app.js';
import { quoteLines, quotes } from '../../src/modules/quotes/schema.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';
import { bankFile, CSV_MAPPING } from '../support/bank-fixtures.js';
import { DEMO_PASSWORD } from '../support/fixtures.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { createPaymentsCoop } from '../support/payments-fixtures.js';
import { quoteOf } from '../support/quotes-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t.close();
});

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** A JSON text whose `field` holds arrays nested `depth` levels. */
const nestedBody = (field: string, depth: number) => `{"${field}":${'['.repeat(depth)}${']'.repeat(depth)}}`;
const json = { 'content-type': 'application/json' };

describe('a request body nested absurdly deep', () => {
  it('is refused with a 400 naming the reason on the anonymous login, not a 500', async () => {
    const c = t.client();
    const res = await c.request('POST', '/api/auth/login', nestedBody('email', 10_000) as never, json);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].message).toMatch(/imbriquées trop profondément/);
  });

  it('is refused with a 400 on a staff route, and a body of ordinary depth still goes through to its schema', async () => {
    const f = await createPaymentsCoop(t.database.db, 'deep');
    const staff = await loggedIn(f.coop.staff.email);
    const deep = await staff.request('POST', '/api/clients', nestedBody('name', 10_000) as never, json);
    expect(deep.status).toBe(400);
    expect(deep.body.error.fields[0].path).toMatch(/^name/);
    const shallow = await staff.request('POST', '/api/clients', nestedBody('name', 3) as never, json);
    expect(shallow.status).toBe(400);
    expect(shallow.body.error.fields.some((e: { message: string }) => /imbriquées/.test(e.message))).toBe(false);
  });
});

describe('amounts beyond the bounds of a document', () => {
  /** Ten lines at the bounds: 10^16 cents excl. VAT, past 2^53, where the totals threw a RangeError (500). */
  const hugeLines = Array.from({ length: 10 }, (_, i) => ({
    description: `Ligne ${i + 1}`,
    quantityMilli: LINE_BOUNDS.maxQuantityMilli,
    unit: 'C62',
    unitPriceCents: LINE_BOUNDS.maxUnitPriceCents,
    vatCategory: 'S' as const,
    vatRateBp: 2000,
  }));

  it('an invoice or a quote draft whose total is too large is a 400 on its lines, and nothing is written', async () => {
    const f = await createPaymentsCoop(t.database.db, 'huge');
    const staff = await loggedIn(f.coop.staff.email);
    const db = t.database.db;
    const counts = async () => ({
      invoices: (await db.select().from(invoices).where(eq(invoices.coopId, f.coop.id))).length,
      invoiceLines: (await db.select().from(invoiceLines).where(eq(invoiceLines.coopId, f.coop.id))).length,
      quotes: (await db.select().from(quotes).where(eq(quotes.coopId, f.coop.id))).length,
      quoteLines: (await db.select().from(quoteLines).where(eq(quoteLines.coopId, f.coop.id))).length,
    });
    const before = await counts();

    const invoice = await staff.post('/api/invoices', draftOf(f.activityId, f.clientId, { lines: hugeLines }));
    expect(invoice.status).toBe(400);
    expect(invoice.body.error.fields.map((e: { path: string }) => e.path)).toEqual(['lines']);
    const quote = await staff.post('/api/quotes', quoteOf(f.activityId, f.clientId, { lines: hugeLines }));
    expect(quote.status).toBe(400);
    expect(quote.body.error.fields.map((e: { path: string }) => e.path)).toEqual(['lines']);
    const overPriced = await staff.post('/api/invoices', draftOf(f.activityId, f.clientId, { lines: [{ ...hugeLines[0]!, unitPriceCents: 2 ** 53 }] }));
    expect(overPriced.status).toBe(400);
    expect(overPriced.body.error.fields.map((e: { path: string }) => e.path)).toContain('lines.0.unitPriceCents');
    expect(await counts()).toEqual(before);

    const draft = await staff.post('/api/invoices', draftOf(f.activityId, f.clientId));
    expect(draft.status).toBe(201);
    const saved = await counts();
    const updated = await staff.patch(`/api/invoices/${draft.body.id}`, { lines: hugeLines });
    expect(updated.status).toBe(400);
    expect(updated.body.error.fields.map((e: { path: string }) => e.path)).toEqual(['lines']);
    expect(await counts()).toEqual(saved);
  });
});

describe('a bank file the import cannot read', () => {
  const camt = (values: Record<string, string>) => ({ filename: 'releve.xml', contentType: 'application/xml', bytes: bankFile('camt053-payments.xml', { DAY: '2026-06-25', STATEMENT: 'BAD', A: 'F1', B: 'F2', C: 'F3', ...values }) });

  async function importer(label: string) {
    const f = await createPaymentsCoop(t.database.db, label);
    const staff = await loggedIn(f.coop.staff.email);
    staff.language = 'en';
    const written = async () => ({
      statements: (await t.database.db.select().from(bankStatements).where(eq(bankStatements.coopId, f.coop.id))).length,
      lines: (await t.database.db.select().from(bankStatementLines).where(eq(bankStatementLines.coopId, f.coop.id))).length,
    });
    return { staff, written };
  }

  it('a multipart body cut before its closing boundary is a 400 on the file, and nothing is written', async () => {
    const { staff, written } = await importer('cut-multipart');
    await staff.get('/api/auth/session');
    const boundary = '----mutualise-cut';
    const payload = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="format"\r\n\r\ncamt053\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="releve.xml"\r\nContent-Type: application/xml\r\n\r\n`),
      camt({}).bytes,
    ]);
    const cookie = (staff as unknown as { cookieHeader(): string }).cookieHeader();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/bank/statements',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie, [CSRF_HEADER]: staff.csrfToken!, 'accept-language': 'en' },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.parse(res.body).error.fields[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/incomplete|truncated|cut/i) });
    expect(await written()).toEqual({ statements: 0, lines: 0 });
  });

  it('a NUL byte in a bank CSV is a 400 on the file, and nothing is written', async () => {
    const { staff, written } = await importer('nul-csv');
    const bytes = bankFile('releve-mapping.csv', { A: 'F2026-\u000000001' });
    const res = await staff.upload('/api/bank/statements', { filename: 'releve.csv', contentType: 'text/csv', bytes }, CSV_MAPPING);
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'file', message: expect.stringMatching(/NUL/) });
    expect(await written()).toEqual({ statements: 0, lines: 0 });
  });

  it.each([
    ['a character reference beyond Unicode', { A: 'Facture &#x110000;' }, /character/i],
    ['a character reference to NUL', { A: 'Facture &#0;' }, /character/i],
    ['a date that does not exist', { DAY: '2026-02-30' }, /date/i],
  ])('%s in a camt.053 file is a 400 on the file, and nothing is written', async (_, values, reason) => {
    const { staff, written } = await importer(`camt-${Object.values(values)[0]!.length}-${Math.random().toString(16).slice(2, 6)}`);
    const res = await staff.upload('/api/bank/statements', camt(values), { format: 'camt053' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0]).toMatchObject({ path: 'file', message: expect.stringMatching(reason) });
    expect(await written()).toEqual({ statements: 0, lines: 0 });
  });
});
