import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { createActivity } from '../activities/index.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import type { ChargeableBooking } from '../resources/index.js';
import { billResourceMonth, chargeBooking, releaseBooking } from './index.js';
import { allowanceGrants, allowanceUses, resourceBillingItems } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let mia: TestClient;
let miaId: string;
let activityId: string;
let nomadId: string;
let subscriptionId: string;
const MONTH = '2026-11';

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}
const db = () => t.database.db;
const deskDay = (day: string, bookingId = randomUUID()) => ({
  coopId: a.id,
  bookingId,
  resourceId: randomUUID(),
  resourceKind: 'hot_desk',
  memberId: miaId,
  activityId,
  startsAt: new Date(`${day}T08:00:00Z`),
  endsAt: new Date(`${day}T17:00:00Z`),
  priceCents: 2500,
  source: 'booking' as const,
});

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(db(), 'plans-a');
  await setUpLedger(db(), a.id);
  miaId = (await addMember(db(), a, { firstName: 'Mia', lastName: 'Nomade', email: a.member.email, userId: a.member.id, membershipType: 'coworker' })).id;
  activityId = (await db().transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Studio Mia', holders: [{ memberId: miaId, shareBp: 10_000 }] }))).id;
  [staff, mia] = await Promise.all([login(a.staff.email), login(a.member.email)]);
});
afterAll(() => t.close());

describe('plans and subscriptions', () => {
  it('staff create a plan; a bad body is refused naming the field, nothing written', async () => {
    const bad = await staff.post('/api/plans', { name: 'X', type: 'nomad', monthlyPriceCents: -1 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('monthlyPriceCents');
    const res = await staff.post('/api/plans', { name: 'Nomade 3 jours', type: 'nomad', monthlyPriceCents: 9_000, includedDayPasses: 3 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'Nomade 3 jours', includedDayPasses: 3, passKinds: ['hot_desk'], rollover: false, noticeDays: 30, active: true });
    nomadId = res.body.id;
    expect((await staff.post('/api/plans', { name: 'Nomade 3 jours', type: 'nomad', monthlyPriceCents: 1 })).status).toBe(409);
    expect((await mia.post('/api/plans', { name: 'Mine', type: 'nomad', monthlyPriceCents: 1 })).status).toBe(403);
  });

  it("subscribes a member, billed to one of the member's own activities; a second running one is refused", async () => {
    const otherMember = (await addMember(db(), a, { firstName: 'Paul', lastName: 'Autre' })).id;
    const otherActivity = (await db().transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Atelier Paul', holders: [{ memberId: otherMember, shareBp: 10_000 }] }))).id;
    expect((await staff.post('/api/plans/subscriptions', { memberId: miaId, activityId: otherActivity, planId: nomadId, startsOn: `${MONTH}-01` })).status).toBe(422);
    const res = await staff.post('/api/plans/subscriptions', { memberId: miaId, activityId, planId: nomadId, startsOn: `${MONTH}-01` });
    expect(res.status).toBe(201);
    subscriptionId = res.body.id;
    expect(res.body).toMatchObject({ memberName: 'Mia Nomade', planName: 'Nomade 3 jours', endsOn: null });
    expect((await staff.post('/api/plans/subscriptions', { memberId: miaId, activityId, planId: nomadId, startsOn: `${MONTH}-15` })).status).toBe(409);
  });
});

describe('passes under concurrency', () => {
  it('10 charges at once against 3 passes: exactly 3 covered, 7 pay per use, never below zero', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => db().transaction((tx) => chargeBooking(tx, deskDay(`${MONTH}-${String(10 + i).padStart(2, '0')}`)))));
    expect(results.filter((r) => r.paidBy === 'allowance')).toHaveLength(3);
    expect(results.filter((r) => r.paidBy === 'pay_per_use' && r.billableCents === 2500)).toHaveLength(7);
    const grants = await db().select().from(allowanceGrants).where(and(eq(allowanceGrants.coopId, a.id), eq(allowanceGrants.subscriptionId, subscriptionId), eq(allowanceGrants.month, MONTH)));
    expect(grants.map((g) => [g.kind, g.quantity, g.used])).toEqual([['pass_day', 3, 3]]);
    expect(await db().select().from(allowanceUses).where(eq(allowanceUses.coopId, a.id))).toHaveLength(3);
  });

  it('the database refuses a grant used beyond what it granted, whatever the code does', async () => {
    const [g] = await db().select().from(allowanceGrants).where(eq(allowanceGrants.coopId, a.id));
    const err = await db()
      .update(allowanceGrants)
      .set({ used: g!.quantity + 1 })
      .where(and(eq(allowanceGrants.coopId, a.id), eq(allowanceGrants.id, g!.id)))
      .catch((e: { code?: string; cause?: { code?: string } }) => e);
    expect((err as { code?: string; cause?: { code?: string } }).code ?? (err as { cause?: { code?: string } }).cause?.code).toBe('23514');
  });

  it('a cancelled booking gives its pass back; the member sees it in their balance with its history', async () => {
    const [use] = await db().select().from(allowanceUses).where(eq(allowanceUses.coopId, a.id)).limit(1);
    await db().transaction((tx) => releaseBooking(tx, { coopId: a.id, bookingId: use!.bookingId }));
    const again = await db().transaction((tx) => chargeBooking(tx, deskDay(`${MONTH}-25`)));
    expect(again.paidBy).toBe('allowance');
    const res = await mia.get('/api/plans/me/balance');
    expect(res.status).toBe(200);
    expect(res.body.uses).toHaveLength(4);
    expect(res.body.uses.filter((u: { releasedAt: string | null }) => u.releasedAt !== null)).toHaveLength(1);
    expect(res.body.uses.every((u: { kind: string }) => u.kind === 'pass_day')).toBe(true);
  });
});

