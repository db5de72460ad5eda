import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createActivity } from '../activities/index.js';
import { activities } from '../activities/schema.js';
import { createClient } from '../clients/index.js';
import { createMember } from '../members/index.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let other: Awaited<ReturnType<typeof createTestCoop>>;

/**
 * Coop "dash": three candidates (Mia, whose account is `coop.member`, an independent and a
 * coworker), three activities (one closed), three clients (one per activity of Mia and of the
 * independent, one without activity) and one invitation waiting. Another cooperative holds
 * data of its own that must never show.
 */
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coop = await createTestCoop(db, 'dash');
  other = await createTestCoop(db, 'elsewhere');
  const actor = { coopId: coop.id, userId: coop.admin.id };
  await db.transaction(async (tx) => {
    const mia = await createMember(tx, actor, { firstName: 'Mia', lastName: 'Member', email: coop.member.email, membershipType: 'entrepreneur_salarie', userId: coop.member.id });
    const ines = await createMember(tx, actor, { firstName: 'Inès', lastName: 'Indé', email: 'ines@example.org', membershipType: 'independent' });
    await createMember(tx, actor, { firstName: 'Colin', lastName: 'Cowork', email: 'colin@example.org', membershipType: 'coworker' });
    const own = await createActivity(tx, actor, { name: 'Mia Design', holders: [{ memberId: mia.id, shareBp: 10000 }] });
    const shared = await createActivity(tx, actor, { name: 'Atelier commun', holders: [{ memberId: mia.id, shareBp: 5000 }, { memberId: ines.id, shareBp: 5000 }] });
    const inesOwn = await createActivity(tx, actor, { name: 'Inès Conseil', holders: [{ memberId: ines.id, shareBp: 10000 }] });
    await tx.update(activities).set({ status: 'closed' }).where(eq(activities.id, shared.id));
    await createClient(tx, actor, { kind: 'individual', name: 'Client de Mia', activityId: own.id });
    await createClient(tx, actor, { kind: 'individual', name: "Client d'Inès", activityId: inesOwn.id });
    await createClient(tx, actor, { kind: 'individual', name: 'Client sans activité' });
  });
  const otherActor = { coopId: other.id, userId: other.admin.id };
  await db.transaction(async (tx) => {
    const m = await createMember(tx, otherActor, { firstName: 'Otto', lastName: 'Autre', email: 'otto@example.org', membershipType: 'independent' });
    const a = await createActivity(tx, otherActor, { name: 'Otto Studio', holders: [{ memberId: m.id, shareBp: 10000 }] });
    await createClient(tx, otherActor, { kind: 'individual', name: "Client d'Otto", activityId: a.id });
  });
  const admin = t.client();
  await admin.login(coop.admin.email, DEMO_PASSWORD);
  const invited = await admin.post('/api/people/invitations', { email: 'waiting@example.org', firstName: 'Wanda', lastName: 'Attente', role: 'staff' });
  expect(invited.status).toBe(201);
});
afterAll(() => t.close());

async function dashboardOf(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  const res = await c.get('/api/dashboard');
  expect(res.status).toBe(200);
  return res.body;
}

describe('the dashboard of an admin', () => {
  it('shows the figures of the whole cooperative, and only of it', async () => {
    const body = await dashboardOf(coop.admin.email);
    expect(body.coop).toEqual({
      members: {
        total: 3,
        byStatus: { candidate: 3, in_support: 0, employee: 0, associate: 0, active: 0, leaving: 0, left: 0 },
        byType: { entrepreneur_salarie: 1, independent: 1, coworker: 1 },
      },
      activities: { active: 2, total: 3 },
      clients: 3,
      // Nobody signed the charter yet; only the independent owes a fiscal statement.
      pendingDocuments: { missingCharter: 3, missingFiscalStatement: 1 },
      pendingInvitations: 1,
    });
    expect(body.me).toBeUndefined();
  });

  it('lists the ten latest changes, newest first, without their values', async () => {
    const body = await dashboardOf(coop.admin.email);
    expect(body.latestChanges).toHaveLength(10);
    expect(body.latestChanges[0]).toMatchObject({ action: 'person.invited', entityType: 'person', actorName: 'Alice Admin' });
    expect(body.latestChanges[0].changedFields).toContain('email');
    expect(body.latestChanges[0].changes).toBeUndefined();
    const times = body.latestChanges.map((c: { at: string }) => Date.parse(c.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('the dashboard of an advisor', () => {
  it('shows the cooperative figures but not the audit trail', async () => {
    const body = await dashboardOf(coop.staff.email);
    expect(body.coop.members.total).toBe(3);
    expect(body.latestChanges).toBeUndefined();
    expect(body.me).toBeUndefined();
  });
});

describe('the dashboard of a member', () => {
  it('shows only their own file: status, activities, clients and missing documents', async () => {
    const body = await dashboardOf(coop.member.email);
    expect(Object.keys(body)).toEqual(['me']);
    expect(body.me).toMatchObject({
      status: 'candidate',
      membershipType: 'entrepreneur_salarie',
      activities: { active: 1, total: 2 },
      clients: 1,
      missingDocuments: { charter: true, fiscalStatement: false },
    });
  });

  it('says so when the account has no member file yet', async () => {
    const loose = await createPerson(t.database.db, coop.id, 'loose@example.org', 'Lou Libre', ['member']);
    const body = await dashboardOf(loose.email);
    expect(body).toEqual({ me: null });
  });

  it('is closed to anyone not logged in', async () => {
    expect((await t.client().get('/api/dashboard')).status).toBe(401);
  });
});
