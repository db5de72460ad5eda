import { and, asc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember, countRows } from '../../../test/support/members-fixtures.js';
import { jobs } from '../../platform/jobs/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { SEND_EVENT_REMINDER } from './index.js';
import { eventRegistrations, events } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let mia: TestClient;
let hugo: TestClient;
let staffB: TestClient;
let miaId: string;
let hugoId: string;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** A member of coop A with an account, logged in. */
async function memberWithLogin(label: string) {
  const email = `${label.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@events.test`;
  const user = await createPerson(t.database.db, a.id, email, label, ['member']);
  const { id } = await addMember(t.database.db, a, { firstName: label, lastName: 'Test', email, userId: user.id });
  return { id, email, client: await login(email) };
}

function parseIcs(text: string) {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const vtz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  return new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
}

const lunch = (over: Record<string, unknown> = {}) => {
  // Events start on the minute, as the form sets them.
  const startsAt = new Date(Math.floor((Date.now() + 7 * DAY) / 60_000) * 60_000);
  return { kind: 'colunch', title: 'Colunch : négocier son TJM', theme: 'Négocier son TJM', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 1.5 * HOUR).toISOString(), place: 'Grande salle', capacity: 12, ...over };
};

const mailsTo = (email: string) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, email)).orderBy(asc(mailOutbox.createdAt));
const regsOf = (eventId: string) => t.database.db.select().from(eventRegistrations).where(and(eq(eventRegistrations.coopId, a.id), eq(eventRegistrations.eventId, eventId)));

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'events-a');
  b = await createTestCoop(t.database.db, 'events-b');
  miaId = (await addMember(t.database.db, a, { firstName: 'Mia', lastName: 'Member', email: a.member.email, userId: a.member.id })).id;
  const h = await memberWithLogin('Hugo');
  hugoId = h.id;
  hugo = h.client;
  [staff, mia, staffB] = await Promise.all([login(a.staff.email), login(a.member.email), login(b.staff.email)]);
});
afterAll(() => t.close());

describe('scheduling an event', () => {
  it('is for staff; a member cannot; a bad end or two hosts is a 400 naming the field, nothing written', async () => {
    expect((await mia.post('/api/events', lunch())).status).toBe(403);
    const before = await countRows(t.database.db, events);
    const start = new Date(Date.now() + DAY);
    const bad = await staff.post('/api/events', lunch({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() - HOUR).toISOString() }));
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('endsAt');
    const twoHosts = await staff.post('/api/events', lunch({ hostMemberId: hugoId, hostName: 'Quelqu’un' }));
    expect(twoHosts.status).toBe(400);
    expect(JSON.stringify(twoHosts.body)).toContain('hostName');
    const strangerHost = await staffB.post('/api/events', lunch({ hostMemberId: hugoId }));
    expect(strangerHost.status).toBe(400);
    expect((await staff.post('/api/events', lunch({ capacity: 0 }))).status).toBe(400);
    expect(await countRows(t.database.db, events)).toBe(before);
  });
});

