import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createDunningCoop } from '../../../test/support/dunning-fixtures.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { members } from '../members/schema.js';
import { recordPayment } from '../payments/index.js';
import { runDunning } from './index.js';
import { dunningEvents } from './schema.js';

// Invoices of the fixture are due on 2026-07-20: +7 is 27 July, +30 19 August, +45 3 September, +60 18 September.
let t: TestApp;

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

const run = (coopId: string, today: string) => runDunning(t.database.db, t.app.deps.storage, coopId, today);
const mailsOf = (coopId: string) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.coopId, coopId)).orderBy(asc(mailOutbox.createdAt));
const eventsOf = (coopId: string) => t.database.db.select().from(dunningEvents).where(eq(dunningEvents.coopId, coopId)).orderBy(asc(dunningEvents.stepIndex));
const auditsOf = (coopId: string, action: string) => t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, coopId), eq(auditLog.action, action)));

describe('one letter at a time', () => {
  it('two reminders due the same day leave as one mail, the most advanced', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-same-day');
    await f.issueToPayer();
    const admin = await loggedIn(f.coop.admin.email);
    expect((await admin.put('/api/dunning/settings', { enabled: true, steps: [{ day: 5, kind: 'reminder' }, { day: 7, kind: 'reminder' }] })).status).toBe(200);
    const result = await run(f.coop.id, '2026-07-27');
    expect(result.items.map((i) => [i.stepIndex, i.action])).toEqual([
      [0, 'skipped'],
      [1, 'sent'],
    ]);
    expect((await mailsOf(f.coop.id)).filter((m) => m.toAddress === f.payerEmail)).toHaveLength(1);
  });

  it('a step waits for the minimum gap after the last letter, then leaves', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-gap');
    await f.issueToPayer();
    const admin = await loggedIn(f.coop.admin.email);
    expect((await admin.put('/api/dunning/settings', { enabled: true, steps: [{ day: 7, kind: 'reminder' }, { day: 10, kind: 'reminder' }], minGapDays: 7 })).body.minGapDays).toBe(7);
    expect((await run(f.coop.id, '2026-07-27')).items).toHaveLength(1);
    // The second reminder fell due on 30 July, three days after the first: it waits.
    expect((await run(f.coop.id, '2026-07-30')).items).toEqual([]);
    expect((await run(f.coop.id, '2026-08-02')).items).toEqual([]);
    expect((await run(f.coop.id, '2026-08-03')).items).toEqual([expect.objectContaining({ stepIndex: 1, action: 'sent' })]);
    expect((await mailsOf(f.coop.id)).filter((m) => m.toAddress === f.payerEmail)).toHaveLength(2);
  });

  it('the minimum gap is a setting kept when a plan is saved without it, and refused outside 0 to 90 days with its field', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-gap-setting');
    const admin = await loggedIn(f.coop.admin.email);
    expect((await admin.get('/api/dunning/settings')).body.minGapDays).toBe(7);
    expect((await admin.put('/api/dunning/settings', { enabled: true, steps: [{ day: 7, kind: 'reminder' }], minGapDays: 12 })).status).toBe(200);
    expect((await admin.put('/api/dunning/settings', { enabled: true, steps: [{ day: 8, kind: 'reminder' }] })).body).toMatchObject({ minGapDays: 12, steps: [{ day: 8 }] });
    for (const bad of [91, -1, 2.5, '7']) {
      const res = await admin.put('/api/dunning/settings', { enabled: true, steps: [], minGapDays: bad });
      expect(res.status).toBe(400);
      expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'minGapDays' })]);
    }
    expect((await admin.get('/api/dunning/settings')).body.minGapDays).toBe(12);
  });
});

