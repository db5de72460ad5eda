import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember, countRows } from '../../../test/support/members-fixtures.js';
import { createQuotingCoop, QUOTE_TOTALS, quoteOf } from '../../../test/support/quotes-fixtures.js';
import { members } from '../members/schema.js';
import type { CochallengeDetail, PlanView } from './contract.js';
import { cochallengePresentations, cochallengePromises } from './schema.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof createQuotingCoop>>;
let staff: TestClient;
let mia: TestClient;
let nina: TestClient;
let staffB: TestClient;
let miaId: string;
let ninaId: string;
let campaignId: string;
const TRADES = ['graphisme', 'développement web', 'photographie', 'menuiserie'];

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  f = await createQuotingCoop(db, 'cochallenge');
  const b = await createTestCoop(db, 'cochallenge-b');
  [miaId] = (await db.select({ id: members.id }).from(members).where(and(eq(members.coopId, f.coop.id), eq(members.userId, f.coop.member.id)))).map((r) => r.id) as [string];
  await db.update(members).set({ trades: ['graphisme'], skills: ['identité visuelle'] }).where(and(eq(members.coopId, f.coop.id), eq(members.id, miaId)));
  const ninaUser = await createPerson(db, f.coop.id, 'nina@cochallenge.test', 'Nina Pitch', ['member']);
  ninaId = (await addMember(db, f.coop, { firstName: 'Nina', lastName: 'Pitch', email: 'nina@cochallenge.test', userId: ninaUser.id, trades: ['photographie'] })).id;
  [staff, mia, nina, staffB] = await Promise.all([login(f.coop.staff.email), login(f.coop.member.email), login('nina@cochallenge.test'), login(b.staff.email)]);
});
afterAll(() => t.close());

