import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../src/modules/activities/index.js';
import { addDays } from '../../src/platform/calendar/index.js';
import { dayInParis, parisMidnight } from '../../src/modules/plans/coop-time.js';
import { createTestApp, type TestApp, type TestClient } from '../support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../support/fixtures.js';
import { setUpLedger } from '../support/ledger-fixtures.js';
import { addMember } from '../support/members-fixtures.js';
import { addBooking } from '../support/resource-ops-fixtures.js';

/**
 * Every GET route of issue 15's and 16's modules, read from the OpenAPI (a route added later is
 * walked too), called with the ids of what another member owns: their bookings, waits and van
 * check-out, their plan and balance and billing, their event registration, their workclub
 * application and goals, their directory profile with hidden fields, staff-only knowledge, their
 * cochallenge promise. The coop hides who booked what. Each call answers 403/404, or answers
 * without any of the other member's private data (its JSON is searched). The same walk as a
 * member of another coop, and as an anonymous visitor (who gets 401 except on the public routes,
 * which show nothing private either). On PGlite and PostgreSQL.
 */
const PREFIXES = ['/api/resources', '/api/plans', '/api/events', '/api/workclubs', '/api/cochallenge', '/api/knowledge', '/api/directory', '/api/public/knowledge', '/api/portal/workclubs'];

/** Routes that answer an anonymous visitor on purpose (a secret in the URL, or a coop's public pages). */
const PUBLIC = (route: string) => route.startsWith('/api/public/') || route.startsWith('/api/portal/') || /\/feeds\/\{[^}]+\}/.test(route) || route.startsWith('/api/directory/public');

const LEO_PHONE = '06 11 22 33 44';
const LEO_EMAIL = 'leo.cache@prive.test';
const LEO_LAST_NAME = 'Boisdormant';
const SECRET_PAGE = 'Procédure interne confidentielle';
const SECRET_PAGE_BODY = 'Contentieux-XYZZY-interne';
const LEO_GOAL = 'Objectif-perso-de-Leo-QWERTY';
const LEO_HANDOVER_NOTE = 'Rayure-secrete-ZXCV';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let mia: TestClient;
let outsider: TestClient;
let anonymous: TestClient;
/** Leo's data (the other member), by the name routes give the parameter. */
const leo: Record<string, string> = {};
/** What a member of the coop may legitimately read (the catalogue, the coop's events, spaces…). */
const shared: Record<string, string> = {};
/** Strings that must never reach Mia, another coop or the public, whatever the route. */
let secrets: string[] = [];
/** Strings that must not leave resources and plans routes (the coop hides who booked). */
let bookerSecrets: string[] = [];

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

