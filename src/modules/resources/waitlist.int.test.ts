import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { createActivity } from '../activities/index.js';
import { addDays, fromLocal, toLocal, weekdayOf } from './domain/zoned-time.js';
import { resourceWaitlist } from './schema.js';

let t: TestApp;
let coop: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let ana: TestClient;
let ben: TestClient;
let chloe: TestClient;
let roomId: string;

const TZ = 'Europe/Paris';
/** A Thursday 8 to 14 days ahead, as a Paris date. */
const thursday = (() => {
  let d = addDays(toLocal(new Date(), TZ).date, 8);
  while (weekdayOf(d) !== 4) d = addDays(d, 1);
  return d;
})();
const at = (time: string, date = thursday) => fromLocal(date, time, TZ).toISOString();

async function member(first: string, email: string) {
  const db = t.database.db;
  const user = await createPerson(db, coop.id, email, `${first} Test`, ['member']);
  const m = await addMember(db, coop, { firstName: first, lastName: 'Test', email, userId: user.id, membershipType: 'coworker' });
  await db.transaction((tx) => createActivity(tx, { coopId: coop.id, userId: coop.admin.id }, { name: `Activité ${first}`, holders: [{ memberId: m.id, shareBp: 10_000 }] }));
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const mailsTo = (email: string, template: string) =>
  t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.coopId, coop.id), eq(mailOutbox.toAddress, email), eq(mailOutbox.template, template)));

beforeAll(async () => {
  t = await createTestApp();
  coop = await createTestCoop(t.database.db, 'wait');
  staff = t.client();
  await staff.login(coop.staff.email, DEMO_PASSWORD);
  [ana, ben, chloe] = [await member('Ana', 'ana@wait.test'), await member('Ben', 'ben@wait.test'), await member('Chloé', 'chloe@wait.test')];
  const site = await staff.post('/api/resources/sites', { name: 'Atelier — Nantes', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '19:00' })) });
  roomId = (await staff.post('/api/resources', { siteId: site.body.id, kind: 'meeting_room', name: 'Salle Loire', prices: [{ unit: 'hour', memberPriceCents: 1500, nonMemberPriceCents: 2500, vatRateBp: 2000 }] })).body.id;
  expect((await staff.put('/api/resources/kinds/meeting_room/rules', { rules: [{ horizonDays: 60, openingHoursOnly: true }] })).status).toBe(200);
});
afterAll(() => t.close());

