import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember, countRows } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { members } from '../members/schema.js';
import type { SaveProfileBody } from './contract.js';
import { DEFAULT_VISIBILITY } from './domain/visible-profile.js';
import { directoryProfileFiles } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let mia: TestClient;
let leo: TestClient;
let anonymous: TestClient;
let miaId: string;
let leoId: string;
const slug = `coop-fichiers-${Math.random().toString(36).slice(2, 8)}`;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not a real image but a PNG signature')]);
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const ids = new Map<string, string>();

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const profile = (over: Partial<SaveProfileBody> = {}): SaveProfileBody => ({
  listed: true,
  visibility: { ...DEFAULT_VISIBILITY, trade: 'public', photo: 'hidden' },
  trade: 'Illustratrice',
  skills: [],
  poles: [],
  sectors: [],
  pitch: null,
  links: [],
  city: null,
  availability: null,
  availabilityNote: null,
  languages: [],
  email: null,
  phone: null,
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'dirf-a');
  b = await createTestCoop(t.database.db, 'dirf-b');
  const db = t.database.db;
  miaId = (await addMember(db, a, { firstName: 'Mia', lastName: 'Member', email: a.member.email, userId: a.member.id })).id;
  const leoUser = await createPerson(db, a.id, `leo@dirf-a.test`, 'Léo Bois', ['member']);
  leoId = (await addMember(db, a, { firstName: 'Léo', lastName: 'Bois', email: leoUser.email, userId: leoUser.id })).id;
  [staff, mia, leo] = await Promise.all([login(a.staff.email), login(a.member.email), login(leoUser.email)]);
  anonymous = t.client();
  expect((await mia.put('/api/directory/me', profile())).status).toBe(200);
  expect((await leo.put('/api/directory/me', profile({ trade: 'Ébéniste' }))).status).toBe(200);
  const admin = await login(a.admin.email);
  expect((await admin.put('/api/directory/settings', { publicDirectory: true, publicSlug: slug })).status).toBe(200);

  for (const [name, visibility] of [['brouillon-secret.pdf', 'hidden'], ['etude-membres.pdf', 'members'], ['book-public.pdf', 'public']] as const) {
    const res = await mia.upload(`/api/directory/${miaId}/files`, { filename: name, contentType: 'application/pdf', bytes: pdf(name) }, { visibility });
    expect(res.status).toBe(200);
    ids.set(name, res.body.files.find((f: { fileName: string }) => f.fileName === name).id);
  }
});
afterAll(() => t.close());

