import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createInvoicingCoop, draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { createDraftInvoice, validateInvoice } from './index.js';
import { invoiceFiles, invoices } from './schema.js';

let t: TestApp;
const LONG_AGO = '2026-06-20';

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** A coop ready to invoice whose client has an e-mail, with its staff, member and admin logged in. */
async function sendingCoop(label: string) {
  const f = await createInvoicingCoop(t.database.db, label);
  const staff = await loggedIn(f.coop.staff.email);
  const member = await loggedIn(f.coop.member.email);
  const admin = await loggedIn(f.coop.admin.email);
  expect((await staff.patch(`/api/clients/${f.clientId}`, { email: 'compta@boulangerie.test' })).status).toBe(200);
  return { f, staff, member, admin };
}

async function issued(c: { f: Awaited<ReturnType<typeof createInvoicingCoop>>; staff: TestClient }) {
  const draft = await c.staff.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
  expect(draft.status).toBe(201);
  const validated = await c.staff.post(`/api/invoices/${draft.body.id}/validate`);
  expect(validated.status).toBe(200);
  return validated.body as { id: string; number: string; grossCents: number };
}

const mailsOf = (coopId: string) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.coopId, coopId));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('sending an invoice', () => {
  it('queues a French mail to the client with the stored Factur-X PDF attached, and the invoice becomes sent', async () => {
    const c = await sendingCoop('send');
    const invoice = await issued(c);
    const sent = await c.staff.post(`/api/invoices/${invoice.id}/send`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ to: 'compta@boulangerie.test', invoice: { status: 'sent' } });

    const [mail] = await mailsOf(c.f.coop.id);
    const [pdf] = await t.database.db.select().from(invoiceFiles).where(and(eq(invoiceFiles.invoiceId, invoice.id), eq(invoiceFiles.kind, 'factur_x_pdf')));
    expect(mail).toMatchObject({ id: sent.body.mailId, toAddress: 'compta@boulangerie.test', template: 'invoice.sent', subject: `Facture ${invoice.number} — ${c.f.coop.name}` });
    expect(mail!.textBody).toContain(`notre facture ${invoice.number}`);
    expect(mail!.attachments).toEqual([{ filename: `${invoice.number}.pdf`, contentType: 'application/pdf', storageKey: pdf!.storageKey, sha256: pdf!.sha256 }]);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.sent')));
    expect(audits).toHaveLength(1);
  });

  it('sending again re-sends the mail and keeps the status the payments gave it', async () => {
    const c = await sendingCoop('resend');
    const invoice = await issued(c);
    expect((await c.staff.post(`/api/invoices/${invoice.id}/send`)).status).toBe(200);
    await t.database.db.update(invoices).set({ status: 'partially_paid', paidCents: 1000 }).where(eq(invoices.id, invoice.id));
    const again = await c.staff.post(`/api/invoices/${invoice.id}/send`);
    expect(again.status).toBe(200);
    expect(again.body.invoice.status).toBe('partially_paid');
    const mails = await mailsOf(c.f.coop.id);
    expect(mails).toHaveLength(2);
    expect(mails.some((m) => m.textBody.includes('Reste à régler'))).toBe(true);
  });

  it('a member sends the invoices of their own activity, and a credit note can be sent too', async () => {
    const c = await sendingCoop('member-send');
    const invoice = await issued(c);
    expect((await c.member.post(`/api/invoices/${invoice.id}/send`)).status).toBe(200);
    const credit = await c.staff.post(`/api/invoices/${invoice.id}/credit-notes`, { full: true });
    expect(credit.status).toBe(201);
    const sentCredit = await c.member.post(`/api/invoices/${credit.body.id}/send`);
    expect(sentCredit.status).toBe(200);
    expect(sentCredit.body.invoice).toMatchObject({ kind: 'credit_note', status: 'sent', creditedInvoiceNumber: invoice.number });
    const mail = (await mailsOf(c.f.coop.id)).find((m) => m.id === sentCredit.body.mailId);
    expect(mail).toMatchObject({ template: 'credit_note.sent', subject: `Avoir ${credit.body.number} — ${c.f.coop.name}` });
    expect(mail!.textBody).toContain(`qui corrige la facture ${invoice.number}`);
  });

  it('a draft is not sent, a client without e-mail gets nothing, and another member cannot send', async () => {
    const c = await sendingCoop('send-refusals');
    const draft = await c.staff.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    const refused = await c.staff.post(`/api/invoices/${draft.body.id}/send`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVOICE_NOT_SENDABLE');

    const theirs = await c.staff.post('/api/invoices', draftOf(c.f.otherActivityId, c.f.clientId));
    await c.staff.post(`/api/invoices/${theirs.body.id}/validate`);
    expect((await c.member.post(`/api/invoices/${theirs.body.id}/send`)).status).toBe(404);

    const invoice = await issued(c);
    expect((await c.staff.patch(`/api/clients/${c.f.clientId}`, { email: null })).status).toBe(200);
    const noMail = await c.staff.post(`/api/invoices/${invoice.id}/send`);
    expect(noMail.status).toBe(422);
    expect(noMail.body.error.code).toBe('INVOICE_CLIENT_WITHOUT_EMAIL');
    expect(await mailsOf(c.f.coop.id)).toHaveLength(0);
    expect((await c.staff.get(`/api/invoices/${invoice.id}`)).body.status).toBe('validated');
  });
});