describe('pauses', () => {
  it('an invoice paused for a dispute gets no step; once resumed the next run sends only the most advanced step due', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-pause-invoice');
    const invoice = await f.issueToPayer();
    const staff = await loggedIn(f.coop.staff.email);
    const paused = await staff.post('/api/dunning/pauses', { invoiceId: invoice.id, reason: 'dispute', note: 'Le client conteste la pose' });
    expect(paused.status).toBe(201);
    expect(paused.body).toMatchObject({ invoiceId: invoice.id, clientId: null, reason: 'dispute', note: 'Le client conteste la pose', until: null, active: true });
    expect((await run(f.coop.id, '2026-08-20')).items).toEqual([]);

    const view = await staff.get(`/api/dunning/invoices/${invoice.id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ paused: true, events: [], pauses: [{ id: paused.body.id, active: true }] });
    expect(await auditsOf(f.coop.id, 'dunning.paused')).toEqual([expect.objectContaining({ entityId: invoice.id })]);

    const resumed = await staff.post(`/api/dunning/pauses/${paused.body.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.active).toBe(false);
    expect((await staff.post(`/api/dunning/pauses/${paused.body.id}/resume`)).status).toBe(409);
    expect(await auditsOf(f.coop.id, 'dunning.resumed')).toHaveLength(1);
    expect((await run(f.coop.id, '2026-08-20')).items.map((i) => [i.stepIndex, i.action])).toEqual([
      [0, 'skipped'],
      [1, 'sent'],
    ]);
  });

  it("a client's payment plan pauses all of its invoices until its last day", async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-pause-client');
    await f.issueToPayer();
    await f.issueToPayer();
    const staff = await loggedIn(f.coop.staff.email);
    const until = '2099-08-31';
    expect((await staff.post('/api/dunning/pauses', { clientId: f.payerId, reason: 'payment_plan', until })).status).toBe(201);
    expect((await run(f.coop.id, '2026-07-27')).items).toEqual([]);
    expect((await staff.get(`/api/dunning/pauses?clientId=${f.payerId}`)).body).toEqual([expect.objectContaining({ reason: 'payment_plan', until, active: true })]);
    // After its last day the pause no longer holds: each invoice takes its most advanced step.
    expect((await run(f.coop.id, '2099-09-01')).items.filter((i) => i.action !== 'skipped')).toEqual([expect.objectContaining({ kind: 'recovery' }), expect.objectContaining({ kind: 'recovery' })]);
  });

  it('a pause names an invoice or a client, with a known reason and no end in the past; a member cannot pause', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-pause-bad');
    const invoice = await f.issueToPayer();
    const staff = await loggedIn(f.coop.staff.email);
    expect((await staff.post('/api/dunning/pauses', { invoiceId: invoice.id, clientId: f.payerId, reason: 'dispute' })).status).toBe(400);
    expect((await staff.post('/api/dunning/pauses', { reason: 'dispute' })).status).toBe(400);
    expect((await staff.post('/api/dunning/pauses', { invoiceId: invoice.id, reason: 'holiday' })).status).toBe(400);
    const past = await staff.post('/api/dunning/pauses', { invoiceId: invoice.id, reason: 'other', until: '2020-01-01' });
    expect(past.status).toBe(400);
    expect(past.body.error.fields).toEqual([expect.objectContaining({ path: 'until' })]);
    expect((await staff.post('/api/dunning/pauses', { invoiceId: '00000000-0000-4000-8000-000000000000', reason: 'other' })).status).toBe(404);
    const member = await loggedIn(f.coop.member.email);
    expect((await member.post('/api/dunning/pauses', { invoiceId: invoice.id, reason: 'dispute' })).status).toBe(403);
  });
});