describe('portfolio files', () => {
  it('the owner sees all her files with their visibility; the upload is audited', async () => {
    const me = await mia.get('/api/directory/me');
    expect(me.body.files.map((f: { fileName: string; visibility: string }) => [f.fileName, f.visibility])).toEqual([
      ['brouillon-secret.pdf', 'hidden'],
      ['etude-membres.pdf', 'members'],
      ['book-public.pdf', 'public'],
    ]);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'directory.file_added')));
    expect(audits).toHaveLength(3);
  });

  it("a hidden file's name and id never reach another member, and its download is a 404", async () => {
    const hidden = ids.get('brouillon-secret.pdf')!;
    for (const res of [await leo.get('/api/directory'), await leo.get(`/api/directory/${miaId}`)]) {
      expect(res.status).toBe(200);
      expect(res.raw).not.toContain('brouillon-secret');
      expect(res.raw).not.toContain(hidden);
      expect(res.raw).toContain('etude-membres.pdf');
    }
    expect((await leo.get(`/api/directory/${miaId}/files/${hidden}`)).status).toBe(404);
    const shown = await leo.get(`/api/directory/${miaId}/files/${ids.get('etude-membres.pdf')}`);
    expect(shown.status).toBe(200);
    expect(shown.headers['content-type']).toBe('application/pdf');
    expect(String(shown.headers['content-disposition'])).toContain('attachment');
    expect(shown.raw).toContain('etude-membres.pdf');
  });

  it('the public directory shows and serves the public file only', async () => {
    for (const res of [await anonymous.get(`/api/directory/public/${slug}`), await anonymous.get(`/api/directory/public/${slug}/${miaId}`)]) {
      expect(res.status).toBe(200);
      expect(res.raw).toContain('book-public.pdf');
      expect(res.raw).not.toContain('etude-membres');
      expect(res.raw).not.toContain('brouillon-secret');
      expect(res.raw).not.toContain(ids.get('etude-membres.pdf')!);
      expect(res.raw).not.toContain(ids.get('brouillon-secret.pdf')!);
    }
    const detail = await anonymous.get(`/api/directory/public/${slug}/${miaId}`);
    expect(detail.body.files[0].url).toBe(`/api/directory/public/${slug}/${miaId}/files/${ids.get('book-public.pdf')}`);
    expect((await anonymous.get(detail.body.files[0].url)).status).toBe(200);
    expect((await anonymous.get(`/api/directory/public/${slug}/${miaId}/files/${ids.get('etude-membres.pdf')}`)).status).toBe(404);
    expect((await anonymous.get(`/api/directory/public/${slug}/${miaId}/files/${ids.get('brouillon-secret.pdf')}`)).status).toBe(404);
    expect((await anonymous.get(`/api/directory/${miaId}/files/${ids.get('book-public.pdf')}`)).status).toBe(401);
  });

  it('staff see and download every file', async () => {
    const res = await staff.get(`/api/directory/${miaId}`);
    expect(res.body.files).toHaveLength(3);
    expect((await staff.get(`/api/directory/${miaId}/files/${ids.get('brouillon-secret.pdf')}`)).status).toBe(200);
  });

  it('refuses a wrong type with a 400 on the file, and stores nothing', async () => {
    const before = await countRows(t.database.db, directoryProfileFiles);
    const html = await mia.upload(`/api/directory/${miaId}/files`, { filename: 'cv.pdf', contentType: 'application/pdf', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(html.status).toBe(400);
    expect(JSON.stringify(html.body)).toContain('file');
    const photoPdf = await mia.upload(`/api/directory/${miaId}/photo`, { filename: 'moi.png', contentType: 'image/png', bytes: pdf('not an image') });
    expect(photoPdf.status).toBe(400);
    const badVisibility = await mia.upload(`/api/directory/${miaId}/files`, { filename: 'x.pdf', contentType: 'application/pdf', bytes: pdf('x') }, { visibility: 'everyone' });
    expect(badVisibility.status).toBe(400);
    expect(JSON.stringify(badVisibility.body)).toContain('visibility');
    expect((await mia.post(`/api/directory/${miaId}/files`, { file: 'x' })).status).toBe(400);
    expect(await countRows(t.database.db, directoryProfileFiles)).toBe(before);
  });

  it("a member cannot add to another member's profile; staff can; another coop cannot", async () => {
    expect((await leo.upload(`/api/directory/${miaId}/files`, { filename: 'x.pdf', contentType: 'application/pdf', bytes: pdf('x') })).status).toBe(403);
    expect((await leo.delete(`/api/directory/${miaId}/files/${ids.get('book-public.pdf')}`)).status).toBe(403);
    const staffB = await login(b.staff.email);
    expect((await staffB.upload(`/api/directory/${miaId}/photo`, { filename: 'x.png', contentType: 'image/png', bytes: PNG })).status).toBe(404);
    const byStaff = await staff.upload(`/api/directory/${leoId}/photo`, { filename: 'leo.png', contentType: 'image/png', bytes: PNG });
    expect(byStaff.status).toBe(200);
    expect(byStaff.body.photoUrl).toMatch(new RegExp(`^/api/directory/${leoId}/photo\\?v=`));
  });

  it('changes who sees a file, and removes one (audited, then a 404)', async () => {
    const study = ids.get('etude-membres.pdf')!;
    expect((await mia.patch(`/api/directory/${miaId}/files/${study}`, { visibility: 'hidden' })).status).toBe(200);
    expect((await leo.get(`/api/directory/${miaId}/files/${study}`)).status).toBe(404);
    expect((await leo.get(`/api/directory/${miaId}`)).raw).not.toContain('etude-membres');
    expect((await mia.patch(`/api/directory/${miaId}/files/${study}`, { visibility: 'all' })).status).toBe(400);
    const removed = await mia.delete(`/api/directory/${miaId}/files/${study}`);
    expect(removed.status).toBe(200);
    expect(removed.body.files).toHaveLength(2);
    expect((await staff.get(`/api/directory/${miaId}/files/${study}`)).status).toBe(404);
    expect((await mia.delete(`/api/directory/${miaId}/files/${study}`)).status).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'directory.file_removed')));
    expect(audits).toHaveLength(1);
  });
});

