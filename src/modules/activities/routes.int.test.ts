import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember, rowCount } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { AppError } from '../../platform/errors.js';
import { CHECK_VIOLATION, sqlConstraint, sqlState } from '../../platform/db/client.js';
import { activityIdsOfMember, assertActivitiesExist, countActivities, createActivity } from './index.js';
import { activities, activityMembers } from './schema.js';
import { asShareViolation } from './share-violation.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let other: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let mia: TestClient;
let otherAdmin: TestClient;
let miaMember: { id: string };
let bob: { id: string };
let chloe: { id: string };
let foreigner: { id: string };

async function loggedIn(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const whole = (memberId: string) => [{ memberId, shareBp: 10_000 }];

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coop = await createTestCoop(db, 'activities');
  other = await createTestCoop(db, 'activities-other');
  miaMember = await insertMember(db, coop.id, { firstName: 'Mia', lastName: 'Member', userId: coop.member.id });
  bob = await insertMember(db, coop.id, { firstName: 'Bob', lastName: 'Bâtisseur' });
  chloe = await insertMember(db, coop.id, { firstName: 'Chloé', lastName: 'Couturière' });
  foreigner = await insertMember(db, other.id, { firstName: 'Olga', lastName: 'Outsider' });
  staff = await loggedIn(coop.staff.email);
  mia = await loggedIn(coop.member.email);
  otherAdmin = await loggedIn(other.admin.email);
});
afterAll(() => t.close());

describe('opening an activity', () => {
  it('makes the code from the name and suffixes it when taken', async () => {
    const first = await staff.post('/api/activities', { name: 'Atelier bois', holders: whole(bob.id) });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ code: 'ATELIER-BOIS', name: 'Atelier bois', status: 'active', holders: [{ memberId: bob.id, name: 'Bob Bâtisseur', shareBp: 10_000 }] });
    const second = await staff.post('/api/activities', { name: 'Atelier  bois !', holders: whole(chloe.id) });
    expect(second.body.code).toBe('ATELIER-BOIS-2');
    const third = await staff.post('/api/activities', { name: 'Atelier bois', holders: whole(chloe.id) });
    expect(third.body.code).toBe('ATELIER-BOIS-3');
  });

  it('uppercases a given code and refuses one already used in the cooperative', async () => {
    const res = await staff.post('/api/activities', { code: 'studio-3d', name: 'Studio 3D', holders: whole(bob.id) });
    expect(res.status).toBe(201);
    expect(res.body.code).toBe('STUDIO-3D');
    const again = await staff.post('/api/activities', { code: 'STUDIO-3D', name: 'Autre studio', holders: whole(bob.id) });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('ACTIVITY_CODE_TAKEN');
    expect(again.body.error.fields[0].path).toBe('code');
  });

  it('lets another cooperative use the same code', async () => {
    const res = await otherAdmin.post('/api/activities', { code: 'STUDIO-3D', name: 'Studio 3D', holders: whole(foreigner.id) });
    expect(res.status).toBe(201);
  });

  it('shares an activity between holders split evenly to the basis point', async () => {
    const res = await staff.post('/api/activities', {
      name: 'Collectif graphisme',
      holders: [
        { memberId: bob.id, shareBp: 3334 },
        { memberId: chloe.id, shareBp: 3333 },
        { memberId: miaMember.id, shareBp: 3333 },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.holders.map((h: { shareBp: number }) => h.shareBp)).toEqual([3334, 3333, 3333]);
  });

  it('records who opened the activity in the audit log', async () => {
    const res = await staff.post('/api/activities', { name: 'Traiteur bio', holders: whole(chloe.id) });
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, res.body.id), eq(auditLog.action, 'activity.created')));
    expect(entry).toMatchObject({ coopId: coop.id, actorUserId: coop.staff.id, entityType: 'activity' });
    expect(entry?.changes.code).toEqual({ before: null, after: 'TRAITEUR-BIO' });
  });

  it('opens an activity from another module inside its own transaction', async () => {
    const db = t.database.db;
    const { id } = await db.transaction((tx) => createActivity(tx, { coopId: coop.id, userId: null }, { name: 'Admission test', holders: whole(chloe.id) }));
    expect(await activityIdsOfMember(db, coop.id, chloe.id)).toContain(id);
  });

  it('holds another module to the same rules as the API', async () => {
    const db = t.database.db;
    const before = await rowCount(db, activities);
    const attempt = db.transaction((tx) => createActivity(tx, { coopId: coop.id, userId: null }, { code: 'pas un code', name: 'Nom valide', holders: whole(chloe.id) }));
    await expect(attempt).rejects.toMatchObject({ status: 400, fields: [{ path: 'code' }] });
    expect(await rowCount(db, activities)).toBe(before);
  });
});

