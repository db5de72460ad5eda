import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addBooking, addBookingMember, addResource, addSite } from '../../../test/support/resource-ops-fixtures.js';
import { todayInFrance } from '../../platform/calendar/index.js';
import { resourceBookings, resourceCheckIns } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let mia: TestClient;
let staff: TestClient;
let desk1: { id: string };
let desk2: { id: string };
let desk3: { id: string };
let nowBooking: { id: string };
let missed: { id: string };
const HOUR = 3_600_000;

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'checkin');
  const db = t.database.db;
  const site = await addSite(db, a.id);
  desk1 = await addResource(db, a.id, site.id, 'hot_desk', 'Poste 1');
  desk2 = await addResource(db, a.id, site.id, 'hot_desk', 'Poste 2');
  desk3 = await addResource(db, a.id, site.id, 'hot_desk', 'Poste 3');
  const miaM = await addBookingMember(db, a.id, a.member.id, 'Mia');
  const now = Date.now();
  nowBooking = await addBooking(db, a.id, { resourceId: desk1.id, ...miaM, bookedBy: a.member.id, startsAt: new Date(now - HOUR), endsAt: new Date(now + 2 * HOUR), priceCents: 1500 });
  missed = await addBooking(db, a.id, { resourceId: desk2.id, ...miaM, bookedBy: a.member.id, startsAt: new Date(now - 5 * HOUR), endsAt: new Date(now - 4 * HOUR), priceCents: 1500 });
  mia = await login(a.member.email);
  staff = await login(a.staff.email);
});

afterAll(async () => {
  await t?.close();
});

describe('hot-desk check-in and no-shows', () => {
  it('« Je suis arrivé(e) » records the time once', async () => {
    const res = await mia.post(`/api/resources/bookings/${nowBooking.id}/check-in`, {});
    expect(res.status).toBe(200);
    expect(res.body.walkIn).toBe(false);
    expect((await mia.post(`/api/resources/bookings/${nowBooking.id}/check-in`, {})).status).toBe(409);
  });

  it('a walk-in on a taken desk is a clear conflict; on a free desk it creates the booking, paid with source check_in', async () => {
    expect((await mia.post('/api/resources/check-in/walk-in', { resourceId: desk1.id })).status).toBe(409);
    const res = await mia.post('/api/resources/check-in/walk-in', { resourceId: desk2.id });
    expect(res.status).toBe(201);
    const [ci] = await t.database.db.select().from(resourceCheckIns).where(and(eq(resourceCheckIns.coopId, a.id), eq(resourceCheckIns.bookingId, res.body.bookingId)));
    expect(ci!.walkIn).toBe(true);
  });

  it("a walk-in goes through the desk's booking rules: one reserved to residents refuses a coworker, and books nothing", async () => {
    expect((await staff.put(`/api/resources/${desk3.id}/rules`, { rules: [{ whoMayBook: 'membership_types', whoList: ['resident'] }] })).status).toBe(200);
    const res = await mia.post('/api/resources/check-in/walk-in', { resourceId: desk3.id });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('NOT_ALLOWED_TO_BOOK');
    const rows = await t.database.db.select().from(resourceBookings).where(and(eq(resourceBookings.coopId, a.id), eq(resourceBookings.resourceId, desk3.id)));
    expect(rows).toHaveLength(0);
  });

  it('staff mark the booking nobody checked in for as a no-show, not the one checked in', async () => {
    expect((await mia.post('/api/resources/no-shows', { cutoffMinutes: 60 })).status).toBe(403);
    const res = await staff.post('/api/resources/no-shows', { cutoffMinutes: 60 });
    expect(res.body.marked).toBe(1);
    const rows = await t.database.db.select({ id: resourceBookings.id, status: resourceBookings.status }).from(resourceBookings).where(eq(resourceBookings.coopId, a.id));
    expect(rows.find((r) => r.id === missed.id)!.status).toBe('no_show');
    expect(rows.find((r) => r.id === nowBooking.id)!.status).toBe('confirmed');
  });
});

describe('occupancy', () => {
  it('staff read booked hours, revenue and no-shows; members may not', async () => {
    // From the day of six hours ago: the bookings of the fixture stay inside just after midnight too.
    const today = todayInFrance(new Date());
    const from = todayInFrance(new Date(Date.now() - 6 * HOUR));
    expect((await mia.get(`/api/resources/occupancy?from=${from}&to=${today}`)).status).toBe(403);
    const res = await staff.get(`/api/resources/occupancy?from=${from}&to=${today}`);
    expect(res.status).toBe(200);
    expect(res.body.totals.noShows).toBeGreaterThanOrEqual(1);
    expect(res.body.totals.bookings).toBeGreaterThanOrEqual(2);
    expect(res.body.peakHours).toHaveLength(7);
    const csv = await staff.get(`/api/resources/occupancy.csv?from=${from}&to=${today}`);
    expect(String(csv.headers['content-type'])).toContain('text/csv');
    expect(csv.raw).toContain('Poste 1');
  });

  it('a period ending before it starts is a 400 on the field', async () => {
    const res = await staff.get('/api/resources/occupancy?from=2026-03-10&to=2026-03-01');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('to');
  });
});
