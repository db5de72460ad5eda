import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { enqueueMail } from './outbox.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let other: Awaited<ReturnType<typeof createTestCoop>>;
let mailId: string;

beforeAll(async () => {
  t = await createTestApp();
  coop = await createTestCoop(t.database.db, 'outbox');
  other = await createTestCoop(t.database.db, 'outbox-other');
  const { sha256 } = await t.app.deps.storage.put(`test/${coop.id}/devis.pdf`, Buffer.from('%PDF-1.7 devis'));
  mailId = await enqueueMail(t.database.db, {
    coopId: coop.id,
    to: 'client@example.org',
    subject: 'Devis D-1',
    text: 'Ci-joint notre devis.',
    template: 'test',
    attachments: [{ filename: 'Devis D-1.pdf', contentType: 'application/pdf', storageKey: `test/${coop.id}/devis.pdf`, sha256 }],
  });
});
afterAll(() => t.close());

describe('the outbox of a cooperative', () => {
  it('lists a mail with the names of its files, and lets the admin download them', async () => {
    const admin = t.client();
    await admin.login(coop.admin.email, DEMO_PASSWORD);
    const list = await admin.get('/api/outbox?to=client%40example.org');
    expect(list.body.items[0].attachments).toEqual([{ filename: 'Devis D-1.pdf', contentType: 'application/pdf' }]);
    expect(list.body.items[0]).not.toHaveProperty('attachments.0.storageKey');
    const file = await admin.get(`/api/outbox/${mailId}/attachments/0`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe(`attachment; filename="Devis D-1.pdf"; filename*=UTF-8''Devis%20D-1.pdf`);
    expect(file.raw).toBe('%PDF-1.7 devis');
    expect((await admin.get(`/api/outbox/${mailId}/attachments/1`)).status).toBe(404);
  });

  it("keeps a mail's files from another cooperative's admin and from members", async () => {
    const stranger = t.client();
    await stranger.login(other.admin.email, DEMO_PASSWORD);
    expect((await stranger.get(`/api/outbox/${mailId}/attachments/0`)).status).toBe(404);
    const member = t.client();
    await member.login(coop.member.email, DEMO_PASSWORD);
    expect((await member.get(`/api/outbox/${mailId}/attachments/0`)).status).toBe(403);
  });
});
