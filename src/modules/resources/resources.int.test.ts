import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { createActivity } from '../activities/index.js';
import { createClient, type NewClient } from '../clients/index.js';
import { addDays, fromLocal, toLocal, weekdayOf } from './domain/zoned-time.js';
import { resourceBookings } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let admin: TestClient;
let staff: TestClient;
let mia: TestClient;
let leo: TestClient;
let miaId: string;
let miaActivity: string;
let leoActivity: string;
let siteId: string;
let roomId: string;
let deskId: string;

const TZ = 'Europe/Paris';
/** A Wednesday 8 to 14 days ahead, as a Paris date. */
const wednesday = (() => {
  let d = addDays(toLocal(new Date(), TZ).date, 8);
  while (weekdayOf(d) !== 3) d = addDays(d, 1);
  return d;
})();
const at = (date: string, time: string) => fromLocal(date, time, TZ).toISOString();

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'res');
  const db = t.database.db;
  miaId = (await addMember(db, a, { firstName: 'Mia', lastName: 'Member', email: a.member.email, userId: a.member.id, membershipType: 'coworker' })).id;
  const leoUser = await createPerson(db, a.id, 'leo@res.test', 'Léo Dupont', ['member']);
  const leoId = (await addMember(db, a, { firstName: 'Léo', lastName: 'Dupont', email: 'leo@res.test', userId: leoUser.id, membershipType: 'coworker' })).id;
  miaActivity = (await db.transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Studio Mia', holders: [{ memberId: miaId, shareBp: 10_000 }] }))).id;
  leoActivity = (await db.transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Atelier Léo', holders: [{ memberId: leoId, shareBp: 10_000 }] }))).id;
  [admin, staff, mia, leo] = await Promise.all([login(a.admin.email), login(a.staff.email), login(a.member.email), login('leo@res.test')]);

  const site = await staff.post('/api/resources/sites', { name: 'Locaux — Lyon', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '19:00' })) });
  expect(site.status).toBe(201);
  siteId = site.body.id;
  const room = await staff.post('/api/resources', {
    siteId,
    kind: 'meeting_room',
    name: 'Salle Confluence',
    capacity: 10,
    prices: [
      { unit: 'hour', memberPriceCents: 1500, nonMemberPriceCents: 2500, vatRateBp: 2000 },
      { unit: 'day', memberPriceCents: 9000, nonMemberPriceCents: 15000, vatRateBp: 2000 },
    ],
  });
  expect(room.status).toBe(201);
  roomId = room.body.id;
  deskId = (await staff.post('/api/resources', { siteId, kind: 'hot_desk', name: 'Poste 1', prices: [{ unit: 'day', memberPriceCents: 2000, nonMemberPriceCents: 3000, vatRateBp: 2000 }] })).body.id;
  const rules = await staff.put('/api/resources/kinds/meeting_room/rules', {
    rules: [{ horizonDays: 60, openingHoursOnly: true, cancellationDeadlineMinutes: 1440, cancellationFeeBp: 5000 }],
  });
  expect(rules.status).toBe(200);
});
afterAll(() => t.close());