describe('bad input on opening an activity', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['no holder', { name: 'Sans titulaire', holders: [] }, 'holders'],
    ['shares adding up to 99.99 %', { name: 'Parts fausses', holders: [{ memberId: 'B', shareBp: 3333 }, { memberId: 'C', shareBp: 3333 }, { memberId: 'M', shareBp: 3333 }] }, 'holders'],
    ['a single holder with half', { name: 'Moitié', holders: [{ memberId: 'B', shareBp: 5000 }] }, 'holders'],
    ['a zero share', { name: 'Zéro', holders: [{ memberId: 'B', shareBp: 10_000 }, { memberId: 'C', shareBp: 0 }] }, 'holders'],
    ['the same member twice', { name: 'Doublon', holders: [{ memberId: 'B', shareBp: 5000 }, { memberId: 'B', shareBp: 5000 }] }, 'holders'],
    ['a member of another cooperative', { name: 'Étranger', holders: [{ memberId: 'F', shareBp: 10_000 }] }, 'holders'],
    ['a code with spaces', { code: 'MON CODE', name: 'Code faux', holders: [{ memberId: 'B', shareBp: 10_000 }] }, 'code'],
    ['no name', { holders: [{ memberId: 'B', shareBp: 10_000 }] }, 'name'],
    ['a holder that is not an id', { name: 'Id faux', holders: [{ memberId: 'bob', shareBp: 10_000 }] }, 'holders.0.memberId'],
  ];

  it.each(cases)('refuses %s with a 400 on the field and writes nothing', async (_, body, field) => {
    const ids: Record<string, string> = { B: bob.id, C: chloe.id, M: miaMember.id, F: foreigner.id };
    const holders = (body.holders as { memberId: string }[]).map((h) => ({ ...h, memberId: ids[h.memberId] ?? h.memberId }));
    const db = t.database.db;
    const [beforeActivities, beforeHolders, beforeAudit] = [await rowCount(db, activities), await rowCount(db, activityMembers), await rowCount(db, auditLog)];
    const res = await staff.post('/api/activities', { ...body, holders });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect([await rowCount(db, activities), await rowCount(db, activityMembers), await rowCount(db, auditLog)]).toEqual([beforeActivities, beforeHolders, beforeAudit]);
  });

  it('says in French what the shares add up to', async () => {
    const res = await staff.post('/api/activities', { name: 'Parts', holders: [{ memberId: bob.id, shareBp: 6000 }, { memberId: chloe.id, shareBp: 6000 }] });
    expect(res.body.error.fields[0]).toEqual({ path: 'holders', message: 'Les parts totalisent 120 % au lieu de 100 %.' });
  });
});