function ok<T extends { status: number; raw: string }>(res: T, what: string): T {
  if (res.status >= 300) throw new Error(`${what}: ${res.status} ${res.raw.slice(0, 300)}`);
  return res;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  a = await createTestCoop(db, 'scope-15-16');
  b = await createTestCoop(db, 'scope-15-16-b');
  await setUpLedger(db, a.id);
  const miaId = (await addMember(db, a, { firstName: 'Mia', lastName: 'Curieuse', email: a.member.email, userId: a.member.id, membershipType: 'coworker', trades: ['graphiste'] })).id;
  const leoUser = await createPerson(db, a.id, `leo-${randomUUID().slice(0, 6)}@scope.test`, `Léo ${LEO_LAST_NAME}`, ['member']);
  const leoId = (await addMember(db, a, { firstName: 'Léo', lastName: LEO_LAST_NAME, email: leoUser.email, userId: leoUser.id, membershipType: 'coworker', trades: ['menuisier'] })).id;
  await addMember(db, b, { firstName: 'Olga', lastName: 'Ailleurs', email: b.member.email, userId: b.member.id });
  const actor = { coopId: a.id, userId: a.admin.id };
  const miaActivity = (await db.transaction((tx) => createActivity(tx, actor, { name: 'Studio Mia', holders: [{ memberId: miaId, shareBp: 10_000 }] }))).id;
  const leoActivity = (await db.transaction((tx) => createActivity(tx, actor, { name: 'Atelier Léo', holders: [{ memberId: leoId, shareBp: 10_000 }] }))).id;
  const [staff, admin, leoClient] = await Promise.all([login(a.staff.email), login(a.admin.email), login(leoUser.email)]);
  [mia, outsider] = await Promise.all([login(a.member.email), login(b.member.email)]);
  anonymous = t.client();
  Object.assign(leo, { memberId: leoId, activityId: leoActivity });

  // Resources: a site, a desk and a van; the coop hides who booked what.
  const site = ok(await staff.post('/api/resources/sites', { name: 'Locaux', openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '19:00' })) }), 'site');
  const desk = ok(await staff.post('/api/resources', { siteId: site.body.id, kind: 'hot_desk', name: 'Poste 1', prices: [{ unit: 'day', memberPriceCents: 2000, nonMemberPriceCents: 3000, vatRateBp: 2000 }] }), 'desk');
  const van = ok(await staff.post('/api/resources', { siteId: site.body.id, kind: 'van', name: 'Camionnette', prices: [{ unit: 'day', memberPriceCents: 6000, nonMemberPriceCents: 9000, vatRateBp: 2000 }] }), 'van');
  Object.assign(shared, { siteId: site.body.id, resourceId: desk.body.id, vanId: van.body.id });
  ok(await admin.patch('/api/resources/settings', { hideBookerNames: true }), 'hide names');

  // Plans: both on a nomad plan, each billed to their own activity.
  const plan = ok(await staff.post('/api/plans', { name: 'Nomade 10 jours', type: 'nomad', monthlyPriceCents: 15_000, includedDayPasses: 10 }), 'plan');
  const startsOn = `${today.slice(0, 7)}-01`;
  const leoSub = ok(await staff.post('/api/plans/subscriptions', { memberId: leoId, activityId: leoActivity, planId: plan.body.id, startsOn }), 'leo sub');
  ok(await staff.post('/api/plans/subscriptions', { memberId: miaId, activityId: miaActivity, planId: plan.body.id, startsOn }), 'mia sub');
  leo.subscriptionId = leoSub.body.id;

  // Bookings: Léo's day at the desk (a pass), Mia's the day after, which Léo waits for.
  const leoBooking = ok(await leoClient.post('/api/resources/bookings', { resourceId: desk.body.id, startsAt: at(wednesday, 9), endsAt: at(wednesday, 18) }), 'leo booking');
  leo.bookingId = leoBooking.body.id;
  const thursday = addDays(wednesday, 1);
  ok(await mia.post('/api/resources/bookings', { resourceId: desk.body.id, startsAt: at(thursday, 9), endsAt: at(thursday, 18) }), 'mia booking');
  const wait = ok(await leoClient.post('/api/resources/waitlist', { resourceId: desk.body.id, startsAt: at(thursday, 9), endsAt: at(thursday, 18) }), 'leo wait');
  leo.waitId = wait.body.id;
  // Léo's van, checked out with a note on its state.
  const start = new Date(parisMidnight(addDays(wednesday, 2)).getTime() + 9 * 3_600_000);
  const vanBooking = await addBooking(db, a.id, { resourceId: van.body.id, memberId: leoId, activityId: leoActivity, bookedBy: leoUser.id, startsAt: start, endsAt: new Date(start.getTime() + 86_400_000) });
  leo.vanBookingId = vanBooking.id;
  ok(await leoClient.post(`/api/resources/bookings/${vanBooking.id}/handover`, { direction: 'out', mileageKm: 42_100, fuelPercent: 80, notes: LEO_HANDOVER_NOTE }), 'handover');
  // The month's billing: a plan fee charged to each activity.
  ok(await admin.post('/api/plans/billing/run', { month: today.slice(0, 7) }), 'billing');
  const items = ok(await admin.get(`/api/plans/billing/items?month=${today.slice(0, 7)}`), 'billing items').body.items as { id: string; activityId?: string }[];
  leo.billingItemIds = items.filter((i) => i.activityId === leoActivity).map((i) => i.id).join(',');

  // Events: a co-lunch Léo registered for.
  const startsAt = new Date(Math.floor((Date.now() + 7 * 86_400_000) / 60_000) * 60_000);
  const event = ok(await staff.post('/api/events', { kind: 'colunch', title: 'Colunch : négocier son TJM', theme: 'Négocier son TJM', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 5_400_000).toISOString(), place: 'Grande salle', capacity: 12 }), 'event');
  shared.eventId = event.body.id;
  const reg = ok(await leoClient.post(`/api/events/${event.body.id}/registrations`, {}), 'registration');
  leo.registrationId = reg.body.registration?.id ?? reg.body.id ?? '';

  // Workclubs: both apply; each in a group of their own; Léo sets a goal.
  const season = ok(await staff.post('/api/workclubs/seasons', { name: "Saison d'automne", applicationsOpenOn: today, applicationsCloseOn: addDays(today, 7), startsOn: addDays(today, 10) }), 'season');
  shared.seasonId = season.body.id;
  const leoApp = ok(await leoClient.post(`/api/workclubs/seasons/${season.body.id}/applications`, { projectTitle: 'Projet-de-Leo-ASDF', projectDescription: 'Ouvrir un atelier partagé' }), 'leo application');
  const miaApp = ok(await mia.post(`/api/workclubs/seasons/${season.body.id}/applications`, { projectTitle: 'Projet de Mia', projectDescription: 'Refaire mon site' }), 'mia application');
  leo.applicationId = leoApp.body.id;
  // A group counts at least two: Léo with Nina, Mia with Paul.
  const mates: string[] = [];
  const mateIds: string[] = [];
  for (const [first, trade] of [['Nina', 'photographe'], ['Paul', 'traducteur']] as const) {
    const user = await createPerson(db, a.id, `${first.toLowerCase()}-${randomUUID().slice(0, 6)}@scope.test`, `${first} Test`, ['member']);
    mateIds.push((await addMember(db, a, { firstName: first, lastName: 'Test', email: user.email, userId: user.id, trades: [trade] })).id);
    const app = ok(await (await login(user.email)).post(`/api/workclubs/seasons/${season.body.id}/applications`, { projectTitle: `Projet de ${first}`, projectDescription: 'Un projet' }), 'mate application');
    mates.push(app.body.id);
  }
  ok(await staff.post(`/api/workclubs/seasons/${season.body.id}/groups`, { groups: [{ applicationIds: [leoApp.body.id, mates[0]] }, { applicationIds: [miaApp.body.id, mates[1]] }] }), 'groups');
  leo.groupId = (await leoClient.get('/api/workclubs/current')).body.groupId;
  ok(await staff.post(`/api/workclubs/groups/${leo.groupId}/sessions`, { startsAt: `${addDays(today, 10)}T09:30:00+02:00`, durationMinutes: 90, place: 'Salle Jaurès' }), 'session');
  const goal = ok(await leoClient.post(`/api/workclubs/groups/${leo.groupId}/goals`, { text: LEO_GOAL }), 'goal');
  leo.goalId = goal.body.participants.find((p: { id: string }) => p.id === goal.body.me).goals[0].id;

  // Cochallenge: Léo pitches with Nina, Mia with Paul; Léo records a promise on the day.
  const campaign = ok(await staff.post('/api/cochallenge', { name: 'Cochallenge', day: addDays(today, 20), goalPromises: 10 }), 'campaign');
  shared.campaignId = campaign.body.id;
  for (let i = 0; i < 8; i++) {
    ok(await staff.post(`/api/cochallenge/${campaign.body.id}/companies`, { name: `Entreprise ${i}`, tags: ['industrie'], slots: 1 }), 'company');
    const profile = (await addMember(db, a, { firstName: `Profil${i}`, lastName: 'Test', trades: [`metier${i}`] })).id;
    ok(await staff.put(`/api/cochallenge/${campaign.body.id}/participants/${profile}`, { role: 'profile' }), 'profile');
  }
  for (const m of [leoId, mateIds[0]!, miaId, mateIds[1]!]) ok(await staff.put(`/api/cochallenge/${campaign.body.id}/participants/${m}`, { role: 'pitcher', pitch: 'Une ligne' }), 'pitcher');
  ok(await staff.put(`/api/cochallenge/${campaign.body.id}/pairs`, { pairs: [[leoId, mateIds[0]], [miaId, mateIds[1]]] }), 'pairs');
  ok(await staff.post(`/api/cochallenge/${campaign.body.id}/plan`, { seed: 7 }), 'cochallenge plan');
  ok(await staff.post(`/api/cochallenge/${campaign.body.id}/status`, { status: 'live' }), 'live');
  const leoDay = ok(await leoClient.get(`/api/cochallenge/${campaign.body.id}/my-day`), 'my day').body;
  const promise = ok(await leoClient.post(`/api/cochallenge/${campaign.body.id}/promises`, { idempotencyKey: randomUUID(), meetingId: leoDay.meetings[0].id, profileMemberId: leoDay.meetings[0].profiles[0].memberId }), 'promise');
  leo.promiseId = promise.body.id ?? promise.body.promise?.id;
  leo.meetingId = leoDay.meetings[0].id;

  // Directory: Léo is listed, his phone hidden from all, his e-mail hidden from members.
  ok(
    await leoClient.put('/api/directory/me', {
      listed: true,
      visibility: { trade: 'members', skills: 'members', poles: 'members', sectors: 'members', pitch: 'members', links: 'members', city: 'members', availability: 'members', languages: 'members', photo: 'members', phone: 'hidden', email: 'hidden' },
      trade: 'Menuisier',
      skills: ['Ébénisterie'],
      poles: [],
      sectors: [],
      pitch: 'Du bois, du vrai.',
      links: [],
      city: 'Lyon',
      availability: 'partly',
      availabilityNote: '',
      languages: ['Français'],
      email: LEO_EMAIL,
      phone: LEO_PHONE,
    }),
    'directory',
  );

  // Knowledge: a staff-only page, a members' page, a public page.
  const internal = ok(await staff.post('/api/knowledge/spaces', { name: 'Procédures internes', visibility: 'staff' }), 'staff space');
  const internalBook = (await staff.post(`/api/knowledge/spaces/${internal.body.id}/books`, { name: 'Recouvrement' })).body.books[0].id as string;
  const secretPage = ok(await staff.post(`/api/knowledge/books/${internalBook}/pages`, { title: SECRET_PAGE, body: SECRET_PAGE_BODY }), 'staff page');
  const internalQuestion = ok(await staff.post('/api/knowledge/questions', { spaceId: internal.body.id, title: 'Question-interne-PLOKIJ', body: 'Entre nous' }), 'staff question');
  Object.assign(leo, { spaceId: internal.body.id, bookId: internalBook, pageId: secretPage.body.id, questionId: internalQuestion.body.id });
  const guide = ok(await staff.post('/api/knowledge/spaces', { name: 'Guide', visibility: 'members' }), 'members space');
  const guideBook = (await staff.post(`/api/knowledge/spaces/${guide.body.id}/books`, { name: 'Bien démarrer' })).body.books[0].id as string;
  ok(await staff.post(`/api/knowledge/books/${guideBook}/pages`, { title: 'Notes de frais', body: 'Sur justificatif.' }), 'members page');
  const faq = ok(await staff.post('/api/knowledge/spaces', { name: 'FAQ', visibility: 'public' }), 'public space');
  const faqBook = (await staff.post(`/api/knowledge/spaces/${faq.body.id}/books`, { name: 'Questions' })).body.books[0].id as string;
  ok(await staff.post(`/api/knowledge/books/${faqBook}/pages`, { title: 'Qui sommes-nous', body: 'Une coopérative.' }), 'public page');

  secrets = [leoActivity, LEO_PHONE, LEO_EMAIL, leo.subscriptionId, LEO_HANDOVER_NOTE, leo.waitId, LEO_GOAL, leo.goalId, 'Projet-de-Leo-ASDF', leo.applicationId, SECRET_PAGE, SECRET_PAGE_BODY, leo.pageId, leo.bookId, 'Question-interne-PLOKIJ', leo.registrationId, leo.promiseId, ...leo.billingItemIds.split(',')].filter(
    (s): s is string => typeof s === 'string' && s.length > 0,
  );
  bookerSecrets = [LEO_LAST_NAME, leoId, leoUser.id, leoUser.email];
}, 240_000);
afterAll(() => t?.close());