describe('booking a slot', () => {
  it('20 concurrent requests for one slot give one booking and 19 clear conflicts', async () => {
    const body = { resourceId: roomId, startsAt: at(wednesday, '09:00'), endsAt: at(wednesday, '11:00'), activityId: miaActivity };
    const results = await Promise.all(Array.from({ length: 20 }, () => mia.post('/api/resources/bookings', body)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    const conflict = results.find((r) => r.status === 409)!;
    expect(conflict.body.error.code).toBe('SLOT_TAKEN');
    expect(conflict.raw).toContain('Salle Confluence');
    expect(conflict.raw).toContain(`${wednesday} 09:00`);
    const rows = await t.database.db.select().from(resourceBookings).where(and(eq(resourceBookings.coopId, a.id), eq(resourceBookings.resourceId, roomId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ priceCents: 3000, paidBy: 'pay_per_use', billableCents: 3000, memberId: miaId, activityId: miaActivity });
  });

  it('refuses a slot outside opening hours with the reason, writing nothing', async () => {
    const res = await mia.post('/api/resources/bookings', { resourceId: roomId, startsAt: at(wednesday, '19:00'), endsAt: at(wednesday, '20:00') });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('OUTSIDE_OPENING_HOURS');
    expect(JSON.stringify(res.body)).toContain('startsAt');
    expect(res.raw).toContain("horaires d'ouverture");
  });

  it('refuses a slot beyond the booking horizon with the reason', async () => {
    const far = addDays(wednesday, 70);
    const res = await mia.post('/api/resources/bookings', { resourceId: roomId, startsAt: at(far, '09:00'), endsAt: at(far, '10:00') });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('BEYOND_HORIZON');
    expect(res.raw).toContain('60 jours');
  });

  it('refuses a slot over an unavailability, naming the reason', async () => {
    expect((await staff.post(`/api/resources/${deskId}/unavailabilities`, { startsAt: at(wednesday, '00:00'), endsAt: at(addDays(wednesday, 1), '00:00'), reason: 'Peinture' })).status).toBe(201);
    const res = await mia.post('/api/resources/bookings', { resourceId: deskId, startsAt: at(wednesday, '09:00'), endsAt: at(wednesday, '18:00') });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('RESOURCE_UNAVAILABLE');
    expect(res.raw).toContain('Peinture');
  });

  it("a member cannot book on another member's activity", async () => {
    const res = await mia.post('/api/resources/bookings', { resourceId: roomId, startsAt: at(wednesday, '14:00'), endsAt: at(wednesday, '15:00'), activityId: leoActivity });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('ACTIVITY_NOT_YOURS');
    const forOther = await mia.post('/api/resources/bookings', { resourceId: roomId, startsAt: at(wednesday, '14:00'), endsAt: at(wednesday, '15:00'), memberId: a.id });
    expect(forOther.status).toBe(403);
  });

  it('the team books for a client who is not a member at the non-member price', async () => {
    const client = await t.database.db.transaction((tx) => createClient(tx, { coopId: a.id, userId: a.admin.id }, { kind: 'company', name: 'Agence Rhône' } as NewClient));
    const res = await staff.post('/api/resources/bookings', { resourceId: roomId, startsAt: at(wednesday, '15:00'), endsAt: at(wednesday, '16:00'), clientId: client.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ priceCents: 2500, clientId: client.id, memberId: null, bookerName: 'Agence Rhône' });
    // A member may not book for a client.
    expect((await mia.post('/api/resources/bookings', { resourceId: roomId, startsAt: at(wednesday, '16:00'), endsAt: at(wednesday, '17:00'), clientId: client.id })).status).toBe(403);
  });
});

describe('who sees who booked', () => {
  it('where the coop hides names, a member reads "booked" and the name does not leave the server', async () => {
    const shown = await leo.get(`/api/resources/availability?from=${encodeURIComponent(at(wednesday, '00:00'))}&to=${encodeURIComponent(at(addDays(wednesday, 1), '00:00'))}&resourceId=${roomId}`);
    expect(shown.status).toBe(200);
    expect(shown.raw).toContain('Mia Member');
    expect((await admin.patch('/api/resources/settings', { hideBookerNames: true })).status).toBe(200);
    const hidden = await leo.get(`/api/resources/availability?from=${encodeURIComponent(at(wednesday, '00:00'))}&to=${encodeURIComponent(at(addDays(wednesday, 1), '00:00'))}&resourceId=${roomId}`);
    expect(hidden.status).toBe(200);
    expect(hidden.raw).not.toContain('Mia');
    expect(hidden.raw).not.toContain(miaId);
    const busy = hidden.body.resources[0].busy.find((b: { type: string; mine: boolean }) => b.type === 'booking');
    expect(busy).toMatchObject({ label: null, bookingId: null, mine: false });
    // Mia still reads her own booking with her name; the team reads everyone's.
    const own = await mia.get(`/api/resources/availability?from=${encodeURIComponent(at(wednesday, '00:00'))}&to=${encodeURIComponent(at(addDays(wednesday, 1), '00:00'))}&resourceId=${roomId}`);
    expect(own.body.resources[0].busy[0]).toMatchObject({ mine: true, label: 'Mia Member' });
    const team = await staff.get(`/api/resources/availability?from=${encodeURIComponent(at(wednesday, '00:00'))}&to=${encodeURIComponent(at(addDays(wednesday, 1), '00:00'))}&resourceId=${roomId}`);
    expect(team.raw).toContain('Mia Member');
    expect((await admin.patch('/api/resources/settings', { hideBookerNames: false })).status).toBe(200);
  });
});

describe('cancelling', () => {
  it('costs the fee inside the deadline, audited, and frees the slot', async () => {
    // A desk's own rule: 10 € inside 24 h. Three hours ahead is inside it (desks have no opening-hours rule).
    await staff.put(`/api/resources/${deskId}/rules`, { rules: [{ cancellationDeadlineMinutes: 1440, cancellationFeeCents: 1000 }] });
    const s = new Date(Math.ceil((Date.now() + 3 * 3600_000) / 3600_000) * 3600_000);
    const booked = await mia.post('/api/resources/bookings', { resourceId: deskId, startsAt: s.toISOString(), endsAt: new Date(s.getTime() + 3600_000).toISOString() });
    expect(booked.status).toBe(201);
    const cancelled = await mia.post(`/api/resources/bookings/${booked.body.id}/cancel`, {});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationFeeCents: 1000 });
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'booking.cancel'), eq(auditLog.entityId, booked.body.id)));
    expect(audits).toHaveLength(1);
    // Cancelled far ahead: free.
    const far = await mia.post('/api/resources/bookings', { resourceId: deskId, startsAt: at(addDays(wednesday, 7), '09:00'), endsAt: at(addDays(wednesday, 7), '18:00') });
    expect(far.status).toBe(201);
    expect((await mia.post(`/api/resources/bookings/${far.body.id}/cancel`, {})).body.cancellationFeeCents).toBe(0);
    // The slot is free again.
    expect((await leo.post('/api/resources/bookings', { resourceId: deskId, startsAt: at(addDays(wednesday, 7), '09:00'), endsAt: at(addDays(wednesday, 7), '18:00') })).status).toBe(201);
  });

  it("a member cannot cancel another member's booking", async () => {
    const [row] = await t.database.db.select().from(resourceBookings).where(and(eq(resourceBookings.coopId, a.id), eq(resourceBookings.memberId, miaId), eq(resourceBookings.status, 'confirmed')));
    expect((await leo.post(`/api/resources/bookings/${row!.id}/cancel`, {})).status).toBe(404);
  });
});

describe('weekly series', () => {
  it('previews each week free or taken, then books the free ones only when asked', async () => {
    const body = { resourceId: roomId, firstDate: wednesday, startTime: '10:00', endTime: '12:00', weeks: 3 };
    const preview = await mia.post('/api/resources/bookings/weekly/preview', body);
    expect(preview.status).toBe(200);
    expect(preview.body.occurrences.map((o: { free: boolean }) => o.free)).toEqual([false, true, true]);
    expect(preview.body.occurrences[0].refusal.code).toBe('SLOT_TAKEN');
    const none = await mia.post('/api/resources/bookings/weekly', { ...body, mode: 'all_or_nothing' });
    expect(none.status).toBe(409);
    const some = await mia.post('/api/resources/bookings/weekly', { ...body, mode: 'free_only' });
    expect(some.status).toBe(201);
    expect(some.body.booked).toHaveLength(2);
    expect(some.body.skipped).toEqual([wednesday]);
  });
});
