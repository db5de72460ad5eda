import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addBooking, addBookingMember, addResource, addSite } from '../../../test/support/resource-ops-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { resourceBookings, resourceHandovers } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let mia: TestClient;
let staff: TestClient;
let vanBooking: { id: string };
let otherBooking: { id: string };
let deskBooking: { id: string };
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'handovers');
  const db = t.database.db;
  const site = await addSite(db, a.id);
  const van = await addResource(db, a.id, site.id, 'van', 'Camionnette');
  const desk = await addResource(db, a.id, site.id, 'hot_desk', 'Poste 1');
  const miaM = await addBookingMember(db, a.id, a.member.id, 'Mia');
  const hugo = await addBookingMember(db, a.id, undefined, 'Hugo');
  const day = 86_400_000;
  const start = new Date(Math.ceil(Date.now() / day) * day + 2 * day);
  vanBooking = await addBooking(db, a.id, { resourceId: van.id, ...miaM, bookedBy: a.member.id, startsAt: start, endsAt: new Date(start.getTime() + 2 * day) });
  otherBooking = await addBooking(db, a.id, { resourceId: van.id, ...hugo, bookedBy: a.admin.id, startsAt: new Date(start.getTime() + 3 * day), endsAt: new Date(start.getTime() + 4 * day) });
  deskBooking = await addBooking(db, a.id, { resourceId: desk.id, ...miaM, bookedBy: a.member.id, startsAt: start, endsAt: new Date(start.getTime() + 8 * 3_600_000) });
  mia = await login(a.member.email);
  staff = await login(a.staff.email);
});

afterAll(async () => {
  await t?.close();
});

describe('van check-out and check-in', () => {
  it('refuses a check-in before the check-out, and a check-out without mileage names the field', async () => {
    expect((await mia.post(`/api/resources/bookings/${vanBooking.id}/handover`, { direction: 'in', mileageKm: 10 })).status).toBe(409);
    const noKm = await mia.post(`/api/resources/bookings/${vanBooking.id}/handover`, { direction: 'out' });
    expect(noKm.status).toBe(400);
    expect(noKm.body.error.fields[0].path).toBe('mileageKm');
  });

  it('a member checks the van out, then back in with a higher mileage, and sees the km driven', async () => {
    const out = await mia.post(`/api/resources/bookings/${vanBooking.id}/handover`, { direction: 'out', mileageKm: 42_100, fuelPercent: 80, notes: 'Rayure porte arrière' });
    expect(out.status).toBe(200);
    expect(out.body.out).toMatchObject({ mileageKm: 42_100, fuelPercent: 80, notes: 'Rayure porte arrière' });
    expect((await mia.post(`/api/resources/bookings/${vanBooking.id}/handover`, { direction: 'out', mileageKm: 42_100 })).status).toBe(409);
    const photo = await mia.upload(`/api/resources/bookings/${vanBooking.id}/handover/photos`, { filename: 'rayure.png', contentType: 'image/png', bytes: png }, { direction: 'out' });
    expect(photo.status).toBe(200);
    expect(photo.body.photos).toHaveLength(1);
    const file = await mia.get(`/api/resources/handover-photos/${photo.body.photos[0].id}`);
    expect(file.headers['content-type']).toBe('image/png');

    const below = await mia.post(`/api/resources/bookings/${vanBooking.id}/handover`, { direction: 'in', mileageKm: 42_000 });
    expect(below.status).toBe(400);
    expect(below.body.error.fields[0].path).toBe('mileageKm');
    const back = await mia.post(`/api/resources/bookings/${vanBooking.id}/handover`, { direction: 'in', mileageKm: 42_340, fuelPercent: 40 });
    expect(back.status).toBe(200);
    expect(back.body.kilometresDriven).toBe(240);
    expect(back.body.status).toBe('completed');
    const mine = await mia.get('/api/resources/operations/mine');
    expect(mine.body.items.find((b: { bookingId: string }) => b.bookingId === vanBooking.id).kilometresDriven).toBe(240);
    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.entityId, vanBooking.id)));
    expect(audits.map((x) => x.action).sort()).toEqual(['resource_handover.in', 'resource_handover.out', 'resource_handover.photo']);
  });

  it('the database itself refuses a mileage back below the mileage out', async () => {
    await expect(
      t.database.db.update(resourceHandovers).set({ inMileageKm: 1 }).where(and(eq(resourceHandovers.coopId, a.id), eq(resourceHandovers.bookingId, vanBooking.id))),
    ).rejects.toThrow();
  });

  it("a member cannot act on another member's van booking; staff can", async () => {
    expect((await mia.get(`/api/resources/bookings/${otherBooking.id}/handover`)).status).toBe(404);
    expect((await mia.post(`/api/resources/bookings/${otherBooking.id}/handover`, { direction: 'out', mileageKm: 1 })).status).toBe(404);
    expect((await staff.post(`/api/resources/bookings/${otherBooking.id}/handover`, { direction: 'out', mileageKm: 42_340 })).status).toBe(200);
  });

  it("a member sees their own handover photos but not another member's (404, as if it did not exist); staff see both", async () => {
    const hugoPhoto = await staff.upload(`/api/resources/bookings/${otherBooking.id}/handover/photos`, { filename: 'choc.png', contentType: 'image/png', bytes: png }, { direction: 'out' });
    expect(hugoPhoto.status).toBe(200);
    const photoId = hugoPhoto.body.photos[0].id;
    const denied = await mia.get(`/api/resources/handover-photos/${photoId}`);
    expect(denied.status).toBe(404);
    expect(denied.headers['content-type']).not.toBe('image/png');
    expect((await staff.get(`/api/resources/handover-photos/${photoId}`)).status).toBe(200);
    // Mia's own photo, listed on her handover with the readings, opens for her and for staff.
    const own = await mia.get(`/api/resources/bookings/${vanBooking.id}/handover`);
    expect(own.status).toBe(200);
    expect(own.body.out).toMatchObject({ mileageKm: 42_100, notes: 'Rayure porte arrière' });
    expect(own.body.photos.map((p: { direction: string; fileName: string }) => [p.direction, p.fileName])).toEqual([['out', 'rayure.png']]);
    expect((await mia.get(`/api/resources/handover-photos/${own.body.photos[0].id}`)).status).toBe(200);
    expect((await staff.get(`/api/resources/handover-photos/${own.body.photos[0].id}`)).status).toBe(200);
    // A photo of another coop is never found.
    const b = await createTestCoop(t.database.db, 'handovers-other');
    const outsider = await login(b.member.email);
    expect((await outsider.get(`/api/resources/handover-photos/${photoId}`)).status).toBe(404);
  });

  it('a file that is not an image is refused, and a desk is not handed over', async () => {
    const fake = await staff.upload(`/api/resources/bookings/${otherBooking.id}/handover/photos`, { filename: 'x.png', contentType: 'image/png', bytes: Buffer.from('<html>') }, { direction: 'out' });
    expect(fake.status).toBe(400);
    expect((await mia.post(`/api/resources/bookings/${deskBooking.id}/handover`, { direction: 'out' })).status).toBe(422);
    const [desk] = await t.database.db.select().from(resourceBookings).where(and(eq(resourceBookings.coopId, a.id), eq(resourceBookings.id, deskBooking.id)));
    expect(desk!.status).toBe('confirmed');
  });
});
