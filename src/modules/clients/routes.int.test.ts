import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember, rowCount } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD, sirenFor, siretFor } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { CHECK_VIOLATION, sqlConstraint, sqlState } from '../../platform/db/client.js';
import { frenchVatNumberFromSiren } from '../../platform/identifiers/vat.js';
import { activityIdsOfMember } from '../activities/index.js';
import { countClients, createClient } from './index.js';
import { clientActivities, clientAddresses, clientContacts, clients } from './schema.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let other: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let mia: TestClient;
let bob: TestClient;
let otherAdmin: TestClient;
let miaMemberId: string;
let bobMemberId: string;
let miaActivity: string;
let bobActivity: string;
let seed = 1000;

const nextSiren = () => sirenFor(++seed * 104_729);
const billing = { kind: 'billing', line1: '3 rue de la Paix', postalCode: '75002', city: 'Paris' };

async function loggedIn(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

async function counts() {
  const db = t.database.db;
  return [await rowCount(db, clients), await rowCount(db, clientAddresses), await rowCount(db, clientContacts), await rowCount(db, clientActivities), await rowCount(db, auditLog)];
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coop = await createTestCoop(db, 'clients');
  other = await createTestCoop(db, 'clients-other');
  const bobPerson = await createPerson(db, coop.id, `bob-${Date.now()}@clients.test`, 'Bob Bâtisseur', ['member']);
  miaMemberId = (await insertMember(db, coop.id, { firstName: 'Mia', lastName: 'Member', userId: coop.member.id })).id;
  bobMemberId = (await insertMember(db, coop.id, { firstName: 'Bob', lastName: 'Bâtisseur', userId: bobPerson.id })).id;
  staff = await loggedIn(coop.staff.email);
  mia = await loggedIn(coop.member.email);
  bob = await loggedIn(bobPerson.email);
  otherAdmin = await loggedIn(other.admin.email);
  miaActivity = (await staff.post('/api/activities', { code: 'MIA', name: 'Mia design', holders: [{ memberId: miaMemberId, shareBp: 10_000 }] })).body.id;
  bobActivity = (await staff.post('/api/activities', { code: 'BOB', name: 'Bob menuiserie', holders: [{ memberId: bobMemberId, shareBp: 10_000 }] })).body.id;
});
afterAll(() => t.close());

describe('recording a company', () => {
  it('derives the VAT number from the SIREN and keeps addresses and contacts', async () => {
    const siren = nextSiren();
    const res = await staff.post('/api/clients', {
      kind: 'company',
      name: 'Boulangerie Dupont',
      legalForm: 'SARL',
      siren: `${siren.slice(0, 3)} ${siren.slice(3, 6)} ${siren.slice(6)}`,
      email: 'contact@dupont.test',
      addresses: [billing, { ...billing, kind: 'delivery', line1: 'Entrepôt' }],
      contacts: [{ firstName: 'Jeanne', lastName: 'Dupont', role: 'Gérante', email: 'jeanne@dupont.test' }, { lastName: 'Martin' }],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'company', name: 'Boulangerie Dupont', siren, siret: null, vatNumber: frenchVatNumberFromSiren(siren), archivedAt: null });
    expect(res.body.addresses.map((a: { kind: string; isDefault: boolean }) => [a.kind, a.isDefault])).toEqual([['billing', true], ['delivery', true]]);
    expect(res.body.contacts.map((c: { lastName: string; isPrimary: boolean }) => [c.lastName, c.isPrimary])).toEqual([['Dupont', true], ['Martin', false]]);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, res.body.id), eq(auditLog.action, 'client.created')));
    expect(entry?.actorUserId).toBe(coop.staff.id);
  });

  it('takes the SIREN from the SIRET when only the SIRET is given', async () => {
    const siren = nextSiren();
    const res = await staff.post('/api/clients', { kind: 'company', name: 'Garage Siret', siret: siretFor(siren) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ siren, siret: siretFor(siren), vatNumber: frenchVatNumberFromSiren(siren) });
  });

  it('keeps the VAT number of a foreign company', async () => {
    const res = await staff.post('/api/clients', { kind: 'company', name: 'Berliner GmbH', vatNumber: 'de 136 695 976' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ siren: null, vatNumber: 'DE136695976' });
  });

  it('refuses a second client with the same SIREN in the cooperative: 409 on siren', async () => {
    const siren = nextSiren();
    expect((await staff.post('/api/clients', { kind: 'company', name: 'Premier', siren })).status).toBe(201);
    const before = await counts();
    const res = await staff.post('/api/clients', { kind: 'company', name: 'Doublon', siren });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CLIENT_SIREN_TAKEN');
    expect(res.body.error.fields[0].path).toBe('siren');
    expect(await counts()).toEqual(before);
    expect((await otherAdmin.post('/api/clients', { kind: 'company', name: 'Même SIREN ailleurs', siren })).status).toBe(201);
  });
});