describe('the database guards the shares', () => {
  it('refuses at commit shares that do not add up to 100 %, whoever writes them', async () => {
    const db = t.database.db;
    const before = await rowCount(db, activities);
    const err = await db
      .transaction(async (tx) => {
        const [a] = await tx.insert(activities).values({ coopId: coop.id, code: 'SQL-DIRECT', name: 'Écrite en SQL' }).returning();
        await tx.insert(activityMembers).values([
          { coopId: coop.id, activityId: a!.id, memberId: bob.id, shareBp: 5000 },
          { coopId: coop.id, activityId: a!.id, memberId: chloe.id, shareBp: 4000 },
        ]);
      })
      .then(() => null, (e: unknown) => e);
    expect(sqlState(err)).toBe(CHECK_VIOLATION);
    expect(sqlConstraint(err)).toBe('activity_members_shares_sum');
    expect(await rowCount(db, activities)).toBe(before);
    const mapped = asShareViolation(err);
    expect(mapped).toBeInstanceOf(AppError);
    expect((mapped as AppError).status).toBe(400);
    expect((mapped as AppError).fields[0]?.path).toBe('holders');
  });

  it('accepts shares rewritten row by row that add up to 100 % at commit', async () => {
    const db = t.database.db;
    await db.transaction(async (tx) => {
      const [a] = await tx.insert(activities).values({ coopId: coop.id, code: 'SQL-OK', name: 'Écrite en SQL' }).returning();
      await tx.insert(activityMembers).values({ coopId: coop.id, activityId: a!.id, memberId: bob.id, shareBp: 5000 });
      await tx.insert(activityMembers).values({ coopId: coop.id, activityId: a!.id, memberId: chloe.id, shareBp: 5000 });
    });
    const [row] = await db.select().from(activities).where(and(eq(activities.coopId, coop.id), eq(activities.code, 'SQL-OK')));
    expect(row).toBeDefined();
  });
});

describe('changing the holders', () => {
  it('replaces holders and shares together, and audits before and after', async () => {
    const created = await staff.post('/api/activities', { name: 'Menuiserie partagée', holders: whole(bob.id) });
    const res = await staff.put(`/api/activities/${created.body.id}/holders`, { holders: [{ memberId: bob.id, shareBp: 6000 }, { memberId: chloe.id, shareBp: 4000 }] });
    expect(res.status).toBe(200);
    expect(res.body.holders).toEqual([
      { memberId: bob.id, name: 'Bob Bâtisseur', shareBp: 6000 },
      { memberId: chloe.id, name: 'Chloé Couturière', shareBp: 4000 },
    ]);
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, created.body.id), eq(auditLog.action, 'activity.holders_changed')));
    expect(entry?.changes.holders?.before).toEqual([{ memberId: bob.id, shareBp: 10_000 }]);
  });

  it('refuses shares that do not add up to 100 % and keeps the old ones', async () => {
    const created = await staff.post('/api/activities', { name: 'Poterie', holders: whole(bob.id) });
    const res = await staff.put(`/api/activities/${created.body.id}/holders`, { holders: [{ memberId: bob.id, shareBp: 6000 }, { memberId: chloe.id, shareBp: 5000 }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('holders');
    expect((await staff.get(`/api/activities/${created.body.id}`)).body.holders).toEqual([{ memberId: bob.id, name: 'Bob Bâtisseur', shareBp: 10_000 }]);
  });

  it('is for advisors: a member cannot change the shares, even of their own activity', async () => {
    const created = await staff.post('/api/activities', { name: 'Mia conseil', holders: whole(miaMember.id) });
    const res = await mia.put(`/api/activities/${created.body.id}/holders`, { holders: whole(miaMember.id) });
    expect(res.status).toBe(403);
  });
});

describe('activity status', () => {
  it('suspends, reactivates and closes an activity, and never reopens it', async () => {
    const { body } = await staff.post('/api/activities', { name: 'Cycle de vie', holders: whole(bob.id) });
    const url = `/api/activities/${body.id}`;
    expect((await staff.patch(url, { status: 'suspended' })).body.status).toBe('suspended');
    expect((await staff.patch(url, { status: 'active' })).body.status).toBe('active');
    expect((await staff.patch(url, { status: 'closed' })).body.status).toBe('closed');
    const reopen = await staff.patch(url, { status: 'active' });
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe('ACTIVITY_STATUS_MOVE_REFUSED');
    const holders = await staff.put(`${url}/holders`, { holders: whole(chloe.id) });
    expect(holders.status).toBe(409);
    expect(holders.body.error.code).toBe('ACTIVITY_CLOSED');
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, body.id), eq(auditLog.action, 'activity.status_changed')));
    expect(audit).toHaveLength(3);
  });

  it('renames an activity without touching its code', async () => {
    const { body } = await staff.post('/api/activities', { name: 'Ancien nom', holders: whole(bob.id) });
    const res = await staff.patch(`/api/activities/${body.id}`, { name: 'Nouveau nom', description: 'Ébénisterie fine' });
    expect(res.body).toMatchObject({ name: 'Nouveau nom', description: 'Ébénisterie fine', code: 'ANCIEN-NOM' });
  });

  it('records nothing when nothing changes', async () => {
    const { body } = await staff.post('/api/activities', { name: 'Inchangée', holders: whole(bob.id) });
    await staff.patch(`/api/activities/${body.id}`, { name: 'Inchangée', status: 'active' });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, body.id));
    expect(audit.map((e) => e.action)).toEqual(['activity.created']);
  });

  it('refuses an unknown status with a 400', async () => {
    const { body } = await staff.post('/api/activities', { name: 'Statut inconnu', holders: whole(bob.id) });
    const res = await staff.patch(`/api/activities/${body.id}`, { status: 'paused' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('status');
  });
});