describe('monthly billing', () => {
  it('bills the plan fee and pay-per-use bookings to the activity once, however many runs', async () => {
    const booking: ChargeableBooking = { bookingId: randomUUID(), kind: 'booking', memberId: miaId, activityId, clientId: null, resourceName: 'Salle Loire', startsAt: new Date(`${MONTH}-12T09:00:00Z`), endsAt: new Date(`${MONTH}-12T11:00:00Z`), amountCents: 4_000, vatRateBp: 2000 };
    const client: ChargeableBooking = { ...booking, bookingId: randomUUID(), memberId: null, activityId: null, clientId: randomUUID() };
    const source = async () => [booking, client];
    const actor = { coopId: a.id, userId: a.staff.id };
    const [first, second] = await Promise.all([billResourceMonth(db(), t.app.deps.storage, actor, MONTH, '2026-12-01', source), billResourceMonth(db(), t.app.deps.storage, actor, MONTH, '2026-12-01', source)]);
    expect(first.billed + second.billed).toBe(2);
    expect(first.alreadyBilled + second.alreadyBilled).toBe(2);
    expect(first.skipped).toBe(1);
    // The route reads the real bookings of the month (none here): the fee is found billed.
    const third = await staff.post('/api/plans/billing/run', { month: MONTH });
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ billed: 0, alreadyBilled: 1 });
    const items = await db().select().from(resourceBillingItems).where(eq(resourceBillingItems.coopId, a.id));
    expect(items.map((i) => [i.sourceKind, i.netCents]).sort()).toEqual([
      ['booking', 4_000],
      ['plan_fee', 9_000],
    ]);
    const audits = await db().select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'resource.billed')));
    expect(audits).toHaveLength(2);
  });

  it('each item is one balanced entry: D 613 on the activity, C 708 on the coop', async () => {
    const [fee] = await db().select().from(resourceBillingItems).where(and(eq(resourceBillingItems.coopId, a.id), eq(resourceBillingItems.sourceKind, 'plan_fee')));
    const lines = await db()
      .select({ account: journalEntryLines.accountNumber, debit: journalEntryLines.debitCents, credit: journalEntryLines.creditCents, activityId: journalEntryLines.activityId })
      .from(journalEntryLines)
      .innerJoin(journalEntries, and(eq(journalEntries.coopId, journalEntryLines.coopId), eq(journalEntries.id, journalEntryLines.entryId)))
      .where(and(eq(journalEntries.coopId, a.id), eq(journalEntries.sourceType, 'resource_billing'), eq(journalEntries.sourceId, fee!.id)))
      .orderBy(journalEntryLines.lineNo);
    expect(lines.map((l) => [l.account, Number(l.debit), Number(l.credit), l.activityId])).toEqual([
      ['613', 9_000, 0, activityId],
      ['708', 0, 9_000, null],
    ]);
    const list = await staff.get(`/api/plans/billing/items?month=${MONTH}`);
    expect(list.body.totalNetCents).toBe(13_000);
    expect((await mia.get(`/api/plans/billing/items?month=${MONTH}`)).status).toBe(403);
  });

  it('a paused month costs nothing; ending runs the notice to the end of its month', async () => {
    const paused = await staff.post(`/api/plans/subscriptions/${subscriptionId}/pause`, { fromMonth: '2027-02' });
    expect(paused.status).toBe(200);
    expect(paused.body.pausedFrom).toBe('2027-02');
    expect((await staff.post(`/api/plans/subscriptions/${subscriptionId}/pause`, { fromMonth: '2027-03' })).status).toBe(409);
    expect((await staff.post(`/api/plans/subscriptions/${subscriptionId}/resume`, { fromMonth: '2027-04' })).status).toBe(200);
    const ended = await staff.post(`/api/plans/subscriptions/${subscriptionId}/end`, { requestedOn: '2026-12-20' });
    expect(ended.status).toBe(200);
    expect(ended.body.endsOn).toBe('2027-01-31');
    expect((await staff.post(`/api/plans/subscriptions/${subscriptionId}/end`, {})).status).toBe(409);
  });
});