describe('recording a client from another module', () => {
  it('normalizes and checks the identifiers as the API does', async () => {
    const db = t.database.db;
    const actor = { coopId: coop.id, userId: null };
    const siren = nextSiren();
    const { id } = await db.transaction((tx) => createClient(tx, actor, { kind: 'company', name: 'Par un service', siren: `${siren.slice(0, 3)} ${siren.slice(3)}` }));
    const [row] = await db.select().from(clients).where(eq(clients.id, id));
    expect(row).toMatchObject({ siren, vatNumber: frenchVatNumberFromSiren(siren) });
    const bad = db.transaction((tx) => createClient(tx, actor, { kind: 'company', name: 'SIREN faux', siren: '123456789' }));
    await expect(bad).rejects.toMatchObject({ status: 400, fields: [{ path: 'siren' }] });
  });
});

describe('recording an individual', () => {
  it('records a private person without company identifiers', async () => {
    const res = await staff.post('/api/clients', { kind: 'individual', name: 'Étienne Lefèvre', email: 'etienne@perso.test' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'individual', siren: null, siret: null, vatNumber: null });
  });

  it('refuses an individual with a SIREN, and so does the database', async () => {
    const before = await counts();
    const res = await staff.post('/api/clients', { kind: 'individual', name: 'Particulier', siren: nextSiren() });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain('siren');
    expect(await counts()).toEqual(before);
    const err = await t.database.db
      .insert(clients)
      .values({ coopId: coop.id, kind: 'individual', name: 'Direct', siren: nextSiren() })
      .then(() => null, (e: unknown) => e);
    expect(sqlState(err)).toBe(CHECK_VIOLATION);
    expect(sqlConstraint(err)).toBe('clients_company_ids_check');
  });
});

describe('bad input on recording a client', () => {
  const siren = '732829320';
  const cases: [string, Record<string, unknown>, string][] = [
    ['no name', { kind: 'company' }, 'name'],
    ['an unknown kind', { kind: 'association', name: 'X' }, 'kind'],
    ['a SIREN with a wrong key', { kind: 'company', name: 'X', siren: '732829321' }, 'siren'],
    ['a SIRET of another company', { kind: 'company', name: 'X', siren, siret: '55208131700018' }, 'siret'],
    ['a French VAT number of another SIREN', { kind: 'company', name: 'X', siren, vatNumber: 'FR83552081317' }, 'vatNumber'],
    ['a malformed VAT number', { kind: 'company', name: 'X', vatNumber: 'XX123' }, 'vatNumber'],
    ['a malformed e-mail', { kind: 'individual', name: 'X', email: 'pas-un-mail' }, 'email'],
    ['a French postal code of four digits', { kind: 'individual', name: 'X', addresses: [{ ...billing, postalCode: '7500' }] }, 'addresses.0.postalCode'],
    ['an address without city', { kind: 'individual', name: 'X', addresses: [{ ...billing, city: '' }] }, 'addresses.0.city'],
    ['two default billing addresses', { kind: 'individual', name: 'X', addresses: [{ ...billing, isDefault: true }, { ...billing, isDefault: true }] }, 'addresses'],
    ['two primary contacts', { kind: 'individual', name: 'X', contacts: [{ lastName: 'A', isPrimary: true }, { lastName: 'B', isPrimary: true }] }, 'contacts'],
    ['a contact without last name', { kind: 'individual', name: 'X', contacts: [{ firstName: 'A' }] }, 'contacts.0.lastName'],
    ['an activity of no one', { kind: 'individual', name: 'X', activityId: '3f0e4c52-5d0b-4d43-9a55-1b1f0c9a1c11' }, 'activityId'],
  ];

  it.each(cases)('refuses %s with a 400 on the field and writes nothing', async (_, body, field) => {
    const before = await counts();
    const res = await staff.post('/api/clients', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await counts()).toEqual(before);
  });
});

