import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { coops } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'alpha');
  b = await createTestCoop(t.database.db, 'beta');
});
afterAll(() => t.close());

describe('cooperative settings', () => {
  it('lets the admin change the settings, derives the VAT number and writes the change to the audit log', async () => {
    const c = t.client();
    await c.login(a.admin.email, DEMO_PASSWORD);
    const res = await c.patch('/api/coop', { siren: '732 829 320', siret: '73282932000074', contributionRateBp: 1150, iban: 'fr76 3000 6000 0112 3456 7890 189' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ siren: '732829320', vatNumber: 'FR44732829320', contributionRateBp: 1150, iban: 'FR7630006000011234567890189' });
    const audit = await c.get(`/api/audit?entityType=coop&entityId=${a.id}`);
    const change = audit.body.items.find((e: { action: string }) => e.action === 'coop.settings_updated');
    expect(change.changes.contributionRateBp).toEqual({ before: 1000, after: 1150 });
    expect(change.actorName).toBe('Alice Admin');
  });

  it('refuses bad identifiers with the field and the reason, and changes nothing', async () => {
    const c = t.client();
    await c.login(b.admin.email, DEMO_PASSWORD);
    const before = (await c.get('/api/coop')).body;
    const res = await c.patch('/api/coop', { siren: '123456789', iban: 'FR7630006000011234567890180', bic: 'NOPE', contributionRateBp: 20000, invoiceNumberFormat: 'F{MM}' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['bic', 'contributionRateBp', 'iban', 'invoiceNumberFormat', 'siren']);
    expect(res.body.error.fields.find((f: { path: string }) => f.path === 'siren').message).toMatch(/SIREN invalide/);
    expect((await c.get('/api/coop')).body).toEqual(before);
  });

  it('keeps the registration (RCS and city of the registry) and the e-invoicing directory address, the SIREN by default', async () => {
    const c = t.client();
    await c.login(a.admin.email, DEMO_PASSWORD);
    const before = (await c.get('/api/coop')).body;
    expect(before).toMatchObject({ registryKind: 'RCS', registryCity: 'Paris', electronicAddress: before.siren });
    const res = await c.patch('/api/coop', { registryKind: 'RCS', registryCity: 'Lyon', electronicAddress: `${before.siren.slice(0, 3)} ${before.siren.slice(3)}_FACTURES` });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ registryKind: 'RCS', registryCity: 'Lyon', electronicAddress: `${before.siren}_FACTURES` });
    // An association is in no register: both go together.
    const none = await c.patch('/api/coop', { registryKind: null, registryCity: null });
    expect(none.body).toMatchObject({ registryKind: null, registryCity: null });
  });

  it('refuses a bad register, city or directory address with the field, and changes nothing', async () => {
    const c = t.client();
    await c.login(b.admin.email, DEMO_PASSWORD);
    const before = (await c.get('/api/coop')).body;
    const bad = await c.patch('/api/coop', { registryKind: 'RCCS', registryCity: '69 Lyon', electronicAddress: 'factures@coop.example' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['electronicAddress', 'registryCity', 'registryKind']);
    const otherSiren = await c.patch('/api/coop', { electronicAddress: '732829320' });
    expect(otherSiren.status).toBe(400);
    expect(otherSiren.body.error.fields).toEqual([{ path: 'electronicAddress', message: `L'adresse de l'annuaire doit commencer par le SIREN (${before.siren}).` }]);
    const half = await c.patch('/api/coop', { registryKind: null });
    expect(half.status).toBe(400);
    expect(half.body.error.fields[0].path).toBe('registryKind');
    expect((await c.get('/api/coop')).body).toEqual(before);
  });

  it('refuses a SIRET that is not an establishment of the SIREN', async () => {
    const c = t.client();
    await c.login(b.admin.email, DEMO_PASSWORD);
    const res = await c.patch('/api/coop', { siret: '73282932000074' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('siret');
  });

  it('explains in French a SIREN already held by another cooperative and a membership type given twice', async () => {
    const c = t.client();
    await c.login(b.admin.email, DEMO_PASSWORD);
    const [ofA] = await t.database.db.select({ siren: coops.siren, siret: coops.siret }).from(coops).where(eq(coops.id, a.id));
    const taken = await c.patch('/api/coop', ofA);
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual([{ path: 'siren', message: 'Ce SIREN est déjà celui d’une autre coopérative.' }]);
    const twice = await c.patch('/api/coop', { membershipTypes: ['coworker', 'coworker'] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields).toEqual([{ path: 'membershipTypes', message: "Un type d'adhésion est en double." }]);
  });

  it('answers in English when the client asks for it', async () => {
    const c = t.client();
    c.language = 'en';
    await c.login(b.admin.email, DEMO_PASSWORD);
    const res = await c.patch('/api/coop', { siren: '123456789' });
    expect(res.body.error.message).toBe('Some values are invalid.');
    expect(res.body.error.fields[0].message).toMatch(/must be a valid SIREN/);
  });

  it('lets staff and members read the settings but not change them', async () => {
    for (const person of [a.staff, a.member]) {
      const c = t.client();
      await c.login(person.email, DEMO_PASSWORD);
      expect((await c.get('/api/coop')).status).toBe(200);
      expect((await c.patch('/api/coop', { name: 'Not allowed' })).status).toBe(403);
    }
  });

  it('shows each cooperative only its own settings and audit log', async () => {
    const c = t.client();
    await c.login(b.admin.email, DEMO_PASSWORD);
    expect((await c.get('/api/coop')).body.id).toBe(b.id);
    const audit = await c.get(`/api/audit?entityId=${a.id}`);
    expect(audit.body.total).toBe(0);
  });
});

describe('a person with roles in two cooperatives', () => {
  it('switches between them and acts in one at a time', async () => {
    const person = await createPerson(t.database.db, a.id, 'both@example.org', 'Bea Both', ['staff']);
    await createPerson(t.database.db, b.id, person.email, person.displayName, ['admin']);
    const c = t.client();
    const login = await c.login(person.email, DEMO_PASSWORD);
    expect(login.body.coops.map((x: { id: string }) => x.id).sort()).toEqual([a.id, b.id].sort());
    const startCoop = login.body.coop.id;
    const other = startCoop === a.id ? b.id : a.id;
    const switched = await c.post('/api/auth/switch-coop', { coopId: other });
    expect(switched.body.coop.id).toBe(other);
    expect((await c.get('/api/coop')).body.id).toBe(other);
    // Admin in B, staff in A: the role follows the cooperative.
    await c.post('/api/auth/switch-coop', { coopId: a.id });
    expect((await c.patch('/api/coop', { name: 'x' })).status).toBe(403);
    await c.post('/api/auth/switch-coop', { coopId: b.id });
    expect((await c.patch('/api/coop', { phone: '01 02 03 04 05' })).status).toBe(200);
  });

  it('cannot switch into a cooperative where they hold no role', async () => {
    const c = t.client();
    await c.login(a.member.email, DEMO_PASSWORD);
    const res = await c.post('/api/auth/switch-coop', { coopId: b.id });
    expect(res.status).toBe(403);
    expect((await c.get('/api/coop')).body.id).toBe(a.id);
  });
});

describe('audit log', () => {
  it('cannot be changed or deleted, even by SQL', async () => {
    await expect(t.database.db.execute(sql`update ${auditLog} set action = 'forged'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from ${auditLog}`)).rejects.toThrow();
    const [{ n }] = await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'forged'));
    expect(n).toBe(0);
  });

  it('is for admins only', async () => {
    const c = t.client();
    await c.login(a.staff.email, DEMO_PASSWORD);
    expect((await c.get('/api/audit')).status).toBe(403);
  });
});