/** The other member's id for a path parameter, what a member may read for shared things, or a fresh id. */
function paramFor(route: string, name: string): string {
  const r = route;
  if (r.startsWith('/api/public/knowledge') && name === 'coopId') return a.id;
  if (name === 'memberId') return leo.memberId!;
  if (name === 'promiseId') return leo.promiseId!;
  if (r.startsWith('/api/cochallenge/{id}')) return shared.campaignId!;
  if (name === 'bookingId') return leo.vanBookingId!;
  if (r.startsWith('/api/resources/bookings/')) return leo.bookingId!;
  if (r.startsWith('/api/resources/waitlist/')) return leo.waitId!;
  if (r.startsWith('/api/resources/sites/')) return shared.siteId!;
  if (r.startsWith('/api/resources/kinds/')) return 'hot_desk';
  if (r.startsWith('/api/resources/{id}')) return shared.resourceId!;
  if (r.startsWith('/api/plans/subscriptions/')) return leo.subscriptionId!;
  if (r.startsWith('/api/events/{id}')) return shared.eventId!;
  if (r.startsWith('/api/workclubs/seasons/')) return shared.seasonId!;
  if (r.startsWith('/api/workclubs/groups/')) return leo.groupId!;
  if (r.startsWith('/api/workclubs/goals/')) return leo.goalId!;
  if (name === 'spaceId') return leo.spaceId!;
  if (name === 'bookId') return leo.bookId!;
  if (name === 'pageId') return leo.pageId!;
  if (name === 'questionId') return leo.questionId!;
  if (name === 'number') return '1';
  if (name === 'kind') return 'hot_desk';
  if (name === 'token') return `tok-${randomUUID()}`;
  return randomUUID();
}