describe('changing a client', () => {
  it('lets the VAT number follow a corrected SIREN', async () => {
    const { body } = await staff.post('/api/clients', { kind: 'company', name: 'Coquille', siren: nextSiren() });
    const siren = nextSiren();
    const res = await staff.patch(`/api/clients/${body.id}`, { siren, name: 'Corrigé' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Corrigé', siren, vatNumber: frenchVatNumberFromSiren(siren) });
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'client.updated')));
    expect(entry?.changes.siren?.after).toBe(siren);
  });

  it('turns a company into an individual only without its identifiers', async () => {
    const { body } = await staff.post('/api/clients', { kind: 'company', name: 'Auto-entrepreneur', siren: nextSiren() });
    const refused = await staff.patch(`/api/clients/${body.id}`, { kind: 'individual' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['siren', 'vatNumber']);
    const ok = await staff.patch(`/api/clients/${body.id}`, { kind: 'individual', siren: null, vatNumber: null });
    expect(ok.body).toMatchObject({ kind: 'individual', siren: null, vatNumber: null });
  });

  it("gives a French company its SIREN as e-invoicing directory address, keeps a suffixed one, and lets it follow a corrected SIREN", async () => {
    const siren = nextSiren();
    const { body } = await staff.post('/api/clients', { kind: 'company', name: 'Annuaire SA', siren });
    expect(body.electronicAddress).toBe(siren);
    const corrected = nextSiren();
    expect((await staff.patch(`/api/clients/${body.id}`, { siren: corrected })).body.electronicAddress).toBe(corrected);
    const suffixed = await staff.patch(`/api/clients/${body.id}`, { electronicAddress: `${corrected}_COMPTA` });
    expect(suffixed.status).toBe(200);
    expect(suffixed.body.electronicAddress).toBe(`${corrected}_COMPTA`);
    expect((await staff.get(`/api/clients/${body.id}`)).body.electronicAddress).toBe(`${corrected}_COMPTA`);
  });

  it('refuses a directory address of another SIREN, in a bad format, or for an individual: 400 on electronicAddress, nothing written', async () => {
    const siren = nextSiren();
    const { body } = await staff.post('/api/clients', { kind: 'company', name: 'Annuaire bis', siren });
    const before = await counts();
    for (const patch of [{ electronicAddress: nextSiren() }, { electronicAddress: `${siren}_compta@example.org` }]) {
      const res = await staff.patch(`/api/clients/${body.id}`, patch);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['electronicAddress']);
    }
    const person = await staff.post('/api/clients', { kind: 'individual', name: 'Jeanne Annuaire', electronicAddress: siren });
    expect(person.status).toBe(400);
    expect(person.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['electronicAddress']);
    expect(await counts()).toEqual(before);
    expect((await staff.get(`/api/clients/${body.id}`)).body.electronicAddress).toBe(siren);
  });

  it('archives a client instead of deleting it, and brings it back', async () => {
    const { body } = await staff.post('/api/clients', { kind: 'individual', name: 'Client archivé' });
    const archived = await staff.post(`/api/clients/${body.id}/archive`);
    expect(archived.body.archivedAt).not.toBeNull();
    expect((await staff.get(`/api/clients/${body.id}`)).status).toBe(200);
    expect((await staff.get('/api/clients?q=archivé')).body.total).toBe(0);
    expect((await staff.get('/api/clients?q=archivé&archived=true')).body.total).toBe(1);
    expect((await staff.post(`/api/clients/${body.id}/restore`)).body.archivedAt).toBeNull();
    expect((await mia.post(`/api/clients/${body.id}/archive`)).status).toBe(403);
  });
});

