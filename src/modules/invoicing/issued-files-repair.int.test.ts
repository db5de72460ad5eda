import fs from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createInvoicingCoop, draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { sha256Of } from '../../platform/files/storage.js';
import { jobs } from '../../platform/jobs/schema.js';
import { createDraftInvoice, validateInvoice } from './index.js';
import { RENDER_ISSUED_FILES } from './render-issued-files-job.js';
import { invoiceFiles } from './schema.js';

/**
 * A crash between the validation's commit and the end of the render, or a file damaged on
 * disk afterwards, never leaves an issued invoice without its files: the job runs again at
 * the next start, and a file that fails its hash is rendered again from the frozen data.
 */
let t: TestApp;
let filesDir: string;
const TODAY = '2026-06-20';

beforeAll(async () => {
  t = await createTestApp();
  filesDir = path.join(t.app.deps.config.dataDir, 'files');
});
afterAll(async () => {
  await t?.close();
});

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

async function download(client: TestClient, url: string) {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie: (client as unknown as { cookieHeader(): string }).cookieHeader(), 'accept-language': 'en' } });
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, json: () => JSON.parse(res.body) };
}

const storedOf = async (invoiceId: string) => new Map((await t.database.db.select().from(invoiceFiles).where(eq(invoiceFiles.invoiceId, invoiceId))).map((r) => [r.kind, r]));
const jobsOf = async (invoiceId: string) => (await t.database.db.select().from(jobs).where(eq(jobs.kind, RENDER_ISSUED_FILES))).filter((j) => j.payload.invoiceId === invoiceId);
const auditsOf = async (invoiceId: string, action: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, invoiceId), eq(auditLog.action, action)));

async function issuedInvoice(name: string) {
  const f = await createInvoicingCoop(t.database.db, name);
  const draft = await createDraftInvoice(t.database.db, f.staff, draftOf(f.activityId, f.clientId));
  await validateInvoice(t.database.db, f.staff, draft.id, TODAY);
  return { f, id: draft.id, staff: await loggedIn(f.coop.staff.email) };
}

/** Both files downloaded, each equal to the SHA-256 recorded for it. */
async function expectServedAsRecorded(staff: TestClient, id: string) {
  const pdf = await download(staff, `/api/invoices/${id}/pdf`);
  const xml = await download(staff, `/api/invoices/${id}/factur-x.xml`);
  const stored = await storedOf(id);
  for (const [res, kind] of [
    [pdf, 'factur_x_pdf'],
    [xml, 'xml'],
  ] as const) {
    expect(res.status).toBe(200);
    expect(sha256Of(res.bytes)).toBe(stored.get(kind)!.sha256);
    expect(res.bytes.length).toBe(stored.get(kind)!.size);
  }
  return stored;
}

describe('the render job of an issued invoice', () => {
  it('is queued by the validation in its transaction, and a validation that fails queues none', async () => {
    const { f, id } = await issuedInvoice('job-queued');
    expect(await jobsOf(id)).toEqual([expect.objectContaining({ status: 'pending', coopId: f.coop.id, attempts: 0 })]);
    expect(await storedOf(id)).toEqual(new Map());
    await expect(validateInvoice(t.database.db, f.staff, id, TODAY)).rejects.toMatchObject({ code: 'INVOICE_ISSUED' });
    expect(await jobsOf(id)).toHaveLength(1);
  });

  it('cut short by a crash (job taken, a truncated file under the key, no hash recorded) runs again and stores the right bytes', async () => {
    const { f, id, staff } = await issuedInvoice('job-crashed');
    // What a kill during the old non-atomic write left: the job taken, half a PDF, nothing recorded.
    const [job] = await jobsOf(id);
    const now = new Date();
    await t.database.db.update(jobs).set({ status: 'running', runAfter: new Date(now.getTime() + 1000) }).where(and(eq(jobs.coopId, f.coop.id), eq(jobs.id, job!.id)));
    await fs.mkdir(path.join(filesDir, `coops/${f.coop.id}/invoices/${id}`), { recursive: true });
    await fs.writeFile(path.join(filesDir, `coops/${f.coop.id}/invoices/${id}/factur_x_pdf`), '%PDF-1.7\n%trunc');

    // The next start runs what is due, once the dead runner's lease is over.
    expect(await t.app.deps.jobs.runDueJobs(new Date(now.getTime() + 2000))).toMatchObject({ failed: 0 });
    expect((await jobsOf(id))[0]).toMatchObject({ status: 'done', attempts: 1 });
    await expectServedAsRecorded(staff, id);
    expect(await auditsOf(id, 'invoice.files_stored')).toHaveLength(1);
  });

  it('still pending when the document is downloaded: the download renders it, the job then finds it done, same bytes', async () => {
    const { id, staff } = await issuedInvoice('job-late');
    const stored = await expectServedAsRecorded(staff, id);
    await t.app.deps.jobs.runDueJobs();
    expect((await jobsOf(id))[0]).toMatchObject({ status: 'done' });
    expect(await storedOf(id)).toEqual(stored);
    expect(await auditsOf(id, 'invoice.files_stored')).toHaveLength(1);
  });
});

