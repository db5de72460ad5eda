import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { addDays } from '../../platform/calendar/index.js';
import { createActivity } from '../activities/index.js';
import { dayInParis, parisMidnight } from './coop-time.js';

// The wiring of the composition root: a booking made through the resources routes is paid by
// the plans' BookingCharges port, and its cancellation gives the pass back.
let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let mia: TestClient;
let deskId: string;

const today = dayInParis(new Date());
/** A Wednesday 8 to 14 days ahead (within the booking horizon, never on a daylight-saving day). */
const wednesday = (() => {
  let d = addDays(today, 8);
  while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 3) d = addDays(d, 1);
  return d;
})();
const at = (day: string, hour: number) => new Date(parisMidnight(day).getTime() + hour * 3_600_000).toISOString();

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'plans-book');
  const db = t.database.db;
  const miaId = (await addMember(db, a, { firstName: 'Mia', lastName: 'Nomade', email: a.member.email, userId: a.member.id, membershipType: 'coworker' })).id;
  const activityId = (await db.transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Studio Mia', holders: [{ memberId: miaId, shareBp: 10_000 }] }))).id;
  [staff, mia] = await Promise.all([login(a.staff.email), login(a.member.email)]);
  const site = await staff.post('/api/resources/sites', { name: 'Locaux', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '19:00' })) });
  expect(site.status).toBe(201);
  const desk = await staff.post('/api/resources', { siteId: site.body.id, kind: 'hot_desk', name: 'Poste 1', prices: [{ unit: 'day', memberPriceCents: 2000, nonMemberPriceCents: 3000, vatRateBp: 2000 }] });
  expect(desk.status).toBe(201);
  deskId = desk.body.id;
  const plan = await staff.post('/api/plans', { name: 'Nomade 10 jours', type: 'nomad', monthlyPriceCents: 15_000, includedDayPasses: 10 });
  const sub = await staff.post('/api/plans/subscriptions', { memberId: miaId, activityId, planId: plan.body.id, startsOn: `${today.slice(0, 7)}-01` });
  expect(sub.status).toBe(201);
});
afterAll(() => t.close());

const dayPassesLeft = async () => {
  const balance = await mia.get('/api/plans/me/balance');
  return balance.body.grants.filter((g: { kind: string; month: string }) => g.kind === 'pass_day' && g.month === wednesday.slice(0, 7)).map((g: { left: number }) => g.left)[0];
};

describe('a nomad member books a desk', () => {
  it('pays the day with a pass, and sees it consumed; a cancellation gives it back', async () => {
    const booked = await mia.post('/api/resources/bookings', { resourceId: deskId, startsAt: at(wednesday, 9), endsAt: at(wednesday, 18) });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ paidBy: 'allowance', billableCents: 0 });
    expect(await dayPassesLeft()).toBe(9);
    const uses = (await mia.get('/api/plans/me/balance')).body.uses;
    expect(uses).toMatchObject([{ bookingId: booked.body.id, kind: 'pass_day', quantity: 1, releasedAt: null }]);
    const cancelled = await mia.post(`/api/resources/bookings/${booked.body.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(await dayPassesLeft()).toBe(10);
  });
});
