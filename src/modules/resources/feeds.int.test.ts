import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addBooking, addBookingMember, addResource, addSite } from '../../../test/support/resource-ops-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { resourceFeeds, resourceSettings } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let mia: TestClient;
let staff: TestClient;
let van: { id: string };
let miaMember: { memberId: string; activityId: string };

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

/** The feed path of a URL the API gave (the test app answers on inject, not on the public host). */
const pathOf = (url: string) => new URL(url).pathname;

// The last Sunday of March and of October after today: the feed shows a year ahead.
function lastSunday(year: number, month: number) {
  const d = new Date(Date.UTC(year, month + 1, 0));
  d.setUTCDate(d.getUTCDate() - d.getUTCDay());
  return d;
}
const now = new Date();
const nextDst = (month: number) => {
  const d = lastSunday(now.getUTCFullYear(), month);
  return d.getTime() > now.getTime() ? d : lastSunday(now.getUTCFullYear() + 1, month);
};

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'feeds');
  const db = t.database.db;
  const site = await addSite(db, a.id);
  van = await addResource(db, a.id, site.id, 'van', 'Camionnette');
  miaMember = await addBookingMember(db, a.id, a.member.id, 'Mia');
  const spring = nextDst(2);
  const autumn = nextDst(9);
  // 09:00–18:00 Paris on each daylight-saving Sunday: UTC+2 after the spring change (07:00Z), UTC+1 after the autumn one (08:00Z).
  await addBooking(db, a.id, { resourceId: van.id, ...miaMember, bookedBy: a.member.id, startsAt: new Date(spring.getTime() + 7 * 3_600_000), endsAt: new Date(spring.getTime() + 16 * 3_600_000), title: 'Déménagement' });
  await addBooking(db, a.id, { resourceId: van.id, ...miaMember, bookedBy: a.member.id, startsAt: new Date(autumn.getTime() + 8 * 3_600_000), endsAt: new Date(autumn.getTime() + 17 * 3_600_000) });
  mia = await login(a.member.email);
  staff = await login(a.staff.email);
});

afterAll(async () => {
  await t?.close();
});

describe('calendar feeds', () => {
  it("a member's feed parses as RFC 5545 and holds the bookings at 09:00 Paris on both daylight-saving Sundays", async () => {
    const created = await mia.post('/api/resources/feeds', {});
    expect(created.status).toBe(201);
    const res = await t.client().get(pathOf(created.body.url));
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/calendar');
    const events = parse(res.raw).sort((x, y) => x.startDate.toJSDate().getTime() - y.startDate.toJSDate().getTime());
    expect(events).toHaveLength(2);
    const spring = nextDst(2);
    const autumn = nextDst(9);
    const first = events.find((e) => e.startDate.toJSDate().getTime() === spring.getTime() + 7 * 3_600_000)!;
    const second = events.find((e) => e.startDate.toJSDate().getTime() === autumn.getTime() + 8 * 3_600_000)!;
    expect(first.startDate.hour).toBe(9);
    expect(first.endDate.toJSDate().getTime()).toBe(spring.getTime() + 16 * 3_600_000);
    expect(first.summary).toBe('Camionnette — Déménagement');
    expect(second.startDate.hour).toBe(9);
    expect(second.endDate.hour).toBe(18);
  });

  it('only the hash of the token is stored, and creating the feed is audited', async () => {
    const created = await mia.post('/api/resources/feeds', {});
    const token = pathOf(created.body.url).split('/').pop()!.replace('.ics', '');
    const rows = await t.database.db.select().from(resourceFeeds).where(eq(resourceFeeds.id, created.body.id));
    expect(rows[0]!.tokenHash).not.toContain(token);
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.entityId, created.body.id)));
    expect(audits.map((x) => x.action)).toContain('resource_feed.create');
  });

  it('a new address revokes the previous one, and a revoked feed answers 404', async () => {
    const first = await mia.post('/api/resources/feeds', {});
    const second = await mia.post('/api/resources/feeds', {});
    expect((await t.client().get(pathOf(first.body.url))).status).toBe(404);
    expect((await t.client().get(pathOf(second.body.url))).status).toBe(200);
    const listed = await mia.get('/api/resources/feeds');
    expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([second.body.id]);
    expect((await mia.post(`/api/resources/feeds/${second.body.id}/revoke`, {})).status).toBe(204);
    expect((await t.client().get(pathOf(second.body.url))).status).toBe(404);
  });

  it('a malformed address is a 400 naming the field; an unknown one a 404', async () => {
    const bad = await t.client().get('/api/resources/feeds/nope.ics');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('file');
    expect((await t.client().get(`/api/resources/feeds/${'A'.repeat(43)}.ics`)).status).toBe(404);
  });

  it("a member cannot make a resource's feed nor revoke another's", async () => {
    expect((await mia.post('/api/resources/feeds', { resourceId: van.id })).status).toBe(404);
    const staffFeed = await staff.post('/api/resources/feeds', { resourceId: van.id });
    expect(staffFeed.status).toBe(201);
    expect((await mia.post(`/api/resources/feeds/${staffFeed.body.id}/revoke`, {})).status).toBe(404);
  });

  it("a resource's feed shows who booked, or only « Réservé » where the coop hides names", async () => {
    const feed = await staff.post('/api/resources/feeds', { resourceId: van.id });
    const shown = parse((await t.client().get(pathOf(feed.body.url))).raw);
    expect(shown.map((e) => e.summary)).toContain('Mia Test — Déménagement');
    await t.database.db.insert(resourceSettings).values({ coopId: a.id, hideBookerNames: true }).onConflictDoUpdate({ target: resourceSettings.coopId, set: { hideBookerNames: true } });
    const hidden = parse((await t.client().get(pathOf(feed.body.url))).raw);
    expect(hidden).toHaveLength(2);
    expect(hidden.every((e) => e.summary === 'Réservé')).toBe(true);
    expect((await t.client().get(pathOf(feed.body.url))).raw).not.toContain('Mia');
  });
});