describe('members validating their own invoices', () => {
  it('without a limit set by the coop, a member cannot validate, and everyone reads the setting', async () => {
    const c = await sendingCoop('no-limit');
    expect((await c.member.get('/api/invoices/settings')).body).toEqual({ memberValidationLimitCents: null });
    const draft = await c.member.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    const refused = await c.member.post(`/api/invoices/${draft.body.id}/validate`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('VALIDATION_RESERVED_TO_STAFF');
  });

  it('only an admin changes the limit, and the change is audited', async () => {
    const c = await sendingCoop('limit-admin');
    expect((await c.staff.put('/api/invoices/settings', { memberValidationLimitCents: 100 })).status).toBe(403);
    expect((await c.member.put('/api/invoices/settings', { memberValidationLimitCents: 100 })).status).toBe(403);
    const bad = await c.admin.put('/api/invoices/settings', { memberValidationLimitCents: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('memberValidationLimitCents');
    const saved = await c.admin.put('/api/invoices/settings', { memberValidationLimitCents: 150_000 });
    expect(saved.body).toEqual({ memberValidationLimitCents: 150_000 });
    expect((await c.staff.get('/api/invoices/settings')).body).toEqual({ memberValidationLimitCents: 150_000 });
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, c.f.coop.id), eq(auditLog.action, 'invoicing.settings_updated')));
    expect(audits).toHaveLength(1);
  });

  it('a member validates their own invoice up to the limit, not above it, and never another member’s', async () => {
    const c = await sendingCoop('limit');
    await c.admin.put('/api/invoices/settings', { memberValidationLimitCents: 121_899 });
    const atLimit = await c.member.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    expect(atLimit.body.grossCents).toBe(121_899);
    const validated = await c.member.post(`/api/invoices/${atLimit.body.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body).toMatchObject({ status: 'validated', number: expect.stringMatching(/^F\d{4}-00001$/) });

    await c.admin.put('/api/invoices/settings', { memberValidationLimitCents: 121_898 });
    const above = await c.member.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    const refused = await c.member.post(`/api/invoices/${above.body.id}/validate`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ABOVE_MEMBER_VALIDATION_LIMIT');
    expect((await c.member.get(`/api/invoices/${above.body.id}`)).body).toMatchObject({ status: 'draft', number: null });

    const theirs = await c.staff.post('/api/invoices', draftOf(c.f.otherActivityId, c.f.clientId, { lines: [{ description: 'x', quantityMilli: 1000, unit: 'C62', unitPriceCents: 100, vatCategory: 'S', vatRateBp: 2000 }] }));
    expect((await c.member.post(`/api/invoices/${theirs.body.id}/validate`)).status).toBe(404);
  });

  it('a member submits a draft and staff find it in the "to validate" list', async () => {
    const c = await sendingCoop('submit');
    const draft = await c.member.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    const other = await c.member.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId));
    const empty = await c.member.post('/api/invoices', draftOf(c.f.activityId, c.f.clientId, { lines: [] }));
    expect((await c.member.post(`/api/invoices/${empty.body.id}/submit`)).status).toBe(400);

    const submitted = await c.member.post(`/api/invoices/${draft.body.id}/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.submittedAt).not.toBeNull();
    expect((await c.member.post(`/api/invoices/${draft.body.id}/submit`)).status).toBe(409);

    const toValidate = await c.staff.get('/api/invoices?toValidate=true');
    expect(toValidate.body.items.map((i: { id: string }) => i.id)).toEqual([draft.body.id]);
    const rest = await c.staff.get('/api/invoices?toValidate=false');
    expect(rest.body.items.map((i: { id: string }) => i.id)).toContain(other.body.id);
    expect(rest.body.items.map((i: { id: string }) => i.id)).not.toContain(draft.body.id);

    await c.staff.post(`/api/invoices/${draft.body.id}/validate`);
    expect((await c.staff.get('/api/invoices?toValidate=true')).body.total).toBe(0);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, draft.body.id), eq(auditLog.action, 'invoice.submitted')));
    expect(audits).toHaveLength(1);
  });
});

describe('the invoice list', () => {
  it('lists overdue invoices: issued, past their due date and not fully paid or credited', async () => {
    const c = await sendingCoop('overdue');
    // Issued on a day long enough ago that their due date (30 days later) is behind today.
    const issuedLongAgo = async () => {
      const draft = await createDraftInvoice(t.database.db, c.f.staff, draftOf(c.f.activityId, c.f.clientId));
      await validateInvoice(t.database.db, c.f.staff, draft.id, LONG_AGO);
      return (await c.staff.get(`/api/invoices/${draft.id}`)).body as { id: string; number: string; grossCents: number };
    };
    const late = await issuedLongAgo();
    const paid = await issuedLongAgo();
    const credited = await issuedLongAgo();
    const recent = await issued(c);
    await t.database.db.update(invoices).set({ status: 'paid', paidCents: paid.grossCents }).where(eq(invoices.id, paid.id));
    expect((await c.staff.post(`/api/invoices/${credited.id}/credit-notes`, { full: true })).status).toBe(201);

    const overdue = await c.staff.get('/api/invoices?status=overdue');
    expect(overdue.status).toBe(200);
    expect(overdue.body.items.map((i: { id: string }) => i.id)).toEqual([late.id]);
    expect((await c.staff.get('/api/invoices?status=validated')).body.items.map((i: { id: string }) => i.id)).toContain(recent.id);
    const row = (await c.staff.get(`/api/invoices?q=${encodeURIComponent(credited.number)}`)).body.items.find((i: { id: string }) => i.id === credited.id);
    expect(row).toMatchObject({ creditedCents: credited.grossCents, paidCents: 0 });
  });
});
