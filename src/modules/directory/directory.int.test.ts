import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember, countRows } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { members } from '../members/schema.js';
import type { SaveProfileBody } from './contract.js';
import { DEFAULT_VISIBILITY } from './domain/visible-profile.js';
import { directoryProfiles } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let admin: TestClient;
let staff: TestClient;
let mia: TestClient;
let leo: TestClient;
let anonymous: TestClient;
let miaId: string;
const PHONE = '06 98 76 54 32';
const slug = `coop-annuaire-${Math.random().toString(36).slice(2, 8)}`;

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const miaProfile: SaveProfileBody = {
  listed: true,
  visibility: { ...DEFAULT_VISIBILITY, trade: 'public', skills: 'members', city: 'public', availability: 'members', phone: 'hidden', email: 'members' },
  trade: 'Développeuse web',
  skills: ['Accessibilité', 'React', 'react'],
  poles: ['technical'],
  sectors: ['Culture'],
  pitch: 'Des sites sobres, rapides et accessibles.',
  links: [{ label: 'Portfolio', url: 'https://mia.example' }],
  city: 'Lyon',
  availability: 'partly',
  availabilityNote: 'Deux jours par semaine',
  languages: ['Français', 'Anglais'],
  email: 'mia.pro@example.coop',
  phone: PHONE,
};

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'dir-a');
  b = await createTestCoop(t.database.db, 'dir-b');
  const db = t.database.db;
  miaId = (await addMember(db, a, { firstName: 'Mia', lastName: 'Member', email: a.member.email, userId: a.member.id })).id;
  const leoUser = await createPerson(db, a.id, `leo@dir-a.test`, 'Léo Ébéniste', ['member']);
  await addMember(db, a, { firstName: 'Léo', lastName: 'Bois', email: leoUser.email, userId: leoUser.id });
  [admin, staff, mia, leo] = await Promise.all([login(a.admin.email), login(a.staff.email), login(a.member.email), login(leoUser.email)]);
  anonymous = t.client();
  expect((await mia.put('/api/directory/me', miaProfile)).status).toBe(200);
});
afterAll(() => t.close());