describe('the profile photo', () => {
  it('follows the photo field: hidden, another member gets no address and a 404', async () => {
    const set = await mia.upload(`/api/directory/${miaId}/photo`, { filename: 'mia.png', contentType: 'image/png', bytes: PNG });
    expect(set.status).toBe(200);
    expect((await mia.get(set.body.photoUrl)).status).toBe(200);
    expect((await leo.get(`/api/directory/${miaId}`)).body).not.toHaveProperty('photoUrl');
    expect((await leo.get(`/api/directory/${miaId}/photo`)).status).toBe(404);
  });

  it('shown to members and the public, it is served as the image it is', async () => {
    await mia.put('/api/directory/me', profile({ visibility: { ...DEFAULT_VISIBILITY, trade: 'public', photo: 'public' } }));
    const seen = await leo.get(`/api/directory/${miaId}`);
    const photo = await leo.get(seen.body.photoUrl);
    expect(photo.status).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.headers['x-content-type-options']).toBe('nosniff');
    const pub = await anonymous.get(`/api/directory/public/${slug}`);
    const item = pub.body.items.find((p: { memberId: string }) => p.memberId === miaId);
    expect(item.photoUrl).toMatch(new RegExp(`^/api/directory/public/${slug}/${miaId}/photo\\?v=`));
    expect((await anonymous.get(item.photoUrl)).status).toBe(200);
  });

  it('a new photo replaces the old one: one photo a profile', async () => {
    const first = (await mia.get('/api/directory/me')).body.photoUrl;
    const second = await mia.upload(`/api/directory/${miaId}/photo`, { filename: 'mia2.png', contentType: 'image/png', bytes: PNG });
    expect(second.body.photoUrl).not.toBe(first);
    const rows = await t.database.db.select().from(directoryProfileFiles).where(and(eq(directoryProfileFiles.coopId, a.id), eq(directoryProfileFiles.memberId, miaId), eq(directoryProfileFiles.kind, 'photo')));
    expect(rows).toHaveLength(1);
    expect((await mia.delete(`/api/directory/${miaId}/photo`)).body.photoUrl).toBeNull();
    expect((await anonymous.get(`/api/directory/public/${slug}/${miaId}/photo`)).status).toBe(404);
  });
});

describe('members who left', () => {
  it('are no longer listed to members nor in the public directory; staff still open them, marked', async () => {
    await t.database.db.update(members).set({ status: 'left', statusSince: '2026-01-31' }).where(and(eq(members.coopId, a.id), eq(members.id, leoId)));
    const list = await mia.get('/api/directory');
    expect(list.body.items.map((p: { memberId: string }) => p.memberId)).toEqual([miaId]);
    expect(list.body.total).toBe(1);
    expect((await mia.get(`/api/directory/${leoId}`)).status).toBe(404);
    expect((await mia.get('/api/directory?q=ebeniste')).body.total).toBe(0);
    expect((await mia.get(`/api/directory/${leoId}/photo`)).status).toBe(404);
    const pub = await anonymous.get(`/api/directory/public/${slug}`);
    expect(pub.raw).not.toContain(leoId);
    expect((await anonymous.get(`/api/directory/public/${slug}/${leoId}`)).status).toBe(404);
    const byStaff = await staff.get(`/api/directory/${leoId}`);
    expect(byStaff.status).toBe(200);
    expect(byStaff.body.leftOn).toBe('2026-01-31');
    const staffList = await staff.get('/api/directory');
    expect(staffList.body.items.find((p: { memberId: string }) => p.memberId === leoId)?.leftOn).toBe('2026-01-31');
    expect(staffList.body.items.find((p: { memberId: string }) => p.memberId === miaId)?.leftOn).toBeNull();
  });
});
