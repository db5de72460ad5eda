import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createInvoicingCoop, draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { fanOutNotifications } from './fan-out-notifications.js';
import { notifications } from './schema.js';
import { sendNotificationDigests } from './send-notification-digests.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof createInvoicingCoop>>;
const clients: Record<'admin' | 'staff' | 'accountant' | 'member', TestClient> = {} as never;
const publicUrl = 'https://app.example.org';
let invoiceId: string;

const fanOut = () => fanOutNotifications(t.database.db, { publicUrl });
const notificationsOf = (userId: string) =>
  t.database.db.select().from(notifications).where(and(eq(notifications.coopId, f.coop.id), eq(notifications.userId, userId)));
const mailsTo = (email: string, template: string) =>
  t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, email), eq(mailOutbox.template, template)));

/**
 * Coop "notify": the admin wants no mail, the advisor (staff) one per notification, the
 * second advisor (`accountant` of the fixture holds the staff role) keeps the default digest.
 * Mia, the member, holds the activity she invoices from.
 */
beforeAll(async () => {
  t = await createTestApp({ publicUrl });
  f = await createInvoicingCoop(t.database.db, 'notify');
  for (const role of ['admin', 'staff', 'accountant', 'member'] as const) {
    clients[role] = t.client();
    await clients[role].login(f.coop[role].email, DEMO_PASSWORD);
  }
  // The coop's history before notifications began is nobody's news.
  await fanOut();
  expect(await t.database.db.select().from(notifications)).toEqual([]);
  expect((await clients.admin.put('/api/notifications/preferences', { mailMode: 'none' })).status).toBe(200);
  expect((await clients.staff.put('/api/notifications/preferences', { mailMode: 'each' })).body).toEqual({ mailMode: 'each' });
  const draft = await clients.member.post('/api/invoices', draftOf(f.activityId, f.clientId));
  expect(draft.status).toBe(201);
  invoiceId = draft.body.id;
  expect((await clients.member.post(`/api/invoices/${invoiceId}/submit`)).status).toBe(200);
});
afterAll(() => t?.close());

describe('an invoice submitted by a member', () => {
  it('notifies the validators once, even when the fan-out runs twice, and not the member who acted', async () => {
    await fanOut();
    await fanOut();
    for (const person of [f.coop.admin, f.coop.staff, f.coop.accountant]) {
      const mine = await notificationsOf(person.id);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ action: 'invoice.submitted', entityType: 'invoice', entityId: invoiceId, readAt: null });
      expect(mine[0]!.details).toMatchObject({ label: 'Boulangerie du Parc', actorName: 'Mia Member' });
    }
    expect(await notificationsOf(f.coop.member.id)).toEqual([]);
  });

  it('mails at once who asked for it, once, and nobody who asked for none', async () => {
    const staffMails = await mailsTo(f.coop.staff.email, 'notification.each');
    expect(staffMails).toHaveLength(1);
    expect(staffMails[0]!.subject).toContain('Facture Boulangerie du Parc à valider — par Mia Member');
    expect(staffMails[0]!.textBody).toContain(`${publicUrl}/notifications/`);
    expect(await mailsTo(f.coop.admin.email, 'notification.each')).toEqual([]);
    expect(await mailsTo(f.coop.accountant.email, 'notification.each')).toEqual([]);
  });

  it('the daily digest leaves in the morning, once a day, to those who chose it', async () => {
    const night = new Date('2026-12-02T04:00:00Z'); // 05:00 in Paris
    const morning = new Date('2026-12-02T08:00:00Z');
    expect(await sendNotificationDigests(t.database.db, { publicUrl, now: night })).toBe(0);
    await sendNotificationDigests(t.database.db, { publicUrl, now: morning });
    await sendNotificationDigests(t.database.db, { publicUrl, now: new Date('2026-12-02T15:00:00Z') });
    const digests = await mailsTo(f.coop.accountant.email, 'notification.digest');
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toContain('1 nouvelle notification — 02/12/2026');
    expect(digests[0]!.textBody).toContain('Facture Boulangerie du Parc à valider');
    expect((await notificationsOf(f.coop.accountant.id))[0]!.mailedAt).not.toBeNull();
    // Neither the one who wants no mail nor the one already mailed at once gets a digest.
    expect(await mailsTo(f.coop.admin.email, 'notification.digest')).toEqual([]);
    expect(await mailsTo(f.coop.staff.email, 'notification.digest')).toEqual([]);
  });
});

