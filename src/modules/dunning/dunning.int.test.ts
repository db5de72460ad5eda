import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { engine } from '../../../test/support/database.js';
import { createDunningCoop } from '../../../test/support/dunning-fixtures.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { openPostgres, type Db } from '../../platform/db/client.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { clients } from '../clients/schema.js';
import { recordPayment } from '../payments/index.js';
import type { Actor } from '../../platform/http/context.js';
import { confirmFormalNotice } from './confirm-formal-notice.js';
import { runDunning, runDunningForAllCoops } from './index.js';
import { dunningEvents, recoveryCases } from './schema.js';

let t: TestApp;
// Invoices of the fixture are due on 2026-07-20: +7 is 27 July, +30 19 August, +45 3 September, +60 18 September.
const DUE = '2026-07-20';

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

const run = (coopId: string, today: string, db: Db = t.database.db) => runDunning(db, t.app.deps.storage, coopId, today);
const mailsOf = (coopId: string) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.coopId, coopId)).orderBy(asc(mailOutbox.createdAt));
/** The team confirms every formal notice waiting in the queue on that day (the route is tested on its own below). */
async function confirmPendingNotices(f: { coop: { id: string }; staff: Actor }, today: string): Promise<void> {
  const pending = (await eventsOf(f.coop.id)).filter((e) => e.action === 'pending');
  for (const e of pending) await confirmFormalNotice(t.database.db, t.app.deps.storage, f.staff, e.id, today);
}
const clientMailsOf = async (coopId: string, to: string) => (await mailsOf(coopId)).filter((m) => m.toAddress === to);
const eventsOf = (coopId: string) => t.database.db.select().from(dunningEvents).where(eq(dunningEvents.coopId, coopId)).orderBy(asc(dunningEvents.invoiceId), asc(dunningEvents.stepIndex));

describe('reminders', () => {
  it('a run sends the +7 reminder once, and a second run sends nothing', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-once');
    const invoice = await f.issueToPayer();

    expect((await run(f.coop.id, '2026-07-26')).items).toEqual([]);
    const first = await run(f.coop.id, '2026-07-27');
    expect(first.items).toEqual([expect.objectContaining({ invoiceId: invoice.id, number: invoice.number, stepIndex: 0, kind: 'reminder', action: 'sent' })]);
    expect((await run(f.coop.id, '2026-07-27')).items).toEqual([]);
    expect((await run(f.coop.id, '2026-08-02')).items).toEqual([]);

    const mails = await mailsOf(f.coop.id);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ toAddress: f.payerEmail, template: 'dunning_reminder', attachments: [] });
    expect(mails[0]!.subject).toContain(invoice.number);
    // What the client needs to pay: the number, what is left, the due date, the coop's IBAN.
    expect(mails[0]!.textBody).toContain('1\u202f218,99\u00a0€');
    expect(mails[0]!.textBody).toContain('20/07/2026');
    expect(mails[0]!.textBody).toContain('FR76 3000 6000 0112 3456 7890 189');
    expect(await eventsOf(f.coop.id)).toEqual([
      expect.objectContaining({ stepIndex: 0, action: 'sent', dueOn: '2026-07-27', idempotencyKey: `dunning:${invoice.id}:0`, mailId: mails[0]!.id, recipient: f.payerEmail, amountLeftCents: invoice.grossCents }),
    ]);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'dunning.step_taken')));
    expect(audits).toHaveLength(1);
  });

  it('the second reminder says it is the second one', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-second');
    await f.issueToPayer();
    await run(f.coop.id, '2026-07-27');
    expect((await run(f.coop.id, '2026-08-19')).items).toEqual([expect.objectContaining({ stepIndex: 1, kind: 'reminder', action: 'sent' })]);
    const mails = await mailsOf(f.coop.id);
    expect(mails.map((m) => m.subject.startsWith('Deuxième rappel'))).toEqual([false, true]);
  });

  it('a paid invoice gets nothing, however late', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-paid');
    const invoice = await f.issueToPayer();
    await recordPayment(t.database.db, f.staff, { clientId: f.payerId, date: '2026-07-25', amountCents: invoice.grossCents, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: invoice.grossCents }] });
    expect((await run(f.coop.id, '2026-12-31')).items).toEqual([]);
    expect(await eventsOf(f.coop.id)).toEqual([]);
    expect(await mailsOf(f.coop.id)).toEqual([]);
  });

  it('a partly paid invoice is reminded of what is left', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-partial');
    const invoice = await f.issueToPayer();
    await recordPayment(t.database.db, f.staff, { clientId: f.payerId, date: '2026-07-25', amountCents: 100_000, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: 100_000 }] });
    await run(f.coop.id, '2026-07-27');
    const [mail] = await mailsOf(f.coop.id);
    expect(mail!.textBody).toContain('218,99\u00a0€');
    expect(mail!.textBody).not.toContain('1\u202f218,99');
  });

  it('a client without an e-mail address gets no mail, and the step is recorded for the team to post', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-noemail');
    await f.issueInvoice();
    expect((await run(f.coop.id, '2026-07-27')).items).toEqual([expect.objectContaining({ action: 'no_email', mailId: null })]);
    expect(await mailsOf(f.coop.id)).toEqual([]);
    expect((await run(f.coop.id, '2026-07-27')).items).toEqual([]);
  });

  it('a coop that turned dunning off sends nothing', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-off');
    await f.issueToPayer();
    const admin = await loggedIn(f.coop.admin.email);
    expect((await admin.put('/api/dunning/settings', { enabled: false, steps: [{ day: 7, kind: 'reminder' }] })).status).toBe(200);
    expect(await run(f.coop.id, '2026-12-31')).toMatchObject({ enabled: false, items: [] });
  });
});