describe('addresses', () => {
  it('makes the first address of a kind the default and moves the default on request', async () => {
    const { body } = await staff.post('/api/clients', { kind: 'individual', name: 'Adresses multiples' });
    const url = `/api/clients/${body.id}/addresses`;
    const first = await staff.post(url, billing);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ kind: 'billing', country: 'FR', isDefault: true });
    const second = await staff.post(url, { ...billing, line1: '8 avenue Foch', isDefault: true });
    expect(second.body.isDefault).toBe(true);
    const detail = await staff.get(`/api/clients/${body.id}`);
    expect(detail.body.addresses.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
    const patched = await staff.patch(`${url}/${first.body.id}`, { isDefault: true, city: 'Lyon', postalCode: '69001' });
    expect(patched.body).toMatchObject({ isDefault: true, city: 'Lyon' });
    expect((await staff.get(`/api/clients/${body.id}`)).body.addresses.find((a: { id: string }) => a.id === second.body.id).isDefault).toBe(false);
    expect((await staff.delete(`${url}/${second.body.id}`)).status).toBe(204);
    expect((await staff.get(`/api/clients/${body.id}`)).body.addresses).toHaveLength(1);
    const actions = (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id))).map((e) => e.action).sort();
    expect(actions).toEqual(['client.address_added', 'client.address_added', 'client.address_removed', 'client.address_updated', 'client.created']);
  });

  it.each([
    ['a French postal code of letters', { ...billing, postalCode: 'ABCDE' }, 'postalCode'],
    ['no street', { ...billing, line1: undefined }, 'line1'],
    ['an unknown kind', { ...billing, kind: 'home' }, 'kind'],
    ['a country that is not a code', { ...billing, country: 'France' }, 'country'],
  ])('refuses an address with %s and writes nothing', async (_, address, field) => {
    const { body } = await staff.post('/api/clients', { kind: 'individual', name: 'Adresse refusée' });
    const before = await counts();
    const res = await staff.post(`/api/clients/${body.id}/addresses`, address);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for an address of another client', async () => {
    const a = await staff.post('/api/clients', { kind: 'individual', name: 'A', addresses: [billing] });
    const b = await staff.post('/api/clients', { kind: 'individual', name: 'B' });
    const res = await staff.patch(`/api/clients/${b.body.id}/addresses/${a.body.addresses[0].id}`, { city: 'Nantes' });
    expect(res.status).toBe(404);
    expect((await staff.delete(`/api/clients/${b.body.id}/addresses/${a.body.addresses[0].id}`)).status).toBe(404);
  });
});

describe('contacts', () => {
  it('keeps one primary contact', async () => {
    const { body } = await staff.post('/api/clients', { kind: 'company', name: 'Contacts SA' });
    const url = `/api/clients/${body.id}/contacts`;
    const first = await staff.post(url, { firstName: 'Ana', lastName: 'Alves' });
    expect(first.body.isPrimary).toBe(true);
    const second = await staff.post(url, { lastName: 'Bernard', isPrimary: true, email: 'b@contacts.test' });
    expect(second.status).toBe(201);
    const contacts = (await staff.get(`/api/clients/${body.id}`)).body.contacts;
    expect(contacts.map((c: { lastName: string; isPrimary: boolean }) => [c.lastName, c.isPrimary])).toEqual([['Bernard', true], ['Alves', false]]);
    expect((await staff.patch(`${url}/${first.body.id}`, { role: 'Comptable' })).body).toMatchObject({ role: 'Comptable', isPrimary: false });
    expect((await staff.delete(`${url}/${first.body.id}`)).status).toBe(204);
    expect((await staff.delete(`${url}/${first.body.id}`)).status).toBe(404);
  });

  it.each([
    ['no last name', { firstName: 'Ana' }, 'lastName'],
    ['a malformed e-mail', { lastName: 'Alves', email: 'ana@' }, 'email'],
  ])('refuses a contact with %s and writes nothing', async (_, contact, field) => {
    const { body } = await staff.post('/api/clients', { kind: 'company', name: 'Contact refusé' });
    const before = await counts();
    const res = await staff.post(`/api/clients/${body.id}/contacts`, contact);
    expect(res.status).toBe(400);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(await counts()).toEqual(before);
  });
});

