import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addResource, addSite } from '../../../test/support/resource-ops-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { resourcePhotos } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let room: { id: string };
let staff: TestClient;
let member: TestClient;
let otherMember: TestClient;
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const heic = Buffer.from([0, 0, 0, 24, ...Buffer.from('ftypheic'), 0, 0, 0, 0]);

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'photos-a');
  b = await createTestCoop(t.database.db, 'photos-b');
  const site = await addSite(t.database.db, a.id);
  room = await addResource(t.database.db, a.id, site.id, 'meeting_room', 'Salle Confluence');
  staff = await login(a.staff.email);
  member = await login(a.member.email);
  otherMember = await login(b.member.email);
  // Two coops and three logins: slow when the machine's two cores are shared.
}, 180_000);

afterAll(async () => {
  await t?.close();
});

describe('resource photos', () => {
  it('staff uploads a photo; members see it on the catalogue and read its bytes', async () => {
    const up = await staff.upload(`/api/resources/${room.id}/photos`, { filename: 'salle.png', contentType: 'image/png', bytes: png });
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ resourceId: room.id, fileName: 'salle.png', contentType: 'image/png', size: png.length });
    // The type comes from the bytes, not from what the browser claims.
    const second = await staff.upload(`/api/resources/${room.id}/photos`, { filename: 'vue.jpg', contentType: 'image/png', bytes: jpeg });
    expect(second.status).toBe(201);
    expect(second.body.contentType).toBe('image/jpeg');

    const list = await member.get(`/api/resources/${room.id}/photos`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { fileName: string }) => p.fileName)).toEqual(['salle.png', 'vue.jpg']);
    const card = await member.get(`/api/resources/${room.id}`);
    expect(card.body.photoCount).toBe(2);
    const image = await member.get(`/api/resources/${room.id}/photos/${up.body.id}`);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.headers['x-content-type-options']).toBe('nosniff');

    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'resource.photo_add'), eq(auditLog.entityId, room.id)));
    expect(audit).toBeDefined();
  });

  it('refuses a file that is not a JPEG, PNG or WebP image with a 400 naming the file, and writes nothing', async () => {
    const before = await t.database.db.select().from(resourcePhotos).where(eq(resourcePhotos.coopId, a.id));
    const html = await staff.upload(`/api/resources/${room.id}/photos`, { filename: 'x.png', contentType: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script>') });
    expect(html.status).toBe(400);
    expect(html.body.error.fields[0].path).toBe('file');
    // HEIC is a photo, but not one every member's browser shows.
    expect((await staff.upload(`/api/resources/${room.id}/photos`, { filename: 'x.heic', contentType: 'image/heic', bytes: heic })).status).toBe(400);
    const notMultipart = await staff.post(`/api/resources/${room.id}/photos`, { file: 'x' });
    expect(notMultipart.status).toBe(400);
    const after = await t.database.db.select().from(resourcePhotos).where(eq(resourcePhotos.coopId, a.id));
    expect(after).toHaveLength(before.length);
  });

  it('a member cannot upload nor delete a photo', async () => {
    expect((await member.upload(`/api/resources/${room.id}/photos`, { filename: 'moi.png', contentType: 'image/png', bytes: png })).status).toBe(403);
    const [p] = (await member.get(`/api/resources/${room.id}/photos`)).body.items;
    expect((await member.delete(`/api/resources/${room.id}/photos/${p.id}`)).status).toBe(403);
  });

  it('a member of another coop gets 404 on the photos of this coop’s resource', async () => {
    const [p] = (await staff.get(`/api/resources/${room.id}/photos`)).body.items;
    expect((await otherMember.get(`/api/resources/${room.id}/photos`)).status).toBe(404);
    expect((await otherMember.get(`/api/resources/${room.id}/photos/${p.id}`)).status).toBe(404);
  });

  it('staff deletes a photo: it leaves the list and its bytes, and the deletion is audited with what it was', async () => {
    const [p] = (await staff.get(`/api/resources/${room.id}/photos`)).body.items;
    expect((await staff.delete(`/api/resources/${room.id}/photos/${p.id}`)).status).toBe(204);
    expect((await staff.get(`/api/resources/${room.id}/photos`)).body.items.map((x: { id: string }) => x.id)).not.toContain(p.id);
    expect((await member.get(`/api/resources/${room.id}/photos/${p.id}`)).status).toBe(404);
    expect((await staff.delete(`/api/resources/${room.id}/photos/${p.id}`)).status).toBe(404);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'resource.photo_remove')));
    expect(audit!.changes).toMatchObject({ photoId: { before: p.id }, fileName: { before: p.fileName } });
  });
});