describe('registering', () => {
  let eventId: string;

  it('confirms a member, mails the confirmation with the .ics attached and queues the reminders, in one go', async () => {
    const created = await staff.post('/api/events', lunch({ hostMemberId: hugoId }));
    expect(created.status).toBe(201);
    eventId = created.body.id;
    expect(created.body.hostName).toBe('Hugo Test');
    const reg = await mia.post(`/api/events/${eventId}/registrations`, {});
    expect(reg.status).toBe(201);
    expect(reg.body).toMatchObject({ status: 'confirmed', waitingPosition: null });
    const [mail] = await mailsTo(a.member.email);
    expect(mail!.template).toBe('event_registration_confirmed');
    expect(mail!.attachments).toHaveLength(1);
    const att = mail!.attachments[0]!;
    expect(att.filename).toMatch(/\.ics$/);
    const stored = await t.app.deps.storage.read(att.storageKey, { sha256: att.sha256 });
    expect(stored.ok).toBe(true);
    const icsText = stored.ok ? stored.bytes.toString('utf8') : '';
    const ics = parseIcs(icsText);
    expect(ics.summary).toBe('Colunch : négocier son TJM');
    expect(ics.startDate.toJSDate().toISOString()).toBe(new Date(created.body.startsAt).toISOString());
    // Paris wall time under its TZID (with the VTIMEZONE that ical.js used to get the instant above).
    expect(icsText).toMatch(/DTSTART;TZID=Europe\/Paris:\d{8}T\d{6}\r?\n/);
    expect(icsText).toContain('BEGIN:VTIMEZONE');
    const reminders = await t.database.db.select().from(jobs).where(and(eq(jobs.coopId, a.id), eq(jobs.kind, SEND_EVENT_REMINDER)));
    expect(reminders.map((j) => j.payload.kind).sort()).toEqual(['day_before', 'hour_before']);
    expect((await mia.post(`/api/events/${eventId}/registrations`, {})).status).toBe(409);
  });

  it('serves the .ics, which parses with ical.js and holds the instant of the start', async () => {
    const res = await mia.request('GET', `/api/events/${eventId}/ics`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/calendar');
    const ev = parseIcs(res.raw);
    const detail = await mia.get(`/api/events/${eventId}`);
    expect(ev.startDate.toJSDate().getTime()).toBe(new Date(detail.body.startsAt).getTime());
    expect(ev.endDate.toJSDate().getTime()).toBe(new Date(detail.body.endsAt).getTime());
    expect(res.raw).toContain('DTSTART;TZID=Europe/Paris:');
    expect((await staffB.request('GET', `/api/events/${eventId}/ics`)).status).toBe(404);
  });

  it('shows registrants to staff and to the host, and to another member only their own status', async () => {
    const asMia = await mia.get(`/api/events/${eventId}`);
    expect(asMia.body.registrants).toEqual([]);
    expect(asMia.body.my).toMatchObject({ status: 'confirmed' });
    expect(asMia.body.canManage).toBe(false);
    const asHost = await hugo.get(`/api/events/${eventId}`);
    expect(asHost.body.canManage).toBe(true);
    expect(asHost.body.registrants.map((r: { name: string }) => r.name)).toEqual(['Mia Member']);
    expect((await staffB.get(`/api/events/${eventId}`)).status).toBe(404);
  });

  it('lets staff register an outside guest by e-mail, who gets the .ics too; a member cannot register others', async () => {
    expect((await mia.post(`/api/events/${eventId}/registrations`, { guest: { name: 'Inès Invitée', email: 'ines@partenaire.test' } })).status).toBe(403);
    const reg = await staff.post(`/api/events/${eventId}/registrations`, { guest: { name: 'Inès Invitée', email: 'Ines@Partenaire.test' } });
    expect(reg.status).toBe(201);
    const [mail] = await mailsTo('ines@partenaire.test');
    expect(mail!.attachments[0]!.filename).toMatch(/\.ics$/);
    expect((await staff.post(`/api/events/${eventId}/registrations`, { guest: { name: 'Inès', email: 'ines@partenaire.test' } })).status).toBe(409);
    expect((await staff.post(`/api/events/${eventId}/registrations`, { guest: { name: 'X', email: 'pas-un-email' } })).status).toBe(400);
  });

  it('closes at the start: a member cannot register once the event began', async () => {
    const start = new Date(Date.now() - HOUR);
    const started = await staff.post('/api/events', lunch({ startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * HOUR).toISOString() }));
    const res = await mia.post(`/api/events/${started.body.id}/registrations`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('REGISTRATION_CLOSED');
  });
});

describe('a full event', () => {
  it('20 concurrent registrations on 5 places give exactly 5 confirmed and a waiting list 1..15', async () => {
    const created = await staff.post('/api/events', lunch({ title: 'Atelier LinkedIn', kind: 'workshop', capacity: 5 }));
    const eventId = created.body.id as string;
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => memberWithLogin(`Concurrent${i}`)));
    const results = await Promise.all(people.map((p) => p.client.post(`/api/events/${eventId}/registrations`, {})));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const regs = await regsOf(eventId);
    expect(regs.filter((r) => r.status === 'confirmed')).toHaveLength(5);
    const positions = regs.filter((r) => r.status === 'waiting').map((r) => r.waitingPosition!);
    expect(positions.sort((x, y) => x - y)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const list = await mia.get('/api/events');
    expect(list.body.items.find((e: { id: string }) => e.id === eventId)).toMatchObject({ confirmed: 5, waiting: 15, placesLeft: 0 });

    // A confirmed person cancels: the first waiting takes the place and is mailed the .ics; the list closes its gap.
    const first = regs.find((r) => r.waitingPosition === 1)!;
    const second = regs.find((r) => r.waitingPosition === 2)!;
    const leaver = regs.find((r) => r.status === 'confirmed')!;
    const leaverClient = people.find((p) => p.id === leaver.memberId)!.client;
    const other = people.find((p) => p.id !== leaver.memberId)!.client;
    expect((await other.post(`/api/events/${eventId}/registrations/${leaver.id}/cancel`)).status).toBe(404);
    const cancelled = await leaverClient.post(`/api/events/${eventId}/registrations/${leaver.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const after = await regsOf(eventId);
    expect(after.find((r) => r.id === first.id)).toMatchObject({ status: 'confirmed', waitingPosition: null });
    expect(after.find((r) => r.id === second.id)).toMatchObject({ status: 'waiting', waitingPosition: 1 });
    expect(after.filter((r) => r.status === 'waiting').map((r) => r.waitingPosition!).sort((x, y) => x - y)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    const promotedEmail = people.find((p) => p.id === first.memberId)!.email;
    const mails = await mailsTo(promotedEmail);
    expect(mails.map((m) => m.template)).toEqual(['event_registration_waiting', 'event_registration_promoted']);
    expect(mails[1]!.attachments).toHaveLength(1);

    // A waiting person leaving closes the gap too; raising the capacity promotes the next ones.
    const third = after.find((r) => r.waitingPosition === 3)!;
    expect((await staff.post(`/api/events/${eventId}/registrations/${third.id}/cancel`)).status).toBe(200);
    // Below the people registered: refused on the field, nothing changed.
    const lowered = await staff.patch(`/api/events/${eventId}`, { capacity: 4 });
    expect(lowered.status).toBe(400);
    expect(JSON.stringify(lowered.body)).toContain('capacity');
    expect((await t.database.db.select({ capacity: events.capacity }).from(events).where(eq(events.id, eventId)))[0]!.capacity).toBe(5);
    const raised = await staff.patch(`/api/events/${eventId}`, { capacity: 7 });
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({ confirmed: 7, waiting: 11 });
    const final = await regsOf(eventId);
    expect(final.filter((r) => r.status === 'waiting').map((r) => r.waitingPosition!).sort((x, y) => x - y)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });
});

describe('an event moved', () => {
  it('sends the people registered the updated .ics, same UID and a higher SEQUENCE, at the new time', async () => {
    // On a whole minute: an .ics writes times to the second.
    const start = new Date(Math.ceil((Date.now() + 5 * 24 * HOUR) / 60_000) * 60_000);
    const created = await staff.post('/api/events', lunch({ title: 'Déplacé', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString() }));
    const h = await memberWithLogin('Agenda');
    expect((await h.client.post(`/api/events/${created.body.id}/registrations`, {})).body.status).toBe('confirmed');
    const later = new Date(start.getTime() + 2 * HOUR);
    expect((await staff.patch(`/api/events/${created.body.id}`, { startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString() })).status).toBe(200);
    const mails = await mailsTo(h.email);
    expect(mails.map((m) => m.template)).toEqual(['event_registration_confirmed', 'event_updated']);
    const icsOf = async (m: (typeof mails)[number]) => {
      const att = m.attachments[0]!;
      const stored = await t.app.deps.storage.read(att.storageKey, { sha256: att.sha256 });
      return parseIcs(stored.ok ? stored.bytes.toString('utf8') : '');
    };
    const [first, second] = [await icsOf(mails[0]!), await icsOf(mails[1]!)];
    expect(second.uid).toBe(first.uid);
    expect(second.sequence).toBeGreaterThan(first.sequence ?? 0);
    expect(second.startDate.toJSDate().getTime()).toBe(later.getTime());
  });
});

describe('changing an event', () => {
  it('is for staff and the event\'s host: the host fixes theme, room and time of their own event but not who hosts; another member gets 403, nothing written', async () => {
    const created = await staff.post('/api/events', lunch({ title: 'Colunch de Hugo', hostMemberId: hugoId }));
    const eventId = created.body.id as string;
    const byOther = await mia.patch(`/api/events/${eventId}`, { theme: 'Autre thème' });
    expect(byOther.status).toBe(403);
    expect(byOther.body.error.code).toBe('NOT_EVENT_MANAGER');
    const start = new Date(created.body.startsAt as string);
    const later = new Date(start.getTime() + HOUR);
    const byHost = await hugo.patch(`/api/events/${eventId}`, { theme: 'Fixer son TJM', place: 'Salle du fond', startsAt: later.toISOString(), endsAt: new Date(later.getTime() + HOUR).toISOString(), hostMemberId: hugoId });
    expect(byHost.status).toBe(200);
    expect(byHost.body).toMatchObject({ theme: 'Fixer son TJM', place: 'Salle du fond', startsAt: later.toISOString(), canManage: true });
    const handOver = await hugo.patch(`/api/events/${eventId}`, { hostMemberId: miaId });
    expect(handOver.status).toBe(400);
    expect(JSON.stringify(handOver.body)).toContain('hostMemberId');
    expect((await hugo.patch(`/api/events/${eventId}`, { hostName: 'Quelqu’un' })).status).toBe(400);
    const [row] = await t.database.db.select().from(events).where(and(eq(events.coopId, a.id), eq(events.id, eventId)));
    expect(row).toMatchObject({ hostMemberId: hugoId, hostName: null, theme: 'Fixer son TJM' });
    // Staff hand it over; the former host can no longer change it.
    expect((await staff.patch(`/api/events/${eventId}`, { hostMemberId: miaId })).status).toBe(200);
    expect((await hugo.patch(`/api/events/${eventId}`, { theme: 'Encore' })).status).toBe(403);
    // Another coop's staff do not find it.
    expect((await staffB.patch(`/api/events/${eventId}`, { theme: 'Intrus' })).status).toBe(404);
  });
});

describe('reminders', () => {
  it('are mailed once at their time, and not for a cancelled registration', async () => {
    const start = new Date(Date.now() + 3 * HOUR);
    const created = await staff.post('/api/events', lunch({ title: 'Rappel test', startsAt: start.toISOString(), endsAt: new Date(start.getTime() + HOUR).toISOString() }));
    const h = await memberWithLogin('Rappel');
    const reg = await h.client.post(`/api/events/${created.body.id}/registrations`, {});
    const other = await memberWithLogin('Parti');
    const gone = await other.client.post(`/api/events/${created.body.id}/registrations`, {});
    await other.client.post(`/api/events/${created.body.id}/registrations/${gone.body.id}/cancel`);
    expect(reg.body.status).toBe('confirmed');
    const later = new Date(start.getTime() - 30 * 60_000);
    expect(await t.app.deps.jobs.runDueJobs(later)).toMatchObject({ failed: 0 });
    expect(await t.app.deps.jobs.runDueJobs(later)).toMatchObject({ failed: 0 });
    expect((await mailsTo(h.email)).map((m) => m.template)).toEqual(['event_registration_confirmed', 'event_reminder']);
    expect((await mailsTo(other.email)).map((m) => m.template)).toEqual(['event_registration_confirmed']);
  });
});

describe('attendance', () => {
  it('is taken by staff or the host from the day of the event, by no other member', async () => {
    const start = new Date(Date.now() - 10 * 60_000);
    const created = await staff.post('/api/events', lunch({ title: 'Colunch du jour', hostMemberId: hugoId, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * HOUR).toISOString() }));
    const eventId = created.body.id as string;
    const reg = await staff.post(`/api/events/${eventId}/registrations`, { memberId: miaId });
    expect(reg.status).toBe(201);
    expect((await mia.put(`/api/events/${eventId}/registrations/${reg.body.id}/attendance`, { attended: true })).status).toBe(403);
    const byHost = await hugo.put(`/api/events/${eventId}/registrations/${reg.body.id}/attendance`, { attended: true });
    expect(byHost.status).toBe(200);
    expect(byHost.body.attended).toBe(true);
    expect((await staff.put(`/api/events/${eventId}/registrations/${reg.body.id}/attendance`, { attended: 'yes' })).status).toBe(400);
    const future = await staff.post('/api/events', lunch());
    const r2 = await staff.post(`/api/events/${future.body.id}/registrations`, { memberId: miaId });
    const early = await staff.put(`/api/events/${future.body.id}/registrations/${r2.body.id}/attendance`, { attended: true });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('ATTENDANCE_NOT_OPEN');
  });

  it('feeds the history of who hosted what', async () => {
    const past = new Date(Date.now() - 7 * DAY);
    await staff.post('/api/events', lunch({ title: 'Colunch passé', hostMemberId: hugoId, startsAt: past.toISOString(), endsAt: new Date(past.getTime() + HOUR).toISOString() }));
    const res = await mia.get('/api/events/hosts');
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { title: string }) => i.title)).toContain('Colunch passé');
    expect(res.body.hosts[0]).toMatchObject({ hostName: 'Hugo Test' });
    expect((await staffB.get('/api/events/hosts')).body.items).toEqual([]);
  });
});

describe('theme proposals', () => {
  it('take one vote per member and rank by votes', async () => {
    const p1 = await mia.post('/api/events/themes', { title: 'Bien utiliser LinkedIn', wouldHost: true });
    const p2 = await hugo.post('/api/events/themes', { title: 'Négocier son TJM' });
    expect(p1.status).toBe(201);
    expect((await mia.post('/api/events/themes', { title: '' })).status).toBe(400);
    expect((await mia.post(`/api/events/themes/${p2.body.id}/vote`)).status).toBe(204);
    expect((await mia.post(`/api/events/themes/${p2.body.id}/vote`)).status).toBe(409);
    expect((await hugo.post(`/api/events/themes/${p2.body.id}/vote`)).status).toBe(204);
    expect((await hugo.post(`/api/events/themes/${p1.body.id}/vote`)).status).toBe(204);
    expect((await hugo.request('DELETE', `/api/events/themes/${p1.body.id}/vote`)).status).toBe(204);
    const list = await mia.get('/api/events/themes');
    expect(list.body.items.map((i: { title: string; votes: number; rank: number }) => [i.title, i.votes, i.rank])).toEqual([
      ['Négocier son TJM', 2, 1],
      ['Bien utiliser LinkedIn', 0, 2],
    ]);
    expect(list.body.items[0].votedByMe).toBe(true);
    expect((await staffB.post(`/api/events/themes/${p2.body.id}/vote`)).status).toBe(404);
  });
});

describe('cancelling an event', () => {
  it('tells everyone registered with a cancelled .ics, and closes registrations', async () => {
    const created = await staff.post('/api/events', lunch({ title: 'Journée portes ouvertes', kind: 'open_day' }));
    const h = await memberWithLogin('Annule');
    await h.client.post(`/api/events/${created.body.id}/registrations`, {});
    const res = await staff.post(`/api/events/${created.body.id}/cancel`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    const mails = await mailsTo(h.email);
    expect(mails.map((m) => m.template)).toEqual(['event_registration_confirmed', 'event_cancelled']);
    const att = mails[1]!.attachments[0]!;
    const stored = await t.app.deps.storage.read(att.storageKey, { sha256: att.sha256 });
    expect(stored.ok && stored.bytes.toString('utf8')).toContain('STATUS:CANCELLED');
    expect((await mia.post(`/api/events/${created.body.id}/registrations`, {})).body.error.code).toBe('EVENT_CANCELLED');
  });
});