describe('a cochallenge, from setup to the euros it brought', () => {
  let plan: PlanView;
  const others: string[] = [];

  it('is set up by staff: companies with slots, members with roles, pairs that mix trades', async () => {
    const created = await staff.post('/api/cochallenge', { name: 'Cochallenge 2026', day: '2026-06-11', goalPromises: 40 });
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    for (let i = 0; i < 10; i++) {
      others.push((await addMember(t.database.db, f.coop, { firstName: `Membre${i}`, lastName: 'Test', trades: [TRADES[i % 4]!], skills: ['restauration'] })).id);
    }
    for (let i = 0; i < 8; i++) {
      const res = await staff.post(`/api/cochallenge/${campaignId}/companies`, { name: `Entreprise ${i}`, tags: [i % 2 ? 'restauration' : 'industrie', TRADES[i % 4]], slots: 1 });
      expect(res.status).toBe(201);
    }
    const pitchers = [miaId, ninaId, ...others.slice(0, 6)];
    for (const m of pitchers) expect((await staff.put(`/api/cochallenge/${campaignId}/participants/${m}`, { role: 'pitcher', pitch: 'Une ligne de pitch' })).status).toBe(200);
    for (const m of others.slice(6)) expect((await staff.put(`/api/cochallenge/${campaignId}/participants/${m}`, { role: 'profile' })).status).toBe(200);
    const proposed = await staff.post(`/api/cochallenge/${campaignId}/pairs/propose`, { seed: 3 });
    expect(proposed.status).toBe(200);
    const detail = proposed.body as CochallengeDetail;
    expect(detail.pairs).toHaveLength(4);
    expect(detail.sameTradePairs).toBe(0);
    expect(detail.participants).toHaveLength(12);
    // Staff set their own pairs: Mia with a developer, Nina in another pair.
    const set = await staff.put(`/api/cochallenge/${campaignId}/pairs`, {
      pairs: [
        [miaId, others[1]],
        [ninaId, others[0]],
        [others[2], others[3]],
        [others[4], others[5]],
      ],
    });
    expect(set.status).toBe(200);
    const twice = await staff.put(`/api/cochallenge/${campaignId}/pairs`, { pairs: [[miaId, others[1]], [miaId, others[2]]] });
    expect(twice.status).toBe(400);
    expect(twice.body.error.fields[0].path).toContain('pairs');
  });

  it('refuses a plan with a clear reason when there are too few profiles, and writes nothing', async () => {
    const small = (await staff.post('/api/cochallenge', { name: 'Trop petit', day: '2026-06-12', goalPromises: 5 })).body.id as string;
    await staff.post(`/api/cochallenge/${small}/companies`, { name: 'Seule', tags: [] });
    for (const m of [miaId, ninaId]) await staff.put(`/api/cochallenge/${small}/participants/${m}`, { role: 'pitcher' });
    await staff.put(`/api/cochallenge/${small}/pairs`, { pairs: [[miaId, ninaId]] });
    const before = await countRows(t.database.db, cochallengePresentations);
    const res = await staff.post(`/api/cochallenge/${small}/plan`, { seed: 1 });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/au moins 8 profils/u);
    expect(await countRows(t.database.db, cochallengePresentations)).toBe(before);
  });

  it('stores a plan that keeps every guarantee: nobody pitches themselves, fair counts, no double booking', async () => {
    const res = await staff.post(`/api/cochallenge/${campaignId}/plan`, { seed: 42 });
    expect(res.status).toBe(200);
    plan = res.body;
    expect(plan.cochallenge.status).toBe('planned');
    expect(plan.meetings).toHaveLength(8);
    const detail = (await staff.get(`/api/cochallenge/${campaignId}`)).body as CochallengeDetail;
    const pairMembers = new Map(detail.pairs.map((p) => [p.id, p.members.map((m) => m.memberId)]));
    const slots = new Set<string>();
    const shown = new Set<string>();
    for (const m of plan.meetings) {
      expect(m.profiles).toHaveLength(6);
      for (const p of m.profiles) {
        expect(pairMembers.get(m.pairId)).not.toContain(p.memberId);
        expect(shown.has(`${m.companyId}/${p.memberId}`)).toBe(false);
        shown.add(`${m.companyId}/${p.memberId}`);
      }
      expect(slots.has(`${m.pairId}@${m.round}`)).toBe(false);
      slots.add(`${m.pairId}@${m.round}`);
    }
    // 8 meetings × 6 = 48 presentations for 12 profiles: exactly 4 each.
    expect(plan.target).toEqual({ exact: 4, floor: 4, ceil: 4 });
    expect(plan.presentations.every((p) => p.count === 4)).toBe(true);
    expect(plan.meetings.filter((m) => m.pairId === detail.pairs[0]!.id).map((m) => m.startsAt)).toEqual(['09:00', '09:30']);
    // Re-planning is allowed until the day.
    expect((await staff.post(`/api/cochallenge/${campaignId}/plan`, { seed: 7 })).status).toBe(200);
    plan = (await staff.get(`/api/cochallenge/${campaignId}/plan`)).body;
  });

  it('takes promises only once the day is live', async () => {
    const meeting = plan.meetings.find((m) => m.pairNumber === 1)!;
    const early = await mia.post(`/api/cochallenge/${campaignId}/promises`, { idempotencyKey: randomUUID(), meetingId: meeting.id, profileMemberId: meeting.profiles[0]!.memberId });
    expect(early.status).toBe(409);
    expect((await staff.post(`/api/cochallenge/${campaignId}/status`, { status: 'live' })).status).toBe(200);
    expect((await staff.post(`/api/cochallenge/${campaignId}/plan`, { seed: 8 })).status).toBe(409);
  });

  it('shows a pitcher her day: her companies in order and the profiles to present', async () => {
    const day = await mia.get(`/api/cochallenge/${campaignId}/my-day`);
    expect(day.status).toBe(200);
    expect(day.body.pairNumber).toBe(1);
    expect(day.body.meetings).toHaveLength(2);
    expect(day.body.meetings[0].profiles).toHaveLength(6);
    expect(day.body.meetings.flatMap((m: { profiles: { memberId: string }[] }) => m.profiles.map((p) => p.memberId))).not.toContain(miaId);
  });

  it('counts a promise recorded twice with one key once (a double tap offline), 201 then 200', async () => {
    const meeting = plan.meetings.find((m) => m.pairNumber === 1)!;
    const body = { idempotencyKey: randomUUID(), meetingId: meeting.id, profileMemberId: meeting.profiles[0]!.memberId };
    const first = await mia.post(`/api/cochallenge/${campaignId}/promises`, body);
    expect(first.status).toBe(201);
    const again = await mia.post(`/api/cochallenge/${campaignId}/promises`, body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const counter = await nina.get(`/api/cochallenge/${campaignId}/counter`);
    expect(counter.status).toBe(200);
    expect(counter.body).toMatchObject({ goal: 40, promised: 1 });
    expect(counter.body.byPair[0]).toMatchObject({ pairNumber: 1, promised: 1 });
    // The same key for another profile is a client bug, not a new promise.
    const reused = await mia.post(`/api/cochallenge/${campaignId}/promises`, { ...body, profileMemberId: meeting.profiles[1]!.memberId });
    expect(reused.status).toBe(409);
  });

  it('counts two concurrent identical POSTs once', async () => {
    const meeting = plan.meetings.find((m) => m.pairNumber === 1)!;
    const body = { idempotencyKey: randomUUID(), meetingId: meeting.id, profileMemberId: meeting.profiles[1]!.memberId };
    const [a, b] = await Promise.all([mia.post(`/api/cochallenge/${campaignId}/promises`, body), mia.post(`/api/cochallenge/${campaignId}/promises`, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    // Two phones of the pair tapping the same profile with their own keys also count once.
    const [c, d] = await Promise.all([
      mia.post(`/api/cochallenge/${campaignId}/promises`, { ...body, idempotencyKey: randomUUID(), profileMemberId: meeting.profiles[2]!.memberId }),
      mia.post(`/api/cochallenge/${campaignId}/promises`, { ...body, idempotencyKey: randomUUID(), profileMemberId: meeting.profiles[2]!.memberId }),
    ]);
    expect([c.status, d.status].sort()).toEqual([200, 201]);
    expect(c.body.id).toBe(d.body.id);
    expect((await staff.get(`/api/cochallenge/${campaignId}/counter`)).body.promised).toBe(3);
  });

  it('refuses a promise from a member who is not a pitcher of that meeting, and a profile not presented there', async () => {
    const meeting = plan.meetings.find((m) => m.pairNumber === 1)!;
    const before = await countRows(t.database.db, cochallengePromises);
    const byNina = await nina.post(`/api/cochallenge/${campaignId}/promises`, { idempotencyKey: randomUUID(), meetingId: meeting.id, profileMemberId: meeting.profiles[3]!.memberId });
    expect(byNina.status).toBe(403);
    expect(byNina.body.error.code).toBe('NOT_PITCHER_OF_MEETING');
    const notThere = await mia.post(`/api/cochallenge/${campaignId}/promises`, { idempotencyKey: randomUUID(), meetingId: meeting.id, profileMemberId: miaId });
    expect(notThere.status).toBe(400);
    expect(await countRows(t.database.db, cochallengePromises)).toBe(before);
    // Another coop's staff does not even see the campaign.
    expect((await staffB.get(`/api/cochallenge/${campaignId}`)).status).toBe(404);
    expect((await mia.get(`/api/cochallenge/${campaignId}/promises`)).status).toBe(403);
  });

  it('follows a promise to a quote, and the results show what the day brought in euros', async () => {
    const promises = (await staff.get(`/api/cochallenge/${campaignId}/promises`)).body.items as { id: string }[];
    expect(promises).toHaveLength(3);
    const id = promises[0]!.id;
    expect((await staff.patch(`/api/cochallenge/${campaignId}/promises/${id}`, { status: 'meeting_held' })).status).toBe(200);
    const noQuote = await staff.patch(`/api/cochallenge/${campaignId}/promises/${id}`, { status: 'quote_sent' });
    expect(noQuote.status).toBe(400);
    expect(noQuote.body.error.fields[0].path).toBe('quoteId');
    const unknown = await staff.patch(`/api/cochallenge/${campaignId}/promises/${id}`, { status: 'quote_sent', quoteId: randomUUID() });
    expect(unknown.status).toBe(400);
    const quote = await mia.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
    expect(quote.status).toBe(201);
    const linked = await staff.patch(`/api/cochallenge/${campaignId}/promises/${id}`, { status: 'quote_sent', quoteId: quote.body.id });
    expect(linked.status).toBe(200);
    expect(linked.body).toMatchObject({ status: 'quote_sent', quoteId: quote.body.id, quoteNetCents: QUOTE_TOTALS.netCents });
    expect((await staff.patch(`/api/cochallenge/${campaignId}/promises/${id}`, { status: 'meeting_held' })).status).toBe(409);
    const results = await staff.get(`/api/cochallenge/${campaignId}/results`);
    expect(results.status).toBe(200);
    expect(results.body).toMatchObject({ promised: 3, quotedCents: QUOTE_TOTALS.netCents, signedCents: 0, quotes: 1, contracts: 0 });
    expect(results.body.byStatus).toMatchObject({ promised: 2, quote_sent: 1 });
  });
});