describe('a person reads their notifications', () => {
  it('sees the unread count, opens one, which is then read', async () => {
    expect((await clients.staff.get('/api/notifications/unread-count')).body).toEqual({ unread: 1 });
    const list = await clients.staff.get('/api/notifications');
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(1);
    const id = list.body.items[0].id;
    const opened = await clients.staff.post(`/api/notifications/${id}/read`);
    expect(opened.status).toBe(200);
    expect(opened.body.readAt).not.toBeNull();
    expect((await clients.staff.get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
    expect((await clients.staff.get('/api/notifications?unread=true')).body.total).toBe(0);
  });

  it("never another person's: their notification's id is not found", async () => {
    const [adminOwn] = await notificationsOf(f.coop.admin.id);
    const res = await clients.member.post(`/api/notifications/${adminOwn!.id}/read`);
    expect(res.status).toBe(404);
    expect((await notificationsOf(f.coop.admin.id))[0]!.readAt).toBeNull();
    expect((await clients.member.get('/api/notifications')).body.total).toBe(0);
  });

  it('marks all read at once', async () => {
    expect((await clients.admin.post('/api/notifications/read-all')).body).toEqual({ marked: 1 });
    expect((await clients.admin.get('/api/notifications/unread-count')).body).toEqual({ unread: 0 });
  });

  it('refuses a mail preference it does not know, naming the field', async () => {
    const res = await clients.member.put('/api/notifications/preferences', { mailMode: 'hourly' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('mailMode');
    expect((await clients.member.get('/api/notifications/preferences')).body).toEqual({ mailMode: 'daily' });
  });
});

describe('the work queues of the dashboards', () => {
  const queuesOf = async (c: TestClient) => {
    const res = await c.get('/api/dashboard/queues');
    expect(res.status).toBe(200);
    return Object.fromEntries((res.body.items as { key: string; count: number; link: string }[]).map((q) => [q.key, q]));
  };

  it('shows the advisor the invoice submitted for validation, with the list that holds it', async () => {
    const queues = await queuesOf(clients.staff);
    expect(queues.invoicesToValidate).toEqual({ key: 'invoicesToValidate', count: 1, link: '/invoices?toValidate=true' });
    expect(queues.quotesAccepted).toBeUndefined();
    const list = await clients.staff.get('/api/invoices?toValidate=true');
    expect(list.body.total).toBe(1);
  });

  it("shows a member only her own work: nothing to validate, no draft left once submitted", async () => {
    const queues = await queuesOf(clients.member);
    expect(Object.keys(queues)).toEqual(['quotesAccepted', 'invoiceDraftsToFinish', 'quoteDraftsToFinish']);
    expect(queues.invoiceDraftsToFinish!.count).toBe(0);
  });
});

describe('what happens to a member\'s documents', () => {
  it('the member holding the activity is told her invoice was validated; the advisor who validated it is not', async () => {
    expect((await clients.staff.post(`/api/invoices/${invoiceId}/validate`)).status).toBe(200);
    await fanOut();
    const mine = await notificationsOf(f.coop.member.id);
    expect(mine.map((n) => n.action)).toEqual(['invoice.validated']);
    expect(mine[0]!.details.actorName).toBe('Sam Staff');
    expect((await notificationsOf(f.coop.staff.id)).map((n) => n.action)).toEqual(['invoice.submitted']);
  });
});
