import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { authTokens, coopRoles, users } from '../../platform/auth/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { members } from '../members/schema.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let other: Awaited<ReturnType<typeof createTestCoop>>;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  coop = await createTestCoop(t.database.db, 'people');
  other = await createTestCoop(t.database.db, 'other');
  admin = t.client();
  await admin.login(coop.admin.email, DEMO_PASSWORD);
});
afterAll(() => t.close());

const tokenIn = (text: string) => /invitation\?token=([\w-]+)/.exec(text)?.[1];

async function rowCounts() {
  const db = t.database.db;
  const n = async (table: typeof users | typeof coopRoles | typeof members | typeof authTokens | typeof mailOutbox) => (await db.select({ n: count() }).from(table))[0].n;
  return { users: await n(users), coopRoles: await n(coopRoles), members: await n(members), authTokens: await n(authTokens), mailOutbox: await n(mailOutbox) };
}

async function invite(client: TestClient, body: Record<string, unknown>) {
  return client.post('/api/people/invitations', body);
}

describe('inviting a member', () => {
  const email = 'lea.martin@example.org';
  let userId: string;
  let token: string;

  it('creates an account without password, grants the role, opens a candidate member file and queues the mail', async () => {
    const res = await invite(admin, { email: 'Lea.Martin@Example.org', firstName: 'Léa', lastName: 'Martin', role: 'member', membershipType: 'independent' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ mail: 'invitation', memberId: expect.any(String) });
    userId = res.body.userId;
    const expiresAt = new Date(res.body.invitationExpiresAt).getTime();
    expect(expiresAt - Date.now()).toBeGreaterThan(13.9 * 86_400_000);

    const db = t.database.db;
    const [user] = await db.select().from(users).where(eq(users.id, userId));
    expect(user.email).toBe(email);
    expect(user.passwordHash).toBeNull();
    const roles = await db.select().from(coopRoles).where(and(eq(coopRoles.coopId, coop.id), eq(coopRoles.userId, userId)));
    expect(roles.map((r) => r.role)).toEqual(['member']);
    const [member] = await db.select().from(members).where(eq(members.id, res.body.memberId));
    expect(member).toMatchObject({ coopId: coop.id, userId, status: 'candidate', membershipType: 'independent', firstName: 'Léa', lastName: 'Martin' });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'person.invited'), eq(auditLog.entityId, userId)));
    expect(audit.actorUserId).toBe(coop.admin.id);
  });

  it('shows the invitation mail, with its one-time link, in the outbox of the cooperative', async () => {
    const res = await admin.get(`/api/outbox?to=${encodeURIComponent(email)}`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    const mail = res.body.items[0];
    expect(mail.template).toBe('invitation');
    expect(mail.subject).toBe(`Invitation à rejoindre ${coop.name} sur Mutualise`);
    expect(mail.textBody).toContain('http://mutualise.test/invitation?token=');
    expect(mail.textBody).toContain('Alice Admin');
    token = tokenIn(mail.textBody)!;
    expect(token).toBeTruthy();
  });

  it('lists the person as invited, not yet active, with the expiry of the invitation', async () => {
    const res = await admin.get('/api/people?q=martin');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ userId, email, displayName: 'Léa Martin', roles: ['member'], active: false });
    expect(res.body.items[0].invitationExpiresAt).not.toBeNull();
  });

  it('opens the invitation with the name of the cooperative and the role', async () => {
    const res = await t.client().get(`/api/auth/invitations/${token}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ email, coopName: coop.name, role: 'member' });
  });

  it('refuses a weak password on the password field, then logs the member in with a good one, once', async () => {
    const c = t.client();
    const weak = await c.post('/api/auth/invitations/accept', { token, displayName: 'Léa Martin', password: 'password' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.fields[0].path).toBe('password');

    const ok = await c.post('/api/auth/invitations/accept', { token, displayName: 'Léa Martin', password: 'une longue phrase de passe' });
    expect(ok.status).toBe(200);
    expect(ok.body.coop).toEqual({ id: coop.id, name: coop.name });
    expect(ok.body.roles).toEqual(['member']);
    const me = await c.get('/api/dashboard');
    expect(me.status).toBe(200);
    expect(me.body.me).toMatchObject({ status: 'candidate', membershipType: 'independent' });

    const again = await t.client().post('/api/auth/invitations/accept', { token, displayName: 'Intrus', password: 'une autre phrase de passe' });
    expect(again.status).toBe(404);
    const listed = await admin.get('/api/people?q=lea.martin');
    expect(listed.body.items[0]).toMatchObject({ active: true, invitationExpiresAt: null });
  });
});

describe('the list of people', () => {
  it('sorts names as a French reader does: Élodie with the E, not after Zoé', async () => {
    const sorted = await createTestCoop(t.database.db, 'people-order');
    const domain = sorted.admin.email.split('@')[1];
    for (const name of ['Zoé Zèbre', 'Élodie Étienne', 'émile Petit', 'Fanny Fort', 'Eric Blanc']) {
      await createPerson(t.database.db, sorted.id, `${name.split(' ')[0]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}@${domain}`, name, ['staff']);
    }
    const c = t.client();
    await c.login(sorted.admin.email, DEMO_PASSWORD);
    const names: string[] = (await c.get('/api/people?pageSize=50')).body.items.map((p: { displayName: string }) => p.displayName);
    const ours = names.filter((n) => ['Zoé Zèbre', 'Élodie Étienne', 'émile Petit', 'Fanny Fort', 'Eric Blanc'].includes(n));
    expect(ours).toEqual(['Élodie Étienne', 'émile Petit', 'Eric Blanc', 'Fanny Fort', 'Zoé Zèbre']);
  });
});

describe('who may manage people', () => {
  it('answers 403 to advisors and members', async () => {
    for (const person of [coop.staff, coop.member]) {
      const c = t.client();
      await c.login(person.email, DEMO_PASSWORD);
      expect((await c.get('/api/people')).status).toBe(403);
      expect((await invite(c, { email: 'x@example.org', firstName: 'X', lastName: 'Y', role: 'staff' })).status).toBe(403);
      expect((await c.put(`/api/people/${coop.member.id}/roles`, { roles: ['member', 'staff'] })).status).toBe(403);
    }
  });
});

describe('bad invitations', () => {
  it.each([
    ['a malformed address', { email: 'not-an-email', firstName: 'A', lastName: 'B', role: 'staff' }, 'email'],
    ['an unknown role', { email: 'role@example.org', firstName: 'A', lastName: 'B', role: 'owner' }, 'role'],
    ['a member without membership type', { email: 'type@example.org', firstName: 'A', lastName: 'B', role: 'member' }, 'membershipType'],
    ['an empty first name', { email: 'name@example.org', firstName: '  ', lastName: 'B', role: 'staff' }, 'firstName'],
  ])('refuses %s with a 400 on the field and writes nothing', async (_, body, field) => {
    const before = await rowCounts();
    const res = await invite(admin, body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it('rolls the whole invitation back when the member file is refused (a type the cooperative does not host)', async () => {
    const single = await createTestCoop(t.database.db, 'single');
    const c = t.client();
    await c.login(single.admin.email, DEMO_PASSWORD);
    expect((await c.patch('/api/coop', { membershipTypes: ['coworker'] })).status).toBe(200);
    const before = await rowCounts();
    const res = await invite(c, { email: 'rollback@example.org', firstName: 'Rémi', lastName: 'Retour', role: 'member', membershipType: 'independent' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('membershipType');
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses with a 409 on email a person who already has a role here, whatever the case of the address', async () => {
    const before = await rowCounts();
    const res = await invite(admin, { email: coop.staff.email.toUpperCase(), firstName: 'Sam', lastName: 'Staff', role: 'member', membershipType: 'coworker' });
    expect(res.status).toBe(409);
    expect(res.body.error.fields[0].path).toBe('email');
    expect(await rowCounts()).toEqual(before);
  });
});

describe('a person of another cooperative', () => {
  it('is invited exactly as a newcomer: the same answer and the same mail, so the cooperative does not learn the account exists', async () => {
    const res = await invite(admin, { email: other.staff.email, firstName: 'Sam', lastName: 'Ailleurs', role: 'staff' });
    const fresh = await invite(admin, { email: 'never-seen@example.org', firstName: 'Nina', lastName: 'Neuve', role: 'staff' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: other.staff.id, mail: 'invitation', memberId: null, invitationExpiresAt: expect.any(String) });
    expect(Object.keys(res.body).sort()).toEqual(Object.keys(fresh.body).sort());
    expect(res.body.mail).toBe(fresh.body.mail);

    const [mail] = (await admin.get(`/api/outbox?to=${encodeURIComponent(other.staff.email)}`)).body.items;
    const [freshMail] = (await admin.get('/api/outbox?to=never-seen%40example.org')).body.items;
    expect(mail.template).toBe(freshMail.template);
    expect(mail.subject).toBe(freshMail.subject);
    expect(mail.textBody).toContain('Bonjour Sam Ailleurs');
    expect(tokenIn(mail.textBody)).toBeTruthy();
    const withoutLinks = (text: string) => text.replace(/Bonjour [^,]+,/, '').replace(/token=[\w-]+/, '').replace(/Il expire le .*$/m, '');
    expect(withoutLinks(mail.textBody)).toBe(withoutLinks(freshMail.textBody));
    const [audit] = (await admin.get(`/api/audit?action=person.invited&entityId=${other.staff.id}`)).body.items;
    expect(JSON.stringify(audit)).not.toContain('accountCreated');
  });

  it('opens nothing here and shows none of the account’s events here until they accept with their own password', async () => {
    const token = tokenIn((await admin.get(`/api/outbox?to=${encodeURIComponent(other.staff.email)}`)).body.items[0].textBody)!;
    const c = t.client();
    const session = await c.login(other.staff.email, DEMO_PASSWORD);
    expect(session.body.coops.map((x: { id: string }) => x.id)).toEqual([other.id]);
    expect((await c.post('/api/auth/switch-coop', { coopId: coop.id })).status).toBe(403);

    // Their password changes, in their own cooperative: the inviting one is not told.
    expect((await c.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'la phrase de passe de Sam' })).status).toBe(204);
    expect((await admin.get(`/api/audit?action=person.password_changed&entityId=${other.staff.id}`)).body.total).toBe(0);
    const otherAdmin = t.client();
    await otherAdmin.login(other.admin.email, DEMO_PASSWORD);
    expect((await otherAdmin.get(`/api/audit?action=person.password_changed&entityId=${other.staff.id}`)).body.total).toBe(1);

    // The link asks for the account's password, never a new one.
    expect((await t.client().get(`/api/auth/invitations/${token}`)).body).toMatchObject({ email: other.staff.email, hasAccount: true, role: 'staff' });
    const guess = await t.client().post('/api/auth/invitations/accept', { token, displayName: 'Intrus', password: 'la phrase de l’intrus' });
    expect(guess.status).toBe(400);
    expect(guess.body.error.fields[0].path).toBe('password');
    expect((await admin.get(`/api/people?q=${encodeURIComponent(other.staff.email)}`)).body.items[0]).toMatchObject({ active: false });

    const accepted = await t.client().post('/api/auth/invitations/accept', { token, password: 'la phrase de passe de Sam' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.coop).toEqual({ id: coop.id, name: coop.name });
    expect(accepted.body.coops.map((x: { id: string }) => x.id).sort()).toEqual([coop.id, other.id].sort());
    expect((await admin.get(`/api/people?q=${encodeURIComponent(other.staff.email)}`)).body.items[0]).toMatchObject({ active: true });
    // The invitation works once.
    expect((await t.client().post('/api/auth/invitations/accept', { token, password: 'la phrase de passe de Sam' })).status).toBe(404);

    // From now on the account's events are this cooperative's business too.
    const again = t.client();
    await again.login(other.staff.email, 'la phrase de passe de Sam');
    expect((await again.post('/api/auth/password', { currentPassword: 'la phrase de passe de Sam', newPassword: 'une autre phrase pour Sam' })).status).toBe(204);
    expect((await admin.get(`/api/audit?action=person.password_changed&entityId=${other.staff.id}`)).body.total).toBe(1);
  });

  it('two cooperatives inviting one new address each send their own link; choosing the password through one opens only that one', async () => {
    const email = 'shared@example.org';
    await invite(admin, { email, firstName: 'Paul', lastName: 'Partagé', role: 'staff' });
    const otherAdmin = t.client();
    await otherAdmin.login(other.admin.email, DEMO_PASSWORD);
    await invite(otherAdmin, { email, firstName: 'Paul', lastName: 'Partagé', role: 'admin' });
    const linkHere = tokenIn((await admin.get(`/api/outbox?to=${email}`)).body.items[0].textBody)!;
    const mailThere = (await otherAdmin.get(`/api/outbox?to=${email}`)).body.items[0];
    expect(mailThere.template).toBe('invitation');
    const linkThere = tokenIn(mailThere.textBody)!;

    const here = await t.client().post('/api/auth/invitations/accept', { token: linkHere, displayName: 'Paul Partagé', password: 'la phrase de passe de Paul' });
    expect(here.status).toBe(200);
    expect(here.body.coops.map((x: { id: string }) => x.id)).toEqual([coop.id]);

    // The other cooperative's link no longer sets a password: it asks for the one chosen.
    expect((await t.client().get(`/api/auth/invitations/${linkThere}`)).body.hasAccount).toBe(true);
    const takeover = await t.client().post('/api/auth/invitations/accept', { token: linkThere, displayName: 'Intrus', password: 'la phrase de l’intrus' });
    expect(takeover.status).toBe(400);
    expect((await t.client().post('/api/auth/login', { email, password: 'la phrase de l’intrus' })).status).toBe(401);
    const there = await t.client().post('/api/auth/invitations/accept', { token: linkThere, password: 'la phrase de passe de Paul' });
    expect(there.status).toBe(200);
    expect(there.body.coops.map((x: { id: string }) => x.id).sort()).toEqual([coop.id, other.id].sort());
  });

  it('writes the mail in English when the inviter works in English', async () => {
    await t.database.db.update(users).set({ locale: 'en' }).where(eq(users.id, other.admin.id));
    const c = t.client();
    await c.login(other.admin.email, DEMO_PASSWORD);
    const res = await invite(c, { email: 'english@example.org', firstName: 'Emma', lastName: 'Green', role: 'staff' });
    expect(res.status).toBe(201);
    const mails = await c.get('/api/outbox?to=english%40example.org');
    expect(mails.body.items[0].subject).toBe(`Invitation to join ${other.name} on Mutualise`);
  });
});

describe('resending an invitation', () => {
  it('sends a new link while the first one still works', async () => {
    const res = await invite(admin, { email: 'resend@example.org', firstName: 'Rose', lastName: 'Relance', role: 'staff' });
    const first = tokenIn((await admin.get('/api/outbox?to=resend%40example.org')).body.items[0].textBody)!;
    const again = await admin.post(`/api/people/invitations/${res.body.userId}/resend`);
    expect(again.status).toBe(200);
    const mails = (await admin.get('/api/outbox?to=resend%40example.org')).body.items;
    expect(mails).toHaveLength(2);
    const second = tokenIn(mails[0].textBody)!;
    expect(second).not.toBe(first);
    expect((await t.client().get(`/api/auth/invitations/${first}`)).status).toBe(200);
    expect((await t.client().get(`/api/auth/invitations/${second}`)).body.role).toBe('staff');
  });

  it('lets no older invitation link set the password again once the person has chosen one', async () => {
    const res = await invite(admin, { email: 'twice@example.org', firstName: 'Tom', lastName: 'Deux', role: 'staff' });
    await admin.post(`/api/people/invitations/${res.body.userId}/resend`);
    const [second, first] = (await admin.get('/api/outbox?to=twice%40example.org')).body.items.map((m: { textBody: string }) => tokenIn(m.textBody)!);
    expect((await t.client().post('/api/auth/invitations/accept', { token: second, displayName: 'Tom Deux', password: 'la phrase de passe de Tom' })).status).toBe(200);

    expect((await t.client().get(`/api/auth/invitations/${first}`)).status).toBe(404);
    const takeover = await t.client().post('/api/auth/invitations/accept', { token: first, displayName: 'Intrus', password: 'la phrase de l’intrus' });
    expect(takeover.status).toBe(404);
    expect((await t.client().post('/api/auth/login', { email: 'twice@example.org', password: 'la phrase de l’intrus' })).status).toBe(401);
    expect((await t.client().login('twice@example.org', 'la phrase de passe de Tom')).status).toBe(200);
  });

  it('refuses to resend to a person who already chose a password', async () => {
    const res = await admin.post(`/api/people/invitations/${coop.staff.id}/resend`);
    expect(res.status).toBe(409);
  });

  it('answers 404 for a person of another cooperative', async () => {
    const res = await admin.post(`/api/people/invitations/${other.accountant.id}/resend`);
    expect(res.status).toBe(404);
  });
});

describe('changing roles', () => {
  it('promotes an advisor to admin and records it in the audit log', async () => {
    const res = await admin.put(`/api/people/${coop.accountant.id}/roles`, { roles: ['staff', 'admin'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userId: coop.accountant.id, roles: ['admin', 'staff'], active: true });
    const audit = await admin.get(`/api/audit?action=person.roles_changed&entityId=${coop.accountant.id}`);
    expect(audit.body.items[0].changes.roles).toEqual({ before: ['staff'], after: ['admin', 'staff'] });
  });

  it('does not let an admin remove their own admin role', async () => {
    const res = await admin.put(`/api/people/${coop.admin.id}/roles`, { roles: ['staff'] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('OWN_ADMIN_ROLE');
  });

  it('explains in French a role given twice', async () => {
    const res = await admin.put(`/api/people/${coop.staff.id}/roles`, { roles: ['staff', 'staff'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'roles', message: 'Un rôle est en double.' }]);
  });

  it('lets an admin demote another admin while one remains', async () => {
    const res = await admin.put(`/api/people/${coop.accountant.id}/roles`, { roles: ['staff'] });
    expect(res.status).toBe(200);
    expect(res.body.roles).toEqual(['staff']);
  });

  it('never leaves the cooperative without an admin', async () => {
    const solo = await createTestCoop(t.database.db, 'solo');
    const c = t.client();
    await c.login(solo.admin.email, DEMO_PASSWORD);
    const res = await c.put(`/api/people/${solo.admin.id}/roles`, { roles: ['staff'] });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('LAST_ADMIN');
    expect(res.body.error.fields[0].path).toBe('roles');
    const roles = await t.database.db.select().from(coopRoles).where(and(eq(coopRoles.coopId, solo.id), eq(coopRoles.userId, solo.admin.id)));
    expect(roles.map((r) => r.role)).toEqual(['admin']);
  });

  it('keeps one admin when two admins demote each other at the same time', async () => {
    const pair = await createTestCoop(t.database.db, 'pair');
    const second = await createPerson(t.database.db, pair.id, `second-admin@${pair.admin.email.split('@')[1]}`, 'Bruno Bis', ['admin']);
    const a = t.client();
    const b = t.client();
    await a.login(pair.admin.email, DEMO_PASSWORD);
    await b.login(second.email, DEMO_PASSWORD);
    const results = await Promise.all([a.put(`/api/people/${second.id}/roles`, { roles: ['staff'] }), b.put(`/api/people/${pair.admin.id}/roles`, { roles: ['staff'] })]);
    // The second one to take the lock finds its author no longer admin.
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
    const admins = await t.database.db.select().from(coopRoles).where(and(eq(coopRoles.coopId, pair.id), eq(coopRoles.role, 'admin')));
    expect(admins).toHaveLength(1);
  });

  it('gives the member role only to a person with a member file', async () => {
    const res = await admin.put(`/api/people/${coop.staff.id}/roles`, { roles: ['staff', 'member'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('roles');
  });

  it('refuses an unknown role with a 400 on roles', async () => {
    const res = await admin.put(`/api/people/${coop.staff.id}/roles`, { roles: ['superuser'] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toMatch(/^roles/);
  });

  it('answers 404 to the admin of another cooperative and changes nothing', async () => {
    const c = t.client();
    await c.login(other.admin.email, DEMO_PASSWORD);
    const res = await c.put(`/api/people/${coop.member.id}/roles`, { roles: ['admin'] });
    expect(res.status).toBe(404);
    const roles = await t.database.db.select().from(coopRoles).where(eq(coopRoles.userId, coop.member.id));
    expect(roles.map((r) => [r.coopId, r.role])).toEqual([[coop.id, 'member']]);
  });

  it('takes away every access when no role is left', async () => {
    const res = await invite(admin, { email: 'leaving@example.org', firstName: 'Léon', lastName: 'Départ', role: 'staff' });
    const removed = await admin.put(`/api/people/${res.body.userId}/roles`, { roles: [] });
    expect(removed.status).toBe(200);
    expect(removed.body.roles).toEqual([]);
    expect((await admin.get('/api/people?q=leaving')).body.total).toBe(0);
  });
});