describe('catching up and escalation', () => {
  it('catching up sends only the latest step due and records the earlier ones as skipped', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-catchup');
    const invoice = await f.issueToPayer();
    // The job did not run until 2 September: both reminders fell due, the formal notice not yet.
    const result = await run(f.coop.id, '2026-09-02');
    expect(result.items.map((i) => [i.stepIndex, i.kind, i.action])).toEqual([
      [0, 'reminder', 'skipped'],
      [1, 'reminder', 'sent'],
    ]);
    const mails = await mailsOf(f.coop.id);
    expect(mails).toHaveLength(1);
    // The client never received the first reminder: the one sent does not pretend otherwise.
    expect(mails[0]!.subject.startsWith('Rappel')).toBe(true);
    expect((await eventsOf(f.coop.id)).map((e) => [e.stepIndex, e.action, e.dueOn, e.mailId === null])).toEqual([
      [0, 'skipped', '2026-07-27', true],
      [1, 'sent', '2026-08-19', false],
    ]);
    expect((await run(f.coop.id, '2026-09-02')).items).toEqual([]);
    expect(invoice.id).toBe(result.items[0]!.invoiceId);
  });

  it('the formal notice is a PDF letter, stored with its SHA-256 and attached to the mail', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-notice');
    const invoice = await f.issueToPayer();
    await run(f.coop.id, '2026-07-27');
    await run(f.coop.id, '2026-08-19');
    // The notice does not leave by itself: it waits for the team, and the member is told.
    expect((await run(f.coop.id, '2026-09-03')).items).toEqual([expect.objectContaining({ stepIndex: 2, kind: 'formal_notice', action: 'pending', mailId: null })]);
    expect((await mailsOf(f.coop.id)).filter((m) => m.template === 'dunning_formal_notice')).toEqual([]);
    await confirmPendingNotices(f, '2026-09-03');

    const notice = (await eventsOf(f.coop.id)).find((e) => e.kind === 'formal_notice')!;
    expect(notice).toMatchObject({ action: 'sent', decidedBy: f.staff.userId, takenOn: '2026-09-03' });
    expect(notice.letterStorageKey).toBeTruthy();
    const read = await t.app.deps.storage.read(notice.letterStorageKey!, { sha256: notice.letterSha256! });
    expect(read.ok).toBe(true);
    const bytes = read.ok ? read.bytes : Buffer.alloc(0);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(notice.letterSha256);
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(pdf.getTitle()).toBe(`Mise en demeure de payer — facture n° ${invoice.number}`);

    const mail = (await mailsOf(f.coop.id)).find((m) => m.id === notice.mailId)!;
    expect(mail).toMatchObject({ template: 'dunning_formal_notice', toAddress: f.payerEmail });
    expect(mail.attachments).toEqual([{ filename: `mise-en-demeure-${invoice.number}.pdf`, contentType: 'application/pdf', storageKey: notice.letterStorageKey, sha256: notice.letterSha256 }]);
    // 1 218,99 € + penalties at 12.15 % over 45 days (18,26 €) + the 40 € indemnity.
    expect(mail.textBody).toContain('1\u202f277,25\u00a0€');
    expect(mail.textBody).toContain('11/09/2026');

    const staff = await loggedIn(f.coop.staff.email);
    const served = await t.app.inject({ method: 'GET', url: `/api/dunning/events/${notice.id}/letter`, headers: { cookie: (staff as unknown as { cookieHeader(): string }).cookieHeader() } });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(served.rawPayload, bytes)).toBe(0);

    // A letter damaged on disk is refused cleanly: it was dated the day it was sent and cannot be drawn again.
    await t.app.deps.storage.put(notice.letterStorageKey!, bytes.subarray(0, 100));
    const damaged = await staff.get(`/api/dunning/events/${notice.id}/letter`);
    expect(damaged.status).toBe(409);
    expect(damaged.body.error.code).toBe('STORED_FILE_ALTERED');
  });

  it('recovery puts the invoice on the recovery list, and its file can be exported for a bailiff', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-recovery');
    const invoice = await f.issueToPayer();
    await run(f.coop.id, '2026-07-27');
    await run(f.coop.id, '2026-09-03');
    await confirmPendingNotices(f, '2026-09-03');
    expect((await run(f.coop.id, '2026-09-18')).items).toEqual([expect.objectContaining({ stepIndex: 3, kind: 'recovery', action: 'recorded', mailId: null })]);
    expect(await t.database.db.select().from(recoveryCases).where(eq(recoveryCases.coopId, f.coop.id))).toEqual([expect.objectContaining({ invoiceId: invoice.id, openedOn: '2026-09-18', lastExportedAt: null })]);

    const staff = await loggedIn(f.coop.staff.email);
    const list = await staff.get('/api/dunning/cases?state=recovery');
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ total: 1, items: [{ invoiceId: invoice.id, number: invoice.number, inRecovery: true, settled: false, lastEvent: { kind: 'recovery' } }] });
    expect(list.body.items[0].events.map((e: { kind: string; action: string }) => `${e.kind}:${e.action}`)).toEqual(['reminder:sent', 'reminder:skipped', 'formal_notice:sent', 'recovery:recorded']);
    expect((await staff.get('/api/dunning/cases?state=open')).body.total).toBe(0);

    const exported = await staff.get(`/api/dunning/recovery/${invoice.id}/export`);
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const [header, row] = exported.raw.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(header).toContain('SIREN;SIRET');
    expect(row).toContain(`Menuiserie Lenoir;Entreprise;${f.payerSiren}`);
    expect(row).toContain('8 rue des Tanneurs');
    expect(row).toContain(`${invoice.number};20/06/2026;20/07/2026;1218,99;0,00;1218,99`);
    expect(row).toContain(`courriel à ${f.payerEmail}`);
    const recorded = await staff.post(`/api/dunning/recovery/${invoice.id}/exported`);
    expect(recorded.status).toBe(204);
    const [after] = await t.database.db.select().from(recoveryCases).where(eq(recoveryCases.invoiceId, invoice.id));
    expect(after!.lastExportedAt).toBeInstanceOf(Date);
  });

  it('downloading the recovery file changes no row: taking it out is recorded by its own act', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-recovery-pure');
    const invoice = await f.issueToPayer();
    await run(f.coop.id, '2026-07-27');
    await run(f.coop.id, '2026-09-03');
    await confirmPendingNotices(f, '2026-09-03');
    await run(f.coop.id, '2026-09-18');
    const staff = await loggedIn(f.coop.staff.email);
    const casesBefore = await t.database.db.select().from(recoveryCases).where(eq(recoveryCases.coopId, f.coop.id));
    const auditBefore = await t.database.db.select().from(auditLog).where(eq(auditLog.coopId, f.coop.id));

    for (let i = 0; i < 2; i++) expect((await staff.get(`/api/dunning/recovery/${invoice.id}/export`)).status).toBe(200);
    expect(await t.database.db.select().from(recoveryCases).where(eq(recoveryCases.coopId, f.coop.id))).toEqual(casesBefore);
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.coopId, f.coop.id))).toEqual(auditBefore);

    expect((await staff.post(`/api/dunning/recovery/${invoice.id}/exported`)).status).toBe(204);
    const [after] = await t.database.db.select().from(recoveryCases).where(eq(recoveryCases.invoiceId, invoice.id));
    expect(after).toMatchObject({ lastExportedAt: expect.any(Date), lastExportedBy: f.coop.staff.id });
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.action, 'dunning.recovery_exported')));
    expect(audit).toEqual([expect.objectContaining({ entityId: f.payerId })]);
  });

  it('a debtor named like a spreadsheet formula lands in the recovery file as plain text', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-recovery-formula');
    await t.database.db.update(clients).set({ name: '=HYPERLINK("http://evil.test","Payer")' }).where(eq(clients.id, f.payerId));
    const invoice = await f.issueToPayer();
    await run(f.coop.id, '2026-07-27');
    await run(f.coop.id, '2026-09-03');
    await confirmPendingNotices(f, '2026-09-03');
    await run(f.coop.id, '2026-09-18');

    const staff = await loggedIn(f.coop.staff.email);
    const exported = await staff.get(`/api/dunning/recovery/${invoice.id}/export`);
    expect(exported.status).toBe(200);
    const [, row] = exported.raw.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(row).toContain(`;"'=HYPERLINK(""http://evil.test"",""Payer"")";Entreprise;`);
    expect(row).not.toMatch(/(^|;)"?=/);
    // The amounts stay numbers.
    expect(row).toContain(`${invoice.number};20/06/2026;20/07/2026;1218,99;0,00;1218,99`);
  });

  it('all coops are dunned in one call', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-all');
    await f.issueToPayer();
    const results = await runDunningForAllCoops(t.database.db, t.app.deps.storage, '2026-07-27');
    expect(results.find((r) => r.coopId === f.coop.id)?.items).toHaveLength(1);
  });
});