describe('what a member sees', () => {
  it('lists only the activities the member holds', async () => {
    const own = await staff.post('/api/activities', { name: 'Les créations de Mia', holders: whole(miaMember.id) });
    const res = await mia.get('/api/activities?pageSize=100');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((a: { id: string }) => a.id);
    expect(ids).toContain(own.body.id);
    for (const item of res.body.items) expect(item.holders.map((h: { memberId: string }) => h.memberId)).toContain(miaMember.id);
    expect(res.body.total).toBe(res.body.items.length);
  });

  it("a member reading another member's activity: 404", async () => {
    const bobs = await staff.post('/api/activities', { name: 'Réservé à Bob', holders: whole(bob.id) });
    const res = await mia.get(`/api/activities/${bobs.body.id}`);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('ACTIVITY_NOT_FOUND');
  });

  it('reads a shared activity with every holder and share', async () => {
    const shared = await staff.post('/api/activities', { name: 'Projet commun', holders: [{ memberId: miaMember.id, shareBp: 2500 }, { memberId: bob.id, shareBp: 7500 }] });
    const res = await mia.get(`/api/activities/${shared.body.id}`);
    expect(res.status).toBe(200);
    expect(res.body.holders).toEqual([
      { memberId: bob.id, name: 'Bob Bâtisseur', shareBp: 7500 },
      { memberId: miaMember.id, name: 'Mia Member', shareBp: 2500 },
    ]);
  });

  it('a member cannot open or change an activity', async () => {
    expect((await mia.post('/api/activities', { name: 'Par Mia', holders: whole(miaMember.id) })).status).toBe(403);
    const own = await staff.post('/api/activities', { name: 'Mia renomme', holders: whole(miaMember.id) });
    expect((await mia.patch(`/api/activities/${own.body.id}`, { name: 'Autre' })).status).toBe(403);
  });

  it('a member account without a member record sees no activity', async () => {
    const person = await createPerson(t.database.db, coop.id, `nomember-${Date.now()}@activities.test`, 'Sans Fiche', ['member']);
    const c = await loggedIn(person.email);
    const res = await c.get('/api/activities');
    expect(res.body).toEqual({ items: [], total: 0, page: 1, pageSize: 25 });
  });
});

