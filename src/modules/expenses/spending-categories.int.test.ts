import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { accounts } from '../ledger/schema.js';
import { listSpendingCategories, spendingCategoryOf } from './index.js';
import { spendingCategories } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staffA: TestClient;
let memberA: TestClient;
let staffB: TestClient;

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'cat-a');
  b = await createTestCoop(t.database.db, 'cat-b');
  await setUpLedger(t.database.db, a.id);
  [staffA, memberA, staffB] = await Promise.all([login(a.staff.email), login(a.member.email), login(b.staff.email)]);
}, 180_000);
afterAll(() => t?.close());

describe('spending categories', () => {
  it('a coop starts with the default categories, goods and subcontracting in the contribution base', async () => {
    const res = await memberA.get('/api/expenses/categories');
    expect(res.status).toBe(200);
    const byCode = new Map(res.body.items.map((c: { code: string }) => [c.code, c]));
    expect(byCode.get('goods_for_resale')).toMatchObject({ account: '607', inContributionBase: true, active: true });
    expect(byCode.get('subcontracting')).toMatchObject({ account: '611', inContributionBase: true });
    expect(byCode.get('travel')).toMatchObject({ account: '6251', inContributionBase: false, labelFr: 'Voyages et déplacements', labelEn: 'Travel' });
    // Read twice: seeded once.
    await memberA.get('/api/expenses/categories');
    const rows = await t.database.db.select().from(spendingCategories).where(eq(spendingCategories.coopId, a.id));
    expect(rows.length).toBe(res.body.items.length);
    // The accounts of the defaults are in the chart every coop gets.
    const chart = new Set((await t.database.db.select({ n: accounts.number }).from(accounts).where(eq(accounts.coopId, a.id))).map((r) => r.n));
    for (const c of res.body.items as { account: string }[]) expect(chart.has(c.account)).toBe(true);
    expect(chart.has('4671')).toBe(true);
    expect(chart.has('4672')).toBe(true);
  });

  it('the team adds a category, its account opened in the chart; a member may not', async () => {
    const body = { code: 'coworking', labelFr: 'Coworking', labelEn: 'Coworking', account: '6132', inContributionBase: false };
    expect((await memberA.post('/api/expenses/categories', body)).status).toBe(403);
    const created = await staffA.post('/api/expenses/categories', { ...body, code: 'software', labelFr: 'Logiciels', labelEn: 'Software', account: '6516' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ code: 'software', account: '6516', active: true });
    const [acc] = await t.database.db.select().from(accounts).where(and(eq(accounts.coopId, a.id), eq(accounts.number, '6516')));
    expect(acc?.label).toBe('Logiciels');
    const dup = await staffA.post('/api/expenses/categories', { ...body, code: 'software' });
    expect(dup.status).toBe(409);
    expect(await spendingCategoryOf(t.database.db, a.id, created.body.id)).toMatchObject({ code: 'software' });
    expect(await spendingCategoryOf(t.database.db, b.id, created.body.id)).toBeNull();
  });

  it('refuses an account outside class 6, naming the field, and writes nothing', async () => {
    const before = (await t.database.db.select().from(spendingCategories).where(eq(spendingCategories.coopId, a.id))).length;
    const res = await staffA.post('/api/expenses/categories', { code: 'bad', labelFr: 'X', labelEn: 'X', account: '706' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('account');
    expect((await t.database.db.select().from(spendingCategories).where(eq(spendingCategories.coopId, a.id))).length).toBe(before);
  });

  it('a deactivated category is offered no more, still found by id; another coop cannot change it', async () => {
    const travel = (await listSpendingCategories(t.database.db, a.id)).find((c) => c.code === 'travel')!;
    expect((await staffB.patch(`/api/expenses/categories/${travel.id}`, { active: false })).status).toBe(404);
    const res = await staffA.patch(`/api/expenses/categories/${travel.id}`, { active: false, inContributionBase: true });
    expect(res.status).toBe(200);
    expect((await listSpendingCategories(t.database.db, a.id)).some((c) => c.id === travel.id)).toBe(false);
    expect((await listSpendingCategories(t.database.db, a.id, { includeInactive: true })).some((c) => c.id === travel.id)).toBe(true);
    expect(await spendingCategoryOf(t.database.db, a.id, travel.id)).toMatchObject({ active: false, inContributionBase: true });
    await staffA.patch(`/api/expenses/categories/${travel.id}`, { active: true, inContributionBase: false });
  });
});