describe('a stored file that fails its hash check', () => {
  for (const [damage, harm] of [
    ['truncated', (file: string) => fs.truncate(file, 100)],
    ['emptied', (file: string) => fs.writeFile(file, '')],
    ['deleted', (file: string) => fs.rm(file)],
    ['altered', (file: string) => fs.appendFile(file, '% one more line')],
  ] as const) {
    it(`(${damage}) is rendered again from the frozen invoice, served with its recorded hash, and the repair audited`, async () => {
      const { f, id, staff } = await issuedInvoice(`repair-${damage}`);
      await t.app.deps.jobs.runDueJobs();
      const before = await storedOf(id);
      await harm(path.join(filesDir, `coops/${f.coop.id}/invoices/${id}/factur_x_pdf`));
      await harm(path.join(filesDir, `coops/${f.coop.id}/invoices/${id}/xml`));

      expect(await expectServedAsRecorded(staff, id)).toEqual(before);
      const repairs = await auditsOf(id, 'invoice.file_repaired');
      expect(repairs.map((r) => (r.changes as Record<string, { after: unknown }>).kind?.after).sort()).toEqual(['factur_x_pdf', 'xml']);
      // Put back on disk: the next read finds the file whole and repairs nothing.
      await expectServedAsRecorded(staff, id);
      expect(await auditsOf(id, 'invoice.file_repaired')).toHaveLength(2);
    });
  }

  it('does not stop the invoice from being sent: the mail carries the repaired PDF', async () => {
    const { f, id, staff } = await issuedInvoice('repair-send');
    expect((await staff.patch(`/api/clients/${f.clientId}`, { email: 'compta@boulangerie.test' })).status).toBe(200);
    await t.app.deps.jobs.runDueJobs();
    await fs.writeFile(path.join(filesDir, `coops/${f.coop.id}/invoices/${id}/factur_x_pdf`), '');
    const sent = await staff.post(`/api/invoices/${id}/send`);
    expect(sent.status).toBe(200);
    expect(await auditsOf(id, 'invoice.file_repaired')).toHaveLength(1);
    const read = await t.app.deps.storage.read(`coops/${f.coop.id}/invoices/${id}/factur_x_pdf`, (await storedOf(id)).get('factur_x_pdf')!);
    expect(read.ok).toBe(true);
  });

  it('and renders differently from what was recorded is refused with a clean 409, never a 500 or other bytes', async () => {
    const { f, id, staff } = await issuedInvoice('repair-impossible');
    await t.app.deps.jobs.runDueJobs();
    const file = path.join(filesDir, `coops/${f.coop.id}/invoices/${id}/factur_x_pdf`);
    // Bytes from elsewhere, and a recorded hash no render can give back (as if the frozen data were lost).
    await fs.writeFile(file, '%PDF-1.7 another document');
    await t.database.db.update(invoiceFiles).set({ sha256: '0'.repeat(64) }).where(and(eq(invoiceFiles.invoiceId, id), eq(invoiceFiles.kind, 'factur_x_pdf')));
    const res = await download(staff, `/api/invoices/${id}/pdf`);
    expect(res.status).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'STORED_FILE_ALTERED', message: expect.stringContaining('SHA-256') });
    expect((await fs.readFile(file)).toString()).toBe('%PDF-1.7 another document');
    expect((await staff.post(`/api/invoices/${id}/send`)).status).toBe(409);
    expect(await auditsOf(id, 'invoice.file_repaired')).toEqual([]);
  });
});