describe('tenant isolation', () => {
  it("a person of another cooperative cannot read, list or change this cooperative's activity", async () => {
    const { body } = await staff.post('/api/activities', { name: 'Confidentiel', holders: whole(bob.id) });
    expect((await otherAdmin.get(`/api/activities/${body.id}`)).status).toBe(404);
    expect((await otherAdmin.patch(`/api/activities/${body.id}`, { name: 'Piraté' })).status).toBe(404);
    expect((await otherAdmin.put(`/api/activities/${body.id}/holders`, { holders: whole(foreigner.id) })).status).toBe(404);
    const list = await otherAdmin.get('/api/activities?pageSize=100');
    expect(list.body.items.map((a: { id: string }) => a.id)).not.toContain(body.id);
    expect((await staff.get(`/api/activities/${body.id}`)).body.name).toBe('Confidentiel');
  });

  it("refuses to make a member of this cooperative hold another cooperative's activity", async () => {
    const { body } = await otherAdmin.post('/api/activities', { name: 'Chez les autres', holders: whole(foreigner.id) });
    const res = await staff.put(`/api/activities/${body.id}/holders`, { holders: whole(bob.id) });
    expect(res.status).toBe(404);
  });
});

describe('listing activities', () => {
  let listCoop: Awaited<ReturnType<typeof createTestCoop>>;
  let admin: TestClient;
  let x: { id: string };
  let y: { id: string };

  beforeAll(async () => {
    listCoop = await createTestCoop(t.database.db, 'activities-list');
    admin = await loggedIn(listCoop.admin.email);
    x = await insertMember(t.database.db, listCoop.id, { firstName: 'Xavier', lastName: 'X' });
    y = await insertMember(t.database.db, listCoop.id, { firstName: 'Yasmine', lastName: 'Y' });
    for (let i = 1; i <= 7; i++) await admin.post('/api/activities', { code: `ACT-${i}`, name: `Activité ${i}`, holders: whole(i % 2 ? x.id : y.id) });
    await admin.post('/api/activities', { code: 'ECOLE', name: 'École de musique', holders: whole(y.id) });
  });

  it('pages with the total', async () => {
    const first = await admin.get('/api/activities?pageSize=3');
    expect(first.body).toMatchObject({ total: 8, page: 1, pageSize: 3 });
    expect(first.body.items.map((a: { code: string }) => a.code)).toEqual(['ACT-1', 'ACT-2', 'ACT-3']);
    const last = await admin.get('/api/activities?pageSize=3&page=3');
    expect(last.body.items.map((a: { code: string }) => a.code)).toEqual(['ACT-7', 'ECOLE']);
  });

  it('filters by holder, by status and by name whatever the accents', async () => {
    expect((await admin.get(`/api/activities?memberId=${x.id}`)).body.total).toBe(4);
    const act1 = (await admin.get('/api/activities?q=act-1')).body.items[0];
    await admin.patch(`/api/activities/${act1.id}`, { status: 'suspended' });
    const suspended = await admin.get('/api/activities?status=suspended');
    expect(suspended.body.items.map((a: { code: string }) => a.code)).toEqual(['ACT-1']);
    expect((await admin.get('/api/activities?q=ecole')).body.items.map((a: { name: string }) => a.name)).toEqual(['École de musique']);
    expect((await admin.get('/api/activities?q=MUSIQUE')).body.total).toBe(1);
  });

  it('counts activities for the dashboard, per cooperative and per member', async () => {
    const db = t.database.db;
    expect(await countActivities(db, listCoop.id)).toEqual({ active: 7, total: 8 });
    expect(await countActivities(db, listCoop.id, await activityIdsOfMember(db, listCoop.id, y.id))).toEqual({ active: 4, total: 4 });
  });

  it('checks that activities belong to the cooperative', async () => {
    const db = t.database.db;
    const ids = await activityIdsOfMember(db, listCoop.id, x.id);
    await expect(assertActivitiesExist(db, listCoop.id, ids)).resolves.toBeUndefined();
    await expect(assertActivitiesExist(db, coop.id, ids, 'activityId')).rejects.toMatchObject({ status: 400, fields: [{ path: 'activityId' }] });
  });
});