/** Query strings a route requires, so that its schema lets the request through to the scope check. */
function queryFor(route: string): string {
  const from = at(wednesday, 0);
  const to = at(addDays(wednesday, 3), 0);
  const q: Record<string, string> = {
    '/api/resources/availability': `?from=${from}&to=${to}&siteId=${shared.siteId}`,
    '/api/resources/occupancy': `?from=${wednesday}&to=${addDays(wednesday, 3)}`,
    '/api/resources/occupancy.csv': `?from=${wednesday}&to=${addDays(wednesday, 3)}`,
    '/api/resources/bookings': `?from=${from}&to=${to}`,
    '/api/plans/billing/items': `?month=${today.slice(0, 7)}`,
    '/api/knowledge/search': '?q=interne',
    '/api/public/knowledge/{coopId}/search': '?q=interne',
    '/api/directory': '?q=Lyon',
  };
  return q[route] ?? '';
}

type Operation = { route: string; key: string };

async function getRoutes(): Promise<Operation[]> {
  const spec = (await mia.get('/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths)
    .filter(([route]) => PREFIXES.some((p) => route === p || route.startsWith(`${p}/`)))
    .filter(([, methods]) => 'get' in methods)
    .map(([route]) => ({ route, key: `GET ${route}` }));
}

/** Walks every GET as `who`; returns what was wrong (a 5xx, a leak, an unexpected status). */
async function walk(who: TestClient, expectStatus: (op: Operation) => number[] | null): Promise<{ problems: string[]; walked: number; answered: string[] }> {
  const problems: string[] = [];
  const answered: string[] = [];
  let walked = 0;
  for (const op of await getRoutes()) {
    const url = op.route.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(paramFor(op.route, name))) + queryFor(op.route);
    const res = await who.get(url);
    walked++;
    if (res.status === 200) answered.push(op.key);
    const allowed = expectStatus(op);
    if (res.status >= 500) problems.push(`${op.key} → ${url}: ${res.status} ${res.raw.slice(0, 200)}`);
    else if (allowed && !allowed.includes(res.status)) problems.push(`${op.key} → ${url}: ${res.status} (expected ${allowed.join('/')}) ${res.raw.slice(0, 160)}`);
    const forbidden = op.route.startsWith('/api/resources') || op.route.startsWith('/api/plans') ? [...secrets, ...bookerSecrets] : secrets;
    const leaked = forbidden.filter((s) => res.raw.includes(s));
    if (leaked.length) problems.push(`${op.key} → ${url}: shows ${leaked.join(' | ')}`);
  }
  return { problems, walked, answered };
}

describe("issues 15 and 16's GET routes, with another member's ids", () => {
  it('has the other member’s data to find (the walk as staff finds it: the search can fail)', async () => {
    for (const k of ['bookingId', 'waitId', 'vanBookingId', 'subscriptionId', 'registrationId', 'applicationId', 'goalId', 'pageId', 'promiseId', 'billingItemIds']) expect(leo[k], k).toBeTruthy();
    const staff = await login(a.staff.email);
    const { problems } = await walk(staff, () => null);
    const found = problems.join('\n');
    for (const s of [LEO_PHONE, LEO_HANDOVER_NOTE, LEO_GOAL, SECRET_PAGE, leo.promiseId!, leo.subscriptionId!]) expect(found, s).toContain(s);
  }, 240_000);

  it('a member gets 403/404, or an answer without any of the other member’s private data', async () => {
    const { problems, walked, answered } = await walk(mia, () => null);
    expect(walked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
    // The walk reached the member's own reads (a route refused to everyone proves nothing).
    for (const own of ['GET /api/plans/me/balance', 'GET /api/resources/bookings/mine', 'GET /api/resources/waitlist/mine', 'GET /api/directory', 'GET /api/directory/{memberId}', 'GET /api/events/{id}', 'GET /api/knowledge/spaces', 'GET /api/workclubs/current']) {
      expect(answered, own).toContain(own);
    }
  }, 240_000);

  it("the profile of the other member answers with what he shows, never his hidden phone or e-mail", async () => {
    const res = await mia.get(`/api/directory/${leo.memberId}`);
    expect(res.status).toBe(200);
    expect(res.body.trade).toBe('Menuisier');
    expect(res.raw).not.toContain(LEO_PHONE);
    expect(res.raw).not.toContain(LEO_EMAIL);
  });

  it('the availability shows the other member’s slot taken, without his name', async () => {
    const res = await mia.get(`/api/resources/availability${queryFor('/api/resources/availability')}`);
    expect(res.status).toBe(200);
    expect(res.raw).toContain(at(wednesday, 9).slice(0, 16));
    for (const s of bookerSecrets) expect(res.raw).not.toContain(s);
  });

  it('a member of another coop sees nothing of this one', async () => {
    const { problems, walked } = await walk(outsider, () => null);
    expect(walked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
    expect((await outsider.get(`/api/directory/${leo.memberId}`)).status).toBe(404);
    expect((await outsider.get(`/api/events/${shared.eventId}`)).status).toBe(404);
    expect((await outsider.get(`/api/resources/bookings/${leo.bookingId}`)).status).toBe(404);
  }, 240_000);

  it('an anonymous visitor gets 401 everywhere but the public routes, which show nothing private', async () => {
    const { problems, walked } = await walk(anonymous, (op) => (PUBLIC(op.route) ? null : [401]));
    expect(walked).toBeGreaterThan(60);
    expect(problems).toEqual([]);
  }, 240_000);
});
