import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from './seed-demo.js';

let t: TestApp;
let logins: Awaited<ReturnType<typeof seedDemo>>['logins'];

beforeAll(async () => {
  t = await createTestApp();
  ({ logins } = await seedDemo(t.database.db, new Date('2026-11-23T10:00:00Z')));
});
afterAll(() => t.close());

describe('the demo cooperative', () => {
  it('has one admin, two staff and twelve members who can all log in with the demo password', async () => {
    expect(logins.filter((l) => l.role === 'admin').map((l) => l.email)).toEqual([DEMO_ADMIN_EMAIL]);
    expect(logins.filter((l) => l.role === 'staff')).toHaveLength(2);
    expect(logins.filter((l) => l.role === 'member')).toHaveLength(12);
    const c = t.client();
    const session = await c.login('camille.martin@demo.mutualise.coop', DEMO_PASSWORD);
    expect(session.body.coop.name).toBe('Coopérative Démo');
  });

  it('holds members of the three membership types along their lifecycle, with activities and ten clients', async () => {
    const c = t.client();
    await c.login(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
    const coop = (await c.get('/api/coop')).body;
    expect(coop).toMatchObject({ siren: '552081317', vatNumber: 'FR' + coop.vatNumber.slice(2, 4) + '552081317' });
    const dashboard = (await c.get('/api/dashboard')).body;
    const members = (await c.get('/api/members?pageSize=100')).body;
    expect(members.total).toBe(12);
    const types = members.items.map((m: { membershipType: string }) => m.membershipType);
    expect(types.filter((x: string) => x === 'entrepreneur_salarie')).toHaveLength(6);
    expect(types.filter((x: string) => x === 'independent')).toHaveLength(3);
    expect(types.filter((x: string) => x === 'coworker')).toHaveLength(3);
    const statuses = new Set(members.items.map((m: { status: string }) => m.status));
    for (const s of ['candidate', 'in_support', 'employee', 'associate', 'active', 'leaving']) expect(statuses).toContain(s);
    expect(dashboard.coop.members.byType).toMatchObject({ entrepreneur_salarie: 6, independent: 3, coworker: 3 });
    expect((await c.get('/api/activities?pageSize=100')).body.total).toBe(10);
    expect((await c.get('/api/clients?pageSize=100')).body.total).toBe(10);
  });

  it('lets a member see the shared activity they hold', async () => {
    const c = t.client();
    await c.login('hugo.petit@demo.mutualise.coop', DEMO_PASSWORD);
    const mine = (await c.get('/api/activities')).body.items.map((a: { code: string }) => a.code).sort();
    expect(mine).toEqual(['ECO-RENOVATION', 'HUGO-FORMATION']);
  });
});