describe('my directory profile', () => {
  it('starts empty and hidden (opt-in), with my e-mail proposed', async () => {
    const res = await leo.get('/api/directory/me');
    expect(res.status).toBe(200);
    expect(res.body.visibility).toEqual(DEFAULT_VISIBILITY);
    expect(res.body.email).toBe('leo@dir-a.test');
    expect(res.body.listed).toBe(false);
  });

  it('saves every field, skills de-duplicated whatever their case, and audits the consent', async () => {
    const res = await mia.get('/api/directory/me');
    expect(res.body.skills).toEqual(['Accessibilité', 'react']);
    expect(res.body.phone).toBe(PHONE);
    expect(res.body.visibility.phone).toBe('hidden');
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'directory.profile_saved')));
    expect(audits.length).toBeGreaterThan(0);
  });

  it('refuses bad input with a 400 naming the field, and writes nothing', async () => {
    const before = await countRows(t.database.db, directoryProfiles);
    const bad = await leo.put('/api/directory/me', { ...miaProfile, visibility: { ...miaProfile.visibility, phone: 'everyone' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('visibility');
    const badUrl = await leo.put('/api/directory/me', { ...miaProfile, links: [{ label: 'x', url: 'javascript:alert(1)' }] });
    expect(badUrl.status).toBe(400);
    expect(JSON.stringify(badUrl.body)).toContain('links');
    expect(await countRows(t.database.db, directoryProfiles)).toBe(before);
  });

  it('a person of the coop without a member record has no profile to edit', async () => {
    expect((await staff.get('/api/directory/me')).status).toBe(403);
  });
});

describe("a member's hidden fields never leave the server", () => {
  it('another member does not receive the phone, in the list or the detail', async () => {
    const list = await leo.get('/api/directory');
    expect(list.status).toBe(200);
    expect(list.raw).not.toContain('98 76');
    const item = list.body.items.find((p: { memberId: string }) => p.memberId === miaId);
    expect(item.trade).toBe('Développeuse web');
    expect(item.skills).toEqual(['Accessibilité', 'react']);
    expect(item).not.toHaveProperty('phone');
    expect(item).not.toHaveProperty('pitch');
    expect(item).not.toHaveProperty('visibility');
    const detail = await leo.get(`/api/directory/${miaId}`);
    expect(detail.status).toBe(200);
    expect(detail.raw).not.toContain('98 76');
    expect(detail.body.email).toBe('mia.pro@example.coop');
  });

  it('staff see the phone', async () => {
    const detail = await staff.get(`/api/directory/${miaId}`);
    expect(detail.body.phone).toBe(PHONE);
    const list = await admin.get('/api/directory?q=mia');
    expect(list.raw).toContain(PHONE);
  });

  it('a hidden field cannot be searched for by another member (the search would reveal it)', async () => {
    expect((await leo.get('/api/directory?q=sobres')).body.total).toBe(0); // the pitch is hidden
    expect((await staff.get('/api/directory?q=sobres')).body.total).toBe(1);
    expect((await leo.get('/api/directory?q=98+76')).body.total).toBe(0);
  });

  it('the public directory is a 404 while the coop does not publish it', async () => {
    expect((await anonymous.get(`/api/directory/public/${slug}`)).status).toBe(404);
    expect((await anonymous.get(`/api/directory/public/${slug}/${miaId}`)).status).toBe(404);
    expect((await anonymous.get('/api/directory')).status).toBe(401);
  });

  it('published, it shows only the public fields of the members who opted in', async () => {
    expect((await mia.put('/api/directory/settings', { publicDirectory: true, publicSlug: slug })).status).toBe(403);
    const set = await admin.put('/api/directory/settings', { publicDirectory: true, publicSlug: slug });
    expect(set.status).toBe(200);
    const list = await anonymous.get(`/api/directory/public/${slug}`);
    expect(list.status).toBe(200);
    expect(list.raw).not.toContain('98 76');
    expect(list.raw).not.toContain('Accessibilit'); // skills are for members only
    expect(list.raw).not.toContain('mia.pro@');
    expect(list.body.items).toEqual([{ memberId: miaId, name: 'Mia Member', trade: 'Développeuse web', city: 'Lyon' }]);
    const detail = await anonymous.get(`/api/directory/public/${slug}/${miaId}`);
    expect(detail.body).toEqual({ memberId: miaId, name: 'Mia Member', trade: 'Développeuse web', city: 'Lyon' });
    expect((await anonymous.get(`/api/directory/public/${slug}?q=react`)).body.total).toBe(0);
  });

  it('a member not listed stays out of the public directory, even at its address', async () => {
    const leoId = (await leo.get('/api/directory/me')).body.memberId;
    await leo.put('/api/directory/me', { ...miaProfile, listed: false, visibility: { ...DEFAULT_VISIBILITY, trade: 'public' }, trade: 'Ébéniste', skills: ['Marqueterie'], phone: null });
    expect((await anonymous.get(`/api/directory/public/${slug}/${leoId}`)).status).toBe(404);
    expect((await anonymous.get(`/api/directory/public/${slug}?q=ebeniste`)).body.total).toBe(0);
  });

  it('another coop cannot take the same address, and cannot read the profiles', async () => {
    const staffB = await login(b.admin.email);
    const res = await staffB.put('/api/directory/settings', { publicDirectory: true, publicSlug: slug });
    expect(res.status).toBe(409);
    expect((await staffB.get(`/api/directory/${miaId}`)).status).toBe(404);
    expect((await staffB.get('/api/directory')).body.total).toBe(0);
  });
});

describe('searching the directory', () => {
  it('is accent-insensitive: "developpeuse" finds "Développeuse", "ebeniste" finds "Ébéniste"', async () => {
    const dev = await leo.get('/api/directory?q=developpeuse');
    expect(dev.body.items.map((p: { memberId: string }) => p.memberId)).toEqual([miaId]);
    const eb = await mia.get('/api/directory?q=EBENISTE');
    expect(eb.body.total).toBe(1);
    expect(eb.body.items[0].trade).toBe('Ébéniste');
  });

  it('filters by skill typed without accents, city and availability, each only where visible', async () => {
    expect((await leo.get('/api/directory?skill=accessibilite')).body.total).toBe(1);
    expect((await leo.get('/api/directory?city=lyon&availability=partly')).body.total).toBe(1);
    expect((await leo.get('/api/directory?availability=available')).body.total).toBe(0);
    // Léo's skill is hidden: Mia cannot find him by it; staff can.
    expect((await mia.get('/api/directory?skill=marqueterie')).body.total).toBe(0);
    expect((await staff.get('/api/directory?skill=marqueterie')).body.total).toBe(1);
  });

  it('a page past the end is empty but still tells the total', async () => {
    const res = await leo.get('/api/directory?page=50&pageSize=1');
    expect(res.body.items).toEqual([]);
    expect(res.body.total).toBe(2);
    expect((await leo.get('/api/directory?page=2&pageSize=1')).body).toMatchObject({ total: 2, page: 2 });
  });

  it('refuses a bad filter with a 400', async () => {
    expect((await leo.get('/api/directory?availability=soon')).status).toBe(400);
    expect((await leo.get('/api/directory?pageSize=1000')).status).toBe(400);
    expect((await leo.get('/api/directory/not-a-uuid')).status).toBe(400);
  });

  it('shows the name from the member file as soon as it changes', async () => {
    await t.database.db.update(members).set({ lastName: 'Martin' }).where(and(eq(members.coopId, a.id), eq(members.id, miaId)));
    expect((await leo.get(`/api/directory/${miaId}`)).body.name).toBe('Mia Martin');
    await t.database.db.update(members).set({ lastName: 'Member' }).where(and(eq(members.coopId, a.id), eq(members.id, miaId)));
  });
});

describe('the skills vocabulary', () => {
  it('staff add skills once whatever the accents; members read it but cannot change it', async () => {
    const added = await staff.post('/api/directory/skills', { label: 'Ébénisterie' });
    expect(added.status).toBe(201);
    expect((await staff.post('/api/directory/skills', { label: 'ebenisterie' })).status).toBe(409);
    expect((await mia.post('/api/directory/skills', { label: 'Poterie' })).status).toBe(403);
    expect((await mia.get('/api/directory/skills')).body.items.map((s: { label: string }) => s.label)).toContain('Ébénisterie');
  });

  it('lists free words members added, and staff promote one', async () => {
    const free = await staff.get('/api/directory/skills/free');
    expect(free.body.items).toContainEqual({ label: 'Accessibilité', profiles: 1 });
    await staff.post('/api/directory/skills', { label: 'Accessibilité' });
    expect((await staff.get('/api/directory/skills/free')).body.items.map((s: { label: string }) => s.label)).not.toContain('Accessibilité');
    const id = (await staff.get('/api/directory/skills')).body.items.find((s: { label: string }) => s.label === 'Accessibilité').id;
    expect((await staff.delete(`/api/directory/skills/${id}`)).status).toBe(204);
    expect((await staff.delete(`/api/directory/skills/${id}`)).status).toBe(404);
  });
});