describe('two runs at once', () => {
  it('on the same database, send each mail once', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-parallel');
    for (let i = 0; i < 3; i++) await f.issueToPayer();
    const results = await Promise.all([run(f.coop.id, '2026-07-27'), run(f.coop.id, '2026-07-27'), run(f.coop.id, '2026-07-27')]);
    expect(results.flatMap((r) => r.items)).toHaveLength(3);
    expect(await mailsOf(f.coop.id)).toHaveLength(3);
  });

  it('from two app instances with their own connection pools, send each mail once', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-instances');
    for (let i = 0; i < 5; i++) await f.issueToPayer();
    // PGlite is one embedded connection, so there the second instance shares it and the runs
    // interleave one transaction at a time; on PostgreSQL it is a second pool, truly concurrent.
    const other =
      engine === 'postgres'
        ? await openPostgres((t.database.db as unknown as { $client: pg.Pool }).$client.options.connectionString!, 5)
        : { db: t.database.db, close: async () => {} };
    try {
      const results = await Promise.all([
        run(f.coop.id, '2026-09-03'),
        run(f.coop.id, '2026-09-03', other.db),
        run(f.coop.id, '2026-09-03'),
        run(f.coop.id, '2026-09-03', other.db),
      ]);
      // Each invoice skips both reminders and its formal notice waits for the team: 15 steps, each taken by one run only.
      expect(results.flatMap((r) => r.items)).toHaveLength(15);
      const pending = results.flatMap((r) => r.items).filter((i) => i.action === 'pending');
      expect(pending).toHaveLength(5);
      // One mail per invoice to the member, told that the notice waits; none to the client yet.
      const mails = await mailsOf(f.coop.id);
      expect(mails).toHaveLength(5);
      expect(new Set(mails.map((m) => m.id)).size).toBe(5);
      expect(mails.every((m) => m.template === 'dunning_formal_notice_pending')).toBe(true);
      expect((await eventsOf(f.coop.id)).filter((e) => e.action === 'pending')).toHaveLength(5);
    } finally {
      await other.close();
    }
  });
});