describe('what a member sees', () => {
  it('a member creating a client must name one of their activities, and the client is linked to it', async () => {
    const before = await counts();
    const missing = await mia.post('/api/clients', { kind: 'individual', name: 'Sans activité' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe('activityId');
    const notHers = await mia.post('/api/clients', { kind: 'individual', name: 'Activité de Bob', activityId: bobActivity });
    expect(notHers.status).toBe(400);
    expect(notHers.body.error.fields[0].path).toBe('activityId');
    expect(await counts()).toEqual(before);
    const ok = await mia.post('/api/clients', { kind: 'individual', name: 'Cliente de Mia', activityId: miaActivity });
    expect(ok.status).toBe(201);
    expect(ok.body.activities).toEqual([{ id: miaActivity, code: 'MIA', name: 'Mia design', status: 'active' }]);
  });

  it('a member sees only the clients of their activities', async () => {
    const hers = await mia.post('/api/clients', { kind: 'individual', name: 'Visible par Mia', activityId: miaActivity });
    const his = await bob.post('/api/clients', { kind: 'individual', name: 'Visible par Bob', activityId: bobActivity });
    const unlinked = await staff.post('/api/clients', { kind: 'individual', name: 'Sans lien' });
    const list = await mia.get('/api/clients?pageSize=100');
    const ids = list.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(hers.body.id);
    expect(ids).not.toContain(his.body.id);
    expect(ids).not.toContain(unlinked.body.id);
    expect(list.body.total).toBe(ids.length);
    for (const id of [his.body.id, unlinked.body.id]) {
      expect((await mia.get(`/api/clients/${id}`)).status).toBe(404);
      expect((await mia.patch(`/api/clients/${id}`, { name: 'Pris' })).status).toBe(404);
      expect((await mia.post(`/api/clients/${id}/addresses`, billing)).status).toBe(404);
      expect((await mia.post(`/api/clients/${id}/contacts`, { lastName: 'Intrus' })).status).toBe(404);
    }
    expect((await mia.patch(`/api/clients/${hers.body.id}`, { phone: '06 12 34 56 78' })).body.phone).toBe('06 12 34 56 78');
  });

  it('advisors link a client to activities, and the members holding them see it', async () => {
    const { body } = await staff.post('/api/clients', { kind: 'company', name: 'Client partagé' });
    expect((await mia.get(`/api/clients/${body.id}`)).status).toBe(404);
    const linked = await staff.put(`/api/clients/${body.id}/activities`, { activityIds: [miaActivity, bobActivity] });
    expect(linked.status).toBe(200);
    expect(linked.body.activities.map((a: { code: string }) => a.code)).toEqual(['BOB', 'MIA']);
    // Mia sees the client, but not which other member works with it.
    expect((await mia.get(`/api/clients/${body.id}`)).body.activities.map((a: { code: string }) => a.code)).toEqual(['MIA']);
    expect((await mia.put(`/api/clients/${body.id}/activities`, { activityIds: [miaActivity] })).status).toBe(403);
    await staff.put(`/api/clients/${body.id}/activities`, { activityIds: [bobActivity] });
    expect((await mia.get(`/api/clients/${body.id}`)).status).toBe(404);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'client.activities_changed')));
    expect(audit).toHaveLength(2);
  });

  it('refuses to link a client to an unknown or closed activity', async () => {
    const { body } = await staff.post('/api/clients', { kind: 'company', name: 'Lien refusé' });
    const closed = (await staff.post('/api/activities', { name: 'Fermée', holders: [{ memberId: bobMemberId, shareBp: 10_000 }] })).body.id;
    await staff.patch(`/api/activities/${closed}`, { status: 'closed' });
    for (const activityIds of [[closed], ['3f0e4c52-5d0b-4d43-9a55-1b1f0c9a1c11']]) {
      const res = await staff.put(`/api/clients/${body.id}/activities`, { activityIds });
      expect(res.status).toBe(400);
      expect(res.body.error.fields[0].path).toBe('activityIds');
    }
  });

  it('counts the clients of a member for the dashboard', async () => {
    const db = t.database.db;
    const total = (await mia.get('/api/clients')).body.total;
    expect(await countClients(db, coop.id, await activityIdsOfMember(db, coop.id, miaMemberId))).toBe(total);
    expect(await countClients(db, coop.id)).toBe((await staff.get('/api/clients')).body.total);
  });
});

describe('tenant isolation', () => {
  it("a person of another cooperative cannot reach this cooperative's client or its parts", async () => {
    const { body } = await staff.post('/api/clients', {
      kind: 'company',
      name: 'Secret Industries',
      addresses: [billing],
      contacts: [{ lastName: 'Discret' }],
    });
    const id = body.id;
    const addressId = body.addresses[0].id;
    const contactId = body.contacts[0].id;
    const responses = [
      await otherAdmin.get(`/api/clients/${id}`),
      await otherAdmin.patch(`/api/clients/${id}`, { name: 'Volé' }),
      await otherAdmin.post(`/api/clients/${id}/archive`),
      await otherAdmin.put(`/api/clients/${id}/activities`, { activityIds: [] }),
      await otherAdmin.post(`/api/clients/${id}/addresses`, billing),
      await otherAdmin.patch(`/api/clients/${id}/addresses/${addressId}`, { city: 'Ailleurs' }),
      await otherAdmin.delete(`/api/clients/${id}/addresses/${addressId}`),
      await otherAdmin.post(`/api/clients/${id}/contacts`, { lastName: 'Espion' }),
      await otherAdmin.patch(`/api/clients/${id}/contacts/${contactId}`, { lastName: 'Espion' }),
      await otherAdmin.delete(`/api/clients/${id}/contacts/${contactId}`),
    ];
    expect(responses.map((r) => r.status)).toEqual(responses.map(() => 404));
    expect((await otherAdmin.get('/api/clients?q=Secret')).body.total).toBe(0);
    const still = await staff.get(`/api/clients/${id}`);
    expect(still.body).toMatchObject({ name: 'Secret Industries', archivedAt: null, addresses: [{ city: 'Paris' }], contacts: [{ lastName: 'Discret' }] });
  });

  it("refuses to link a client to another cooperative's activity", async () => {
    const foreigner = await insertMember(t.database.db, other.id);
    const theirs = (await otherAdmin.post('/api/activities', { name: 'Ailleurs', holders: [{ memberId: foreigner.id, shareBp: 10_000 }] })).body.id;
    const { body } = await staff.post('/api/clients', { kind: 'individual', name: 'Lien étranger' });
    const res = await staff.put(`/api/clients/${body.id}/activities`, { activityIds: [theirs] });
    expect(res.status).toBe(400);
    expect((await staff.post('/api/clients', { kind: 'individual', name: 'X', activityId: theirs })).status).toBe(400);
  });
});