describe('the formal notice waits for the team', () => {
  it('the run queues the notice, tells the member, and sends nothing to the client until staff confirm', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-notice');
    const invoice = await f.issueToPayer();
    await run(f.coop.id, '2026-07-27');
    await run(f.coop.id, '2026-08-19');
    expect((await run(f.coop.id, '2026-09-03')).items).toEqual([expect.objectContaining({ kind: 'formal_notice', action: 'pending' })]);
    // Nothing moves while it waits, however late.
    expect((await run(f.coop.id, '2026-12-31')).items).toEqual([]);

    const [mia] = await t.database.db.select().from(members).where(and(eq(members.coopId, f.coop.id), eq(members.firstName, 'Mia')));
    const told = (await mailsOf(f.coop.id)).filter((m) => m.template === 'dunning_formal_notice_pending');
    expect(told).toEqual([expect.objectContaining({ toAddress: mia!.email, subject: `Mise en demeure en attente — facture ${invoice.number}` })]);
    expect((await mailsOf(f.coop.id)).filter((m) => m.template === 'dunning_formal_notice')).toEqual([]);

    const staff = await loggedIn(f.coop.staff.email);
    const queue = await staff.get('/api/dunning/cases?state=pending');
    expect(queue.body).toMatchObject({ total: 1, items: [{ invoiceId: invoice.id, lastEvent: { kind: 'formal_notice', action: 'pending', mailStatus: null } }] });
    const eventId = queue.body.items[0].lastEvent.id;
    const member = await loggedIn(f.coop.member.email);
    expect((await member.post(`/api/dunning/events/${eventId}/confirm`)).status).toBe(403);

    expect((await staff.post(`/api/dunning/events/${eventId}/confirm`)).status).toBe(204);
    const notice = (await mailsOf(f.coop.id)).filter((m) => m.template === 'dunning_formal_notice');
    expect(notice).toEqual([expect.objectContaining({ toAddress: f.payerEmail, status: 'queued' })]);
    expect(notice[0]!.attachments).toHaveLength(1);
    const again = await staff.post(`/api/dunning/events/${eventId}/confirm`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('NOTICE_NOT_PENDING');
    expect((await mailsOf(f.coop.id)).filter((m) => m.template === 'dunning_formal_notice')).toHaveLength(1);
    expect(await auditsOf(f.coop.id, 'dunning.formal_notice_confirmed')).toEqual([expect.objectContaining({ entityId: invoice.id, actorUserId: f.coop.staff.id })]);
    expect((await staff.get('/api/dunning/cases?state=pending')).body.total).toBe(0);
  });

  it('a cancelled notice sends nothing, is audited, and cannot be confirmed afterwards', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-notice-cancel');
    const invoice = await f.issueToPayer();
    await run(f.coop.id, '2026-09-03');
    const [event] = (await eventsOf(f.coop.id)).filter((e) => e.action === 'pending');
    const staff = await loggedIn(f.coop.staff.email);
    expect((await staff.post(`/api/dunning/events/${event!.id}/cancel`)).status).toBe(204);
    expect((await staff.post(`/api/dunning/events/${event!.id}/confirm`)).status).toBe(409);
    expect((await staff.post(`/api/dunning/events/${event!.id}/cancel`)).status).toBe(409);
    expect((await mailsOf(f.coop.id)).filter((m) => m.toAddress === f.payerEmail)).toEqual([]);
    expect((await eventsOf(f.coop.id)).find((e) => e.id === event!.id)).toMatchObject({ action: 'cancelled', decidedBy: f.coop.staff.id });
    expect(await auditsOf(f.coop.id, 'dunning.formal_notice_cancelled')).toEqual([expect.objectContaining({ entityId: invoice.id })]);
  });

  it('a notice whose invoice was paid meanwhile cannot be confirmed', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-notice-paid');
    const invoice = await f.issueToPayer();
    await run(f.coop.id, '2026-09-03');
    const [event] = (await eventsOf(f.coop.id)).filter((e) => e.action === 'pending');
    await recordPayment(t.database.db, f.staff, { clientId: f.payerId, date: '2026-09-04', amountCents: invoice.grossCents, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: invoice.grossCents }] });
    const staff = await loggedIn(f.coop.staff.email);
    const res = await staff.post(`/api/dunning/events/${event!.id}/confirm`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOTICE_INVOICE_SETTLED');
  });
});

describe('"sent" means the mail left', () => {
  it('a reminder waiting in the outbox is shown as queued, then as sent once it left, or failed', async () => {
    const f = await createDunningCoop(t.database.db, 'dunp-mail-status');
    const invoice = await f.issueToPayer();
    await run(f.coop.id, '2026-07-27');
    const staff = await loggedIn(f.coop.staff.email);
    const before = (await staff.get(`/api/dunning/invoices/${invoice.id}`)).body.events[0];
    expect(before).toMatchObject({ action: 'sent', mailStatus: 'queued', mailSentAt: null });

    const leftAt = new Date('2026-07-27T08:00:00Z');
    await t.database.db.update(mailOutbox).set({ status: 'sent', sentAt: leftAt }).where(eq(mailOutbox.id, before.mailId));
    expect((await staff.get('/api/dunning/cases')).body.items[0].lastEvent).toMatchObject({ mailStatus: 'sent', mailSentAt: leftAt.toISOString() });

    await t.database.db.update(mailOutbox).set({ status: 'failed', sentAt: null }).where(eq(mailOutbox.id, before.mailId));
    expect((await staff.get(`/api/dunning/invoices/${invoice.id}`)).body.events[0].mailStatus).toBe('failed');
  });
});
