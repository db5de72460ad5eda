import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFStream, type PDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createInvoicingCoop, draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { createDraftInvoice, validateInvoice } from './index.js';
import { invoiceFiles } from './schema.js';

/**
 * The XML of each invoice issued here goes to .tmp/einvoices/db-<case>.xml, where
 * scripts/validate-einvoices.sh checks it against the EN 16931 XSD and Schematron: the real
 * chain (frozen parties from the database, lines, totals) and not only hand-built documents.
 */
const OUT = path.resolve('.tmp/einvoices');
fs.mkdirSync(OUT, { recursive: true });
function emit(name: string, xml: string) {
  // Both engines run this file; a rename makes each write whole for the validator.
  const tmp = path.join(OUT, `.db-${name}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, xml);
  fs.renameSync(tmp, path.join(OUT, `db-${name}.xml`));
}

let t: TestApp;
const TODAY = '2026-06-20';
const sha256 = (bytes: Buffer | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** The raw bytes of a response (inject answers text; a PDF is binary). */
async function download(client: TestClient, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: (client as unknown as { cookieHeader(): string }).cookieHeader() } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload };
}

/** factur-x.xml as a reader finds it: the EmbeddedFiles name tree of the PDF's catalog. */
function embeddedXml(pdf: PDFDocument): string {
  const names = pdf.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  for (let i = 0; i < names.size(); i += 2) {
    if ((names.lookup(i) as unknown as { decodeText(): string }).decodeText() !== 'factur-x.xml') continue;
    const stream = names.lookup(i + 1, PDFDict).lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F'), PDFStream);
    const raw = (stream as PDFRawStream).contents;
    return Buffer.from(stream.dict.get(PDFName.of('Filter')) ? inflateSync(raw) : raw).toString('utf8');
  }
  throw new Error('no factur-x.xml in the PDF');
}

const storedOf = async (invoiceId: string) =>
  new Map((await t.database.db.select().from(invoiceFiles).where(eq(invoiceFiles.invoiceId, invoiceId))).map((r) => [r.kind, r]));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the PDF and the Factur-X of an issued invoice', () => {
  let f: Awaited<ReturnType<typeof createInvoicingCoop>>;
  let staff: TestClient;
  let issuedId: string;
  let number: string;

  beforeAll(async () => {
    f = await createInvoicingCoop(t.database.db, 'files');
    staff = await loggedIn(f.coop.staff.email);
    const draft = await staff.post('/api/invoices', draftOf(f.activityId, f.clientId));
    const validated = await staff.post(`/api/invoices/${draft.body.id}/validate`);
    expect(validated.status).toBe(200);
    // The files are rendered by the job the validation queued, after its commit.
    expect(await t.app.deps.jobs.runDueJobs()).toMatchObject({ done: 1, failed: 0 });
    issuedId = draft.body.id;
    number = validated.body.number;
  });

  it('are stored with their SHA-256 by the job the validation queued, and the storing is audited', async () => {
    const stored = await storedOf(issuedId);
    expect([...stored.keys()].sort()).toEqual(['factur_x_pdf', 'xml']);
    expect(stored.get('factur_x_pdf')!.storageKey).toBe(`coops/${f.coop.id}/invoices/${issuedId}/factur_x_pdf`);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, issuedId), eq(auditLog.action, 'invoice.files_stored')));
    expect(audits).toHaveLength(1);
  });

  it('the PDF served is the same bytes every time, and their SHA-256 is the stored one', async () => {
    const first = await download(staff, `/api/invoices/${issuedId}/pdf`);
    const second = await download(staff, `/api/invoices/${issuedId}/pdf`);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toBe(`inline; filename="${number}.pdf"`);
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    const stored = (await storedOf(issuedId)).get('factur_x_pdf')!;
    expect(sha256(first.bytes)).toBe(stored.sha256);
    expect(first.headers['x-content-sha256']).toBe(stored.sha256);
    expect(first.bytes.length).toBe(stored.size);
    expect(first.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('the bare XML is the factur-x.xml inside the PDF', async () => {
    const xml = await download(staff, `/api/invoices/${issuedId}/factur-x.xml`);
    expect(xml.status).toBe(200);
    expect(xml.headers['content-type']).toMatch(/^application\/xml/);
    expect(xml.headers['x-content-sha256']).toBe((await storedOf(issuedId)).get('xml')!.sha256);
    const pdf = await PDFDocument.load((await download(staff, `/api/invoices/${issuedId}/pdf`)).bytes, { updateMetadata: false });
    expect(embeddedXml(pdf)).toBe(xml.bytes.toString('utf8'));
    expect(xml.bytes.toString('utf8')).toContain(`<ram:ID>${number}</ram:ID>`);
    emit('invoice', xml.bytes.toString('utf8'));
  });

  it("carries the coop's registration and both parties' directory addresses (scheme 0225, SIREN first) from the settings and the client", async () => {
    const xml = (await download(staff, `/api/invoices/${issuedId}/factur-x.xml`)).bytes.toString('utf8');
    const coop = (await staff.get('/api/coop')).body;
    const client = (await staff.get(`/api/clients/${f.clientId}`)).body;
    const grouped = coop.siren.replace(/(\d{3})(\d{3})(\d{3})/, '$1 $2 $3');
    expect(xml).toContain(`<ram:Description>SCOP SA à capital variable, RCS Paris ${grouped}</ram:Description>`);
    expect(xml).toContain(`<ram:URIID schemeID="0225">${coop.siren}</ram:URIID>`);
    expect(xml).toContain(`<ram:URIID schemeID="0225">${client.siren}</ram:URIID>`);
  });

  it('the member whose activity it is downloads them too', async () => {
    const member = await loggedIn(f.coop.member.email);
    const pdf = await download(member, `/api/invoices/${issuedId}/pdf`);
    expect(pdf.status).toBe(200);
    expect(sha256(pdf.bytes)).toBe((await storedOf(issuedId)).get('factur_x_pdf')!.sha256);
    expect((await download(member, `/api/invoices/${issuedId}/factur-x.xml`)).status).toBe(200);
  });

  it('a credit note gets its own PDF and XML, naming the invoice it corrects', async () => {
    const credit = await staff.post(`/api/invoices/${issuedId}/credit-notes`, {
      lines: [{ description: 'Geste commercial', quantityMilli: 1000, unitPriceCents: 10_000, vatCategory: 'S', vatRateBp: 2000 }],
    });
    expect(credit.status).toBe(201);
    expect(await t.app.deps.jobs.runDueJobs()).toMatchObject({ done: 1, failed: 0 });
    expect([...(await storedOf(credit.body.id)).keys()].sort()).toEqual(['factur_x_pdf', 'xml']);
    const xml = await download(staff, `/api/invoices/${credit.body.id}/factur-x.xml`);
    expect(xml.status).toBe(200);
    const text = xml.bytes.toString('utf8');
    expect(text).toContain('<ram:TypeCode>381</ram:TypeCode>');
    expect(text).toContain(number);
    const pdf = await PDFDocument.load((await download(staff, `/api/invoices/${credit.body.id}/pdf`)).bytes, { updateMetadata: false });
    expect(embeddedXml(pdf)).toBe(text);
    emit('credit-note', text);
  });
});

describe('who may download, and when', () => {
  it("a member of another activity, or another coop's team, gets 404", async () => {
    const f = await createInvoicingCoop(t.database.db, 'files-access');
    const g = await createInvoicingCoop(t.database.db, 'files-access-other');
    const others = await createDraftInvoice(t.database.db, f.staff, draftOf(f.otherActivityId, f.clientId));
    await validateInvoice(t.database.db, f.staff, others.id, TODAY);
    const member = await loggedIn(f.coop.member.email);
    const foreignStaff = await loggedIn(g.coop.staff.email);
    for (const client of [member, foreignStaff]) {
      expect((await download(client, `/api/invoices/${others.id}/pdf`)).status).toBe(404);
      expect((await download(client, `/api/invoices/${others.id}/factur-x.xml`)).status).toBe(404);
    }
    expect(await storedOf(others.id)).toEqual(new Map());
  });

  it('a draft has no PDF yet: 409', async () => {
    const f = await createInvoicingCoop(t.database.db, 'files-draft');
    const member = await loggedIn(f.coop.member.email);
    const draft = await member.post('/api/invoices', draftOf(f.activityId, f.clientId));
    const res = await member.get(`/api/invoices/${draft.body.id}/pdf`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVOICE_DRAFT_HAS_NO_FILE');
    expect((await member.get(`/api/invoices/${draft.body.id}/factur-x.xml`)).status).toBe(409);
  });

  it('an invoice issued without its files gets them on the first download, once, even when asked twice at once', async () => {
    const f = await createInvoicingCoop(t.database.db, 'files-late');
    const draft = await createDraftInvoice(t.database.db, f.staff, draftOf(f.activityId, f.clientId, { servicePeriod: { start: '2026-06-01', end: '2026-06-15' }, serviceDate: null }));
    await validateInvoice(t.database.db, f.staff, draft.id, TODAY);
    expect(await storedOf(draft.id)).toEqual(new Map());
    const staff = await loggedIn(f.coop.staff.email);
    const [a, b] = await Promise.all([download(staff, `/api/invoices/${draft.id}/pdf`), download(staff, `/api/invoices/${draft.id}/pdf`)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    const stored = await storedOf(draft.id);
    expect(stored.size).toBe(2);
    expect(sha256(a.bytes)).toBe(stored.get('factur_x_pdf')!.sha256);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, draft.id), eq(auditLog.action, 'invoice.files_stored')));
    expect(audits).toHaveLength(1);
    emit('service-period', (await download(staff, `/api/invoices/${draft.id}/factur-x.xml`)).bytes.toString('utf8'));
  });
});