describe('who sees dunning', () => {
  it('a member sees nothing of dunning', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-member');
    const member = await loggedIn(f.coop.member.email);
    expect((await member.get('/api/dunning/cases')).status).toBe(403);
    expect((await member.get('/api/dunning/settings')).status).toBe(403);
    expect((await member.post('/api/dunning/run')).status).toBe(403);
  });

  it("staff read the plan and run it now, only the admin changes it; another coop's case is not found", async () => {
    const f = await createDunningCoop(t.database.db, 'dun-roles');
    const other = await createDunningCoop(t.database.db, 'dun-roles-other');
    const invoice = await other.issueToPayer();
    await run(other.coop.id, '2026-09-18');
    const staff = await loggedIn(f.coop.staff.email);
    expect((await staff.get('/api/dunning/settings')).body).toEqual({
      enabled: true,
      steps: [
        { day: 7, kind: 'reminder' },
        { day: 30, kind: 'reminder' },
        { day: 45, kind: 'formal_notice' },
        { day: 60, kind: 'recovery' },
      ],
      minGapDays: 7,
    });
    expect((await staff.put('/api/dunning/settings', { enabled: true, steps: [] })).status).toBe(403);
    const now = await staff.post('/api/dunning/run');
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ coopId: f.coop.id, enabled: true, items: [] });
    expect((await staff.get(`/api/dunning/recovery/${invoice.id}/export`)).status).toBe(404);
    expect((await staff.post(`/api/dunning/recovery/${invoice.id}/exported`)).status).toBe(404);
    expect((await staff.get('/api/dunning/cases?state=all')).body.total).toBe(0);
  });

  it('a plan whose days do not increase is refused with the field, and nothing is saved', async () => {
    const f = await createDunningCoop(t.database.db, 'dun-bad');
    const admin = await loggedIn(f.coop.admin.email);
    const bad = await admin.put('/api/dunning/settings', { enabled: true, steps: [{ day: 30, kind: 'reminder' }, { day: 7, kind: 'formal_notice' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: 'steps.1.day' }] });
    expect((await admin.put('/api/dunning/settings', { enabled: true, steps: [{ day: 0, kind: 'reminder' }] })).status).toBe(400);
    expect((await admin.put('/api/dunning/settings', { enabled: 'yes', steps: [] })).status).toBe(400);
    expect((await admin.get('/api/dunning/settings')).body.steps).toHaveLength(4);
    const good = await admin.put('/api/dunning/settings', { enabled: true, steps: [{ day: 10, kind: 'reminder' }, { day: 40, kind: 'formal_notice' }] });
    expect(good.status).toBe(200);
    expect((await admin.get('/api/dunning/settings')).body.steps).toEqual([{ day: 10, kind: 'reminder' }, { day: 40, kind: 'formal_notice' }]);
  });
});
