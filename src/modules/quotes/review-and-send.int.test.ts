import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createQuotingCoop, quoteOf } from '../../../test/support/quotes-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { members } from '../members/schema.js';

let t: TestApp;
type Coop = Awaited<ReturnType<typeof createQuotingCoop>>;

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

async function people(f: Coop) {
  return { member: await loggedIn(f.coop.member.email), staff: await loggedIn(f.coop.staff.email) };
}

async function submittedQuote(f: Coop, member: TestClient): Promise<string> {
  const created = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
  expect(created.status).toBe(201);
  expect((await member.post(`/api/quotes/${created.body.id}/submit`)).status).toBe(200);
  return created.body.id as string;
}

const mailsOf = (coopId: string) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.coopId, coopId));
const auditsOf = (coopId: string, action: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, coopId), eq(auditLog.action, action)));

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('taking a submitted quote back', () => {
  it('the member withdraws a submitted quote to fix it, then can edit it; audited', async () => {
    const f = await createQuotingCoop(t.database.db, 'q-withdraw');
    const { member } = await people(f);
    const id = await submittedQuote(f, member);
    const withdrawn = await member.post(`/api/quotes/${id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('draft');
    expect((await member.patch(`/api/quotes/${id}`, { notes: 'Délai corrigé' })).status).toBe(200);
    expect(await auditsOf(f.coop.id, 'quote.withdrawn')).toEqual([expect.objectContaining({ entityId: id })]);
    const again = await member.post(`/api/quotes/${id}/withdraw`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('QUOTE_NOT_ALLOWED_IN_STATE');
  });

  it('staff send a quote back with what to change, and the author reads it', async () => {
    const f = await createQuotingCoop(t.database.db, 'q-send-back');
    const { member, staff } = await people(f);
    const id = await submittedQuote(f, member);
    const back = await staff.post(`/api/quotes/${id}/send-back`, { comment: 'Précisez la durée de validité.' });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'draft', sentBackComment: 'Précisez la durée de validité.', sentBackAt: expect.any(String) });
    expect((await member.get(`/api/quotes/${id}`)).body.sentBackComment).toBe('Précisez la durée de validité.');
    // Without a comment, as before.
    expect((await member.post(`/api/quotes/${id}/submit`)).status).toBe(200);
    expect((await staff.post(`/api/quotes/${id}/send-back`)).status).toBe(200);
  });
});

describe('sending a quote after reading its mail', () => {
  it('the preview shows the mail without sending or signing anything, and the copy to the member takes effect', async () => {
    const f = await createQuotingCoop(t.database.db, 'q-preview');
    const { member, staff } = await people(f);
    const id = await submittedQuote(f, member);
    expect((await staff.get(`/api/quotes/${id}/send-preview`)).status).toBe(409);
    const validated = await staff.post(`/api/quotes/${id}/validate`);
    const number = validated.body.number as string;
    const preview = await member.get(`/api/quotes/${id}/send-preview`);
    expect(preview.status).toBe(200);
    const [mia] = await t.database.db.select().from(members).where(and(eq(members.coopId, f.coop.id), eq(members.firstName, 'Mia')));
    expect(preview.body).toMatchObject({ to: f.clientEmail, memberAddress: mia!.email, subject: `Devis ${number} — ${f.coop.name}`, attachmentName: expect.stringContaining('.pdf') });
    expect(preview.body.text).toContain(`notre devis ${number}`);
    expect(await mailsOf(f.coop.id)).toEqual([]);
    expect((await member.get(`/api/quotes/${id}`)).body.status).toBe('validated');

    const sent = await member.post(`/api/quotes/${id}/send`, { copyToMember: true });
    expect(sent.status).toBe(200);
    const [mail] = await mailsOf(f.coop.id);
    expect(mail).toMatchObject({ toAddress: f.clientEmail, ccAddress: mia!.email, subject: preview.body.subject });
    expect(mail!.attachments[0]!.filename).toBe(preview.body.attachmentName);
    // Queued is not sent: the quote says where its mail stands.
    expect(sent.body).toMatchObject({ status: 'sent', sentMailStatus: 'queued', sentMailLeftAt: null });
    // The list says so too, not "Envoyé" while the mail waits.
    expect((await member.get('/api/quotes')).body.items.find((q: { id: string }) => q.id === id)).toMatchObject({ state: 'sent', sentMailStatus: 'queued' });
    await t.database.db.update(mailOutbox).set({ status: 'sent', sentAt: new Date() }).where(eq(mailOutbox.id, mail!.id));
    expect((await member.get(`/api/quotes/${id}`)).body).toMatchObject({ sentMailStatus: 'sent', sentMailLeftAt: expect.any(String) });
    expect((await member.get('/api/quotes')).body.items.find((q: { id: string }) => q.id === id)).toMatchObject({ sentMailStatus: 'sent' });
  });
});
