import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createInvoicingCoop, draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { members } from '../members/schema.js';

let t: TestApp;

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

async function reviewCoop(label: string) {
  const f = await createInvoicingCoop(t.database.db, label);
  const staff = await loggedIn(f.coop.staff.email);
  const member = await loggedIn(f.coop.member.email);
  expect((await staff.patch(`/api/clients/${f.clientId}`, { email: 'compta@boulangerie.test' })).status).toBe(200);
  const [mia] = await t.database.db.select().from(members).where(and(eq(members.coopId, f.coop.id), eq(members.firstName, 'Mia')));
  return { f, staff, member, memberEmail: mia!.email };
}

async function submittedDraft(c: Awaited<ReturnType<typeof reviewCoop>>): Promise<string> {
  const draft = await c.member.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
  expect(draft.status).toBe(201);
  expect((await c.member.post(`/api/invoices/${draft.body.id}/submit`)).status).toBe(200);
  return draft.body.id as string;
}

const auditsOf = (coopId: string, action: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, coopId), eq(auditLog.action, action)));
const mailsOf = (coopId: string) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.coopId, coopId));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('taking a submitted invoice back', () => {
  it('a member withdraws a submitted draft to fix it: it leaves the team’s list, audited, and can be submitted again', async () => {
    const c = await reviewCoop('inv-withdraw');
    const id = await submittedDraft(c);
    const withdrawn = await c.member.post(`/api/invoices/${id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'draft', submittedAt: null });
    expect((await c.staff.get('/api/invoices?toValidate=true')).body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect(await auditsOf(c.f.coop.id, 'invoice.withdrawn')).toEqual([expect.objectContaining({ entityId: id })]);
    const again = await c.member.post(`/api/invoices/${id}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INVOICE_NOT_SUBMITTED');
    expect((await c.member.post(`/api/invoices/${id}/submit`)).status).toBe(200);
  });

  it('staff return a submitted draft with a comment the author reads; a member cannot', async () => {
    const c = await reviewCoop('inv-send-back');
    const id = await submittedDraft(c);
    expect((await c.member.post(`/api/invoices/${id}/send-back`, { comment: 'x' })).status).toBe(403);
    const back = await c.staff.post(`/api/invoices/${id}/send-back`, { comment: 'Ajoutez la période de la formation.' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'draft', submittedAt: null, sentBackComment: 'Ajoutez la période de la formation.', sentBackAt: expect.any(String) });
    expect((await c.member.get(`/api/invoices/${id}`)).body.sentBackComment).toBe('Ajoutez la période de la formation.');
    expect(await auditsOf(c.f.coop.id, 'invoice.sent_back')).toEqual([expect.objectContaining({ entityId: id, changes: expect.objectContaining({ comment: { before: null, after: 'Ajoutez la période de la formation.' } }) })]);
    expect((await c.staff.post(`/api/invoices/${id}/send-back`, {})).status).toBe(409);
    expect((await c.staff.post(`/api/invoices/${id}/send-back`, { comment: 3 })).status).toBe(400);
  });

  it('an issued invoice can be neither withdrawn nor sent back: 409 with the reason', async () => {
    const c = await reviewCoop('inv-issued-back');
    const id = await submittedDraft(c);
    expect((await c.staff.post(`/api/invoices/${id}/validate`)).status).toBe(200);
    for (const [who, path] of [[c.member, 'withdraw'], [c.staff, 'send-back']] as const) {
      const res = await who.post(`/api/invoices/${id}/${path}`, {});
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('INVOICE_ISSUED');
    }
  });
});

describe('sending an invoice after reading its mail', () => {
  it('the preview shows recipient, subject, text and attachment, and writes nothing', async () => {
    const c = await reviewCoop('inv-preview');
    const draft = await c.staff.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    expect((await c.staff.get(`/api/invoices/${draft.body.id}/send-preview`)).status).toBe(409);
    const invoice = (await c.staff.post(`/api/invoices/${draft.body.id}/validate`)).body;
    const auditBefore = await t.database.db.select().from(auditLog).where(eq(auditLog.coopId, c.f.coop.id));
    const preview = await c.member.get(`/api/invoices/${invoice.id}/send-preview`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      to: 'compta@boulangerie.test',
      memberAddress: c.memberEmail,
      subject: `Facture ${invoice.number} — ${c.f.coop.name}`,
      text: expect.stringContaining(`notre facture ${invoice.number}`),
      attachmentName: `${invoice.number}.pdf`,
    });
    expect(await mailsOf(c.f.coop.id)).toEqual([]);
    expect(await t.database.db.select().from(auditLog).where(eq(auditLog.coopId, c.f.coop.id))).toEqual(auditBefore);
    expect((await c.member.get(`/api/invoices/${invoice.id}`)).body.status).toBe('validated');

    // What is sent is what was shown.
    const sent = await c.member.post(`/api/invoices/${invoice.id}/send`, {});
    const [mail] = await mailsOf(c.f.coop.id);
    expect(mail).toMatchObject({ id: sent.body.mailId, toAddress: preview.body.to, subject: preview.body.subject, textBody: preview.body.text, ccAddress: null });
    expect(mail!.attachments[0]!.filename).toBe(preview.body.attachmentName);
  });

  it('the copy to the member puts the member in copy of the mail and on the send', async () => {
    const c = await reviewCoop('inv-cc');
    const draft = await c.staff.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    const invoice = (await c.staff.post(`/api/invoices/${draft.body.id}/validate`)).body;
    const sent = await c.staff.post(`/api/invoices/${invoice.id}/send`, { copyToMember: true });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ to: 'compta@boulangerie.test', cc: c.memberEmail });
    const [mail] = await mailsOf(c.f.coop.id);
    expect(mail!.ccAddress).toBe(c.memberEmail);
    expect((await c.staff.post(`/api/invoices/${invoice.id}/send`, { copyToMember: 'yes' })).status).toBe(400);
  });

  it('an invoice is shown as sent only once its mail left the outbox', async () => {
    const c = await reviewCoop('inv-mail-status');
    const draft = await c.staff.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    const invoice = (await c.staff.post(`/api/invoices/${draft.body.id}/validate`)).body;
    expect((await c.staff.get(`/api/invoices/${invoice.id}`)).body.lastMailStatus).toBeNull();
    const sent = await c.staff.post(`/api/invoices/${invoice.id}/send`);
    expect(sent.body.invoice).toMatchObject({ status: 'sent', lastMailStatus: 'queued' });
    const sends = await c.staff.get(`/api/invoices/${invoice.id}/sends`);
    expect(sends.body).toEqual([expect.objectContaining({ to: 'compta@boulangerie.test', cc: null, mailStatus: 'queued', mailSentAt: null })]);

    await t.database.db.update(mailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(mailOutbox.id, sent.body.mailId));
    expect((await c.staff.get(`/api/invoices/${invoice.id}`)).body.lastMailStatus).toBe('sent');
    const listed = (await c.staff.get('/api/invoices')).body.items.find((i: { id: string }) => i.id === invoice.id);
    expect(listed.lastMailStatus).toBe('sent');
    expect((await c.staff.get(`/api/invoices/${invoice.id}/sends`)).body[0]).toMatchObject({ mailStatus: 'sent', mailSentAt: expect.any(String) });
  });
});
