import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createPerson, createTestCoop } from '../../../test/support/fixtures.js';
import { activityScopeOf, createActivity, scopeHolds, whereInScope, type Viewer } from './index.js';
import { activities } from './schema.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let other: Awaited<ReturnType<typeof createTestCoop>>;
let mine: string;
let shared: string;
let bobs: string;
let foreign: string;

const asViewer = (person: { id: string }, coopId: string, roles: Viewer['roles']): Viewer => ({ coopId, userId: person.id, roles });

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coop = await createTestCoop(db, 'scope');
  other = await createTestCoop(db, 'scope-other');
  const mia = await insertMember(db, coop.id, { firstName: 'Mia', userId: coop.member.id });
  const bob = await insertMember(db, coop.id, { firstName: 'Bob' });
  const olga = await insertMember(db, other.id, { firstName: 'Olga' });
  const by = { coopId: coop.id, userId: coop.staff.id, ip: '127.0.0.1' };
  await db.transaction(async (tx) => {
    mine = (await createActivity(tx, by, { name: 'Mia seule', holders: [{ memberId: mia.id, shareBp: 10_000 }] })).id;
    shared = (await createActivity(tx, by, { name: 'Partagée', holders: [{ memberId: mia.id, shareBp: 4_000 }, { memberId: bob.id, shareBp: 6_000 }] })).id;
    bobs = (await createActivity(tx, by, { name: 'Bob seul', holders: [{ memberId: bob.id, shareBp: 10_000 }] })).id;
    foreign = (await createActivity(tx, { coopId: other.id, userId: other.staff.id, ip: '127.0.0.1' }, { name: 'Ailleurs', holders: [{ memberId: olga.id, shareBp: 10_000 }] })).id;
  });
});
afterAll(() => t.close());

/** The activity ids a condition lets through, for one cooperative. */
async function idsWhere(coopId: string, scope: Awaited<ReturnType<typeof activityScopeOf>>): Promise<string[] | null> {
  const where = whereInScope(scope, eq(activities.coopId, coopId), activities.id);
  if (!where) return null;
  const rows = await t.database.db.select({ id: activities.id }).from(activities).where(where);
  return rows.map((r) => r.id).sort();
}

describe('who sees which activities', () => {
  it("the coop's team sees every activity of their cooperative, and only of theirs", async () => {
    const db = t.database.db;
    expect(await activityScopeOf(db, asViewer(coop.staff, coop.id, ['staff']))).toBe('all');
    expect(await activityScopeOf(db, asViewer(coop.admin, coop.id, ['admin']))).toBe('all');
    expect(await idsWhere(coop.id, 'all')).toEqual([mine, shared, bobs].sort());
    expect(await idsWhere(coop.id, 'all')).not.toContain(foreign);
  });

  it('a member sees their own activities and the ones they share, never another member’s', async () => {
    const scope = await activityScopeOf(t.database.db, asViewer(coop.member, coop.id, ['member']));
    expect(scope === 'all' ? scope : [...scope].sort()).toEqual([mine, shared].sort());
    expect(scopeHolds(scope, shared)).toBe(true);
    expect(scopeHolds(scope, bobs)).toBe(false);
    expect(await idsWhere(coop.id, scope)).toEqual([mine, shared].sort());
  });

  it('a member of another cooperative sees none of this one’s activities, even naming them', async () => {
    const scope = await activityScopeOf(t.database.db, { coopId: coop.id, userId: other.member.id, roles: ['member'] });
    expect(scope).toEqual([]);
    expect(scopeHolds(scope, mine)).toBe(false);
    expect(await idsWhere(coop.id, scope)).toBeNull();
  });

  it('an account with the member role but no member record sees no activity', async () => {
    const newcomer = await createPerson(t.database.db, coop.id, `newcomer-${Date.now()}@scope.test`, 'Nina Newcomer', ['member']);
    expect(await activityScopeOf(t.database.db, asViewer(newcomer, coop.id, ['member']))).toEqual([]);
  });
});