describe('waiting list of a taken slot', () => {
  it('A holds, B and C wait, A cancels: B (the first) is told by one mail, C still waits', async () => {
    const held = await ana.post('/api/resources/bookings', { resourceId: roomId, startsAt: at('10:00'), endsAt: at('12:00') });
    expect(held.status).toBe(201);
    const b = await ben.post('/api/resources/waitlist', { resourceId: roomId, startsAt: at('10:00'), endsAt: at('11:00') });
    expect(b.status).toBe(201);
    expect(b.body).toMatchObject({ status: 'waiting', resourceName: 'Salle Loire' });
    const c = await chloe.post('/api/resources/waitlist', { resourceId: roomId, startsAt: at('10:30'), endsAt: at('11:30') });
    expect(c.status).toBe(201);
    // The same wait twice is refused by the partial unique key.
    expect((await ben.post('/api/resources/waitlist', { resourceId: roomId, startsAt: at('10:00'), endsAt: at('11:00') })).status).toBe(409);

    expect((await ana.post(`/api/resources/bookings/${held.body.id}/cancel`, {})).status).toBe(200);

    const benMails = await mailsTo('ben@wait.test', 'resource_waitlist.notified');
    expect(benMails).toHaveLength(1);
    expect(benMails[0]!.subject).toContain('Salle Loire');
    expect(benMails[0]!.textBody).toContain(`http://mutualise.test/resources?resource=${roomId}&date=${thursday}`);
    expect(benMails[0]!.textBody).toContain('10:00');
    expect(await mailsTo('chloe@wait.test', 'resource_waitlist.notified')).toHaveLength(0);
    const mineB = await ben.get('/api/resources/waitlist/mine');
    expect(mineB.body.items.map((w: { status: string }) => w.status)).toEqual(['notified']);
    const mineC = await chloe.get('/api/resources/waitlist/mine');
    expect(mineC.body.items.map((w: { status: string }) => w.status)).toEqual(['waiting']);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, coop.id), eq(auditLog.action, 'resource_waitlist.notify'), eq(auditLog.entityId, b.body.id)));
    expect(audits).toHaveLength(1);

    // First come, first served: C books the freed slot before B; B is then refused like anyone.
    expect((await chloe.post('/api/resources/bookings', { resourceId: roomId, startsAt: at('10:00'), endsAt: at('11:00') })).status).toBe(201);
    expect((await ben.post('/api/resources/bookings', { resourceId: roomId, startsAt: at('10:00'), endsAt: at('11:00') })).status).toBe(409);
  });

  it('a member cannot wait for a free slot (400 saying to book it) nor for one outside their booking rights', async () => {
    const free = await ben.post('/api/resources/waitlist', { resourceId: roomId, startsAt: at('15:00'), endsAt: at('16:00') });
    expect(free.status).toBe(400);
    expect(free.body.error.code).toBe('WAITLIST_SLOT_FREE');
    expect(free.body.error.fields[0].path).toBe('startsAt');
    expect(free.body.error.fields[0].message).toContain('libre');
    const night = await ben.post('/api/resources/waitlist', { resourceId: roomId, startsAt: at('20:00'), endsAt: at('21:00') });
    expect(night.status).toBe(422);
    expect(night.body.error.code).toBe('OUTSIDE_OPENING_HOURS');
    const rows = await t.database.db.select().from(resourceWaitlist).where(and(eq(resourceWaitlist.coopId, coop.id), eq(resourceWaitlist.startsAt, new Date(at('15:00')))));
    expect(rows).toHaveLength(0);
  });

  it("a member sees and leaves only their own waits; the team lists a resource's waits", async () => {
    const held = await ana.post('/api/resources/bookings', { resourceId: roomId, startsAt: at('14:00'), endsAt: at('15:00') });
    expect(held.status).toBe(201);
    const w = await ben.post('/api/resources/waitlist', { resourceId: roomId, startsAt: at('14:00'), endsAt: at('15:00') });
    expect(w.status).toBe(201);
    const chloeSees = await chloe.get('/api/resources/waitlist/mine');
    expect(chloeSees.body.items.map((x: { id: string }) => x.id)).not.toContain(w.body.id);
    expect((await chloe.get(`/api/resources/${roomId}/waitlist`)).status).toBe(403);
    expect((await chloe.post(`/api/resources/waitlist/${w.body.id}/leave`, {})).status).toBe(404);
    const team = await staff.get(`/api/resources/${roomId}/waitlist`);
    expect(team.status).toBe(200);
    expect(team.body.items.find((x: { id: string }) => x.id === w.body.id)).toMatchObject({ memberName: 'Ben Test', status: 'waiting' });

    const left = await ben.post(`/api/resources/waitlist/${w.body.id}/leave`, {});
    expect(left.status).toBe(200);
    expect(left.body.status).toBe('left');
    expect((await ben.post(`/api/resources/waitlist/${w.body.id}/leave`, {})).status).toBe(409);
    // Nobody waits any more: cancelling tells no one.
    expect((await ana.post(`/api/resources/bookings/${held.body.id}/cancel`, {})).status).toBe(200);
    const [row] = await t.database.db.select().from(resourceWaitlist).where(and(eq(resourceWaitlist.coopId, coop.id), eq(resourceWaitlist.id, w.body.id)));
    expect(row!.status).toBe('left');
  });

  it('booking the slot one waits for closes one\'s own wait in the booking\'s transaction (waiting or told), not the others\' waits', async () => {
    const db = t.database.db;
    const statusOf = async (id: string) => (await db.select({ status: resourceWaitlist.status }).from(resourceWaitlist).where(and(eq(resourceWaitlist.coopId, coop.id), eq(resourceWaitlist.id, id))))[0]!.status;
    const slot = { resourceId: roomId, startsAt: at('16:00'), endsAt: at('17:00') };
    const held = await ana.post('/api/resources/bookings', slot);
    expect(held.status).toBe(201);
    const benWait = (await ben.post('/api/resources/waitlist', slot)).body.id as string;
    const chloeWait = (await chloe.post('/api/resources/waitlist', slot)).body.id as string;
    expect((await ana.post(`/api/resources/bookings/${held.body.id}/cancel`, {})).status).toBe(200);
    expect([await statusOf(benWait), await statusOf(chloeWait)]).toEqual(['notified', 'waiting']);

    // Chloé, still waiting, finds it free and books it: her wait is done; Ben's, told but beaten to it, stays.
    const chloeBooking = await chloe.post('/api/resources/bookings', slot);
    expect(chloeBooking.status).toBe(201);
    expect([await statusOf(benWait), await statusOf(chloeWait)]).toEqual(['notified', 'booked']);
    expect((await chloe.get('/api/resources/waitlist/mine')).body.items.map((w: { id: string }) => w.id)).not.toContain(chloeWait);
    // A refused booking rolls back whole: Ben's wait is untouched.
    expect((await ben.post('/api/resources/bookings', slot)).status).toBe(409);
    expect(await statusOf(benWait)).toBe('notified');

    // Chloé cancels; Ben, who was told, books it: his wait is done too and leaves his list.
    expect((await chloe.post(`/api/resources/bookings/${chloeBooking.body.id}/cancel`, {})).status).toBe(200);
    const benBooking = await ben.post('/api/resources/bookings', slot);
    expect(benBooking.status).toBe(201);
    expect(await statusOf(benWait)).toBe('booked');
    expect((await ben.get('/api/resources/waitlist/mine')).body.items.map((w: { id: string }) => w.id)).not.toContain(benWait);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.coopId, coop.id), eq(auditLog.action, 'resource_waitlist.booked')));
    expect(audits.filter((a) => a.entityId === benWait || a.entityId === chloeWait).map((a) => a.entityId).sort()).toEqual([benWait, chloeWait].sort());
  });
});