describe('searching and paging', () => {
  let admin: TestClient;
  let sirenOfBeta: string;

  beforeAll(async () => {
    const searchCoop = await createTestCoop(t.database.db, 'clients-search');
    admin = await loggedIn(searchCoop.admin.email);
    sirenOfBeta = nextSiren();
    await admin.post('/api/clients', { kind: 'individual', name: 'Étienne Dupré', email: 'etienne@exemple.test' });
    await admin.post('/api/clients', { kind: 'company', name: 'Bêta Conseil', siren: sirenOfBeta, email: 'bonjour@beta.test' });
    for (let i = 1; i <= 10; i++) await admin.post('/api/clients', { kind: 'company', name: `Société ${String(i).padStart(2, '0')}` });
  });

  it('pages the clients in alphabetical order, accents aside, with the total', async () => {
    const page1 = await admin.get('/api/clients?pageSize=5');
    expect(page1.body).toMatchObject({ total: 12, page: 1, pageSize: 5 });
    expect(page1.body.items.map((c: { name: string }) => c.name)).toEqual(['Bêta Conseil', 'Étienne Dupré', 'Société 01', 'Société 02', 'Société 03']);
    const page3 = await admin.get('/api/clients?pageSize=5&page=3');
    expect(page3.body.items.map((c: { name: string }) => c.name)).toEqual(['Société 09', 'Société 10']);
    expect(page3.body.total).toBe(12);
  });

  it('finds "Étienne" when searching "Etienne", and "Société" when searching "societe"', async () => {
    expect((await admin.get('/api/clients?q=Etienne')).body.items.map((c: { name: string }) => c.name)).toEqual(['Étienne Dupré']);
    expect((await admin.get('/api/clients?q=etienne dupre')).body.total).toBe(1);
    expect((await admin.get('/api/clients?q=societe&pageSize=3')).body.total).toBe(10);
  });

  it('finds a client by SIREN however it is spaced, and by e-mail', async () => {
    const spaced = `${sirenOfBeta.slice(0, 3)} ${sirenOfBeta.slice(3, 6)} ${sirenOfBeta.slice(6)}`;
    expect((await admin.get(`/api/clients?q=${encodeURIComponent(spaced)}`)).body.items.map((c: { name: string }) => c.name)).toEqual(['Bêta Conseil']);
    expect((await admin.get('/api/clients?q=bonjour@beta')).body.items.map((c: { name: string }) => c.name)).toEqual(['Bêta Conseil']);
  });

  it('filters by kind and treats % as a character, not a wildcard', async () => {
    expect((await admin.get('/api/clients?kind=individual')).body.total).toBe(1);
    expect((await admin.get('/api/clients?kind=company')).body.total).toBe(11);
    expect((await admin.get('/api/clients?q=%25')).body.total).toBe(0);
  });

  it('filters by activity', async () => {
    const res = await staff.get(`/api/clients?activityId=${miaActivity}&pageSize=100`);
    expect(res.body.items.length).toBeGreaterThan(0);
    for (const c of res.body.items) expect(c.activities.map((a: { id: string }) => a.id)).toContain(miaActivity);
  });

  it('refuses a page size above 100', async () => {
    const res = await admin.get('/api/clients?pageSize=1000');
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('query.pageSize');
  });
});

describe('API description', () => {
  it('documents the client and activity routes in OpenAPI', async () => {
    const res = await t.client().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/clients', '/api/clients/{id}/addresses/{addressId}', '/api/activities/{id}/holders']));
  });
});
