import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { addMember, countRows } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { signLink } from '../../platform/auth/signed-links.js';
import { addDays, todayFromClock } from '../../platform/calendar/index.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import type { MailAttachment } from '../../platform/mail/outbox.js';
import { GUEST_LINK_PURPOSE, guestSubject } from './domain/guest-link.js';
import { workclubApplications, workclubExternalParticipants, workclubGoals, workclubGroups, workclubProgress, workclubSeasons } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staff: TestClient;
let staffB: TestClient;
const members: { client: TestClient; memberId: string; trade: string }[] = [];
const today = todayFromClock();
let seasonId: string;
let guestToken: string;
let guestId: string;

/** The first .ics attached to a mail, read back from the storage as the outbox would send it. */
async function icsOf(mail: { attachments: MailAttachment[] }) {
  const att = mail.attachments[0]!;
  const read = await t.app.deps.storage.read(att.storageKey, att);
  if (!read.ok) throw new Error(`attachment ${read.problem}`);
  return new ICAL.Component(ICAL.parse(read.bytes.toString('utf8')));
}
/** The wall-clock time in Paris the mails must show (the tests' offsets are not Paris' in every season). */
const parisHm = (iso: string) => new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
const mailsOf = (template: string) => t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.coopId, a.id), eq(mailOutbox.template, template)));

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

// Eight members, two of each of four trades: a naive split in arrival order would pair them.
const TRADES = ['graphiste', 'graphiste', 'menuisier', 'menuisier', 'photographe', 'photographe', 'traductrice', 'traductrice'];

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'wc-a');
  b = await createTestCoop(t.database.db, 'wc-b');
  const db = t.database.db;
  for (const [i, trade] of TRADES.entries()) {
    const email = i === 0 ? a.member.email : `wc-${i}-${Math.random().toString(36).slice(2, 7)}@workclubs.test`;
    const user = i === 0 ? a.member : await createPerson(db, a.id, email, `Membre ${i}`, ['member']);
    const { id } = await addMember(db, a, { firstName: 'Membre', lastName: `${i}`, email, userId: user.id, trades: [trade] });
    members.push({ client: await login(email), memberId: id, trade });
  }
  [staff, staffB] = await Promise.all([login(a.staff.email), login(b.staff.email)]);
});
afterAll(() => t.close());

describe('a workclub season through the API', () => {
  it('staff open a season that runs 45 days by default; bad input is a 400 naming the field, nothing written', async () => {
    const before = await countRows(t.database.db, workclubSeasons);
    const bad = await staff.post('/api/workclubs/seasons', { name: 'Saison', applicationsOpenOn: today, applicationsCloseOn: addDays(today, -1), startsOn: addDays(today, 10) });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('applicationsCloseOn');
    expect((await staff.post('/api/workclubs/seasons', { name: '', applicationsOpenOn: 'hier', startsOn: 3 })).status).toBe(400);
    expect(await countRows(t.database.db, workclubSeasons)).toBe(before);
    expect((await members[0]!.client.post('/api/workclubs/seasons', { name: 'X', applicationsOpenOn: today, applicationsCloseOn: today, startsOn: today })).status).toBe(403);

    const res = await staff.post('/api/workclubs/seasons', { name: "Saison d'automne", applicationsOpenOn: today, applicationsCloseOn: addDays(today, 7), startsOn: addDays(today, 10) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', startsOn: addDays(today, 10), endsOn: addDays(today, 55) });
    seasonId = res.body.id;
    expect((await staff.post('/api/workclubs/seasons', { name: "Saison d'automne", applicationsOpenOn: today, applicationsCloseOn: today, startsOn: today })).status).toBe(409);
  });

  it('members apply with their project, and may withdraw and come back; one application each', async () => {
    for (const [i, m] of members.entries()) {
      const res = await m.client.post(`/api/workclubs/seasons/${seasonId}/applications`, { projectTitle: `Projet ${i}`, projectDescription: `Lancer mon offre ${m.trade}` });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ status: 'submitted', trades: [m.trade], memberId: m.memberId });
    }
    expect((await members[1]!.client.post(`/api/workclubs/seasons/${seasonId}/applications`, { projectTitle: ' ' })).status).toBe(400);
    const withdrawn = await members[1]!.client.post(`/api/workclubs/seasons/${seasonId}/applications/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await members[1]!.client.get('/api/workclubs/current')).body.application.status).toBe('withdrawn');
    const back = await members[1]!.client.post(`/api/workclubs/seasons/${seasonId}/applications`, { projectTitle: 'Projet 1 bis', projectDescription: 'Mieux dit' });
    expect(back.body).toMatchObject({ status: 'submitted', projectTitle: 'Projet 1 bis' });
    const own = await t.database.db.select().from(workclubApplications).where(and(eq(workclubApplications.coopId, a.id), eq(workclubApplications.memberId, members[1]!.memberId)));
    expect(own).toHaveLength(1);
  });

  it('staff invite a partner-company guest by mail: no account, a signed link in the outbox', async () => {
    const res = await staff.post(`/api/workclubs/seasons/${seasonId}/guests`, { name: 'Inès Partenaire', email: 'INES@partenaire.test', company: 'Partenaire SA', projectTitle: 'Ouvrir un atelier', projectDescription: 'Trouver des artisans' });
    expect(res.status).toBe(201);
    guestId = res.body.externalParticipantId;
    const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, res.body.mailId));
    expect(mail!.toAddress).toBe('ines@partenaire.test');
    const link = /http:\/\/mutualise\.test\/workclubs\/guest\/(\S+)/.exec(mail!.textBody);
    guestToken = link![1]!;
    expect((await t.client().get(`/api/portal/workclubs/${guestToken}`)).body).toEqual({ group: null });
    expect((await staff.post(`/api/workclubs/seasons/${seasonId}/guests`, { name: 'Inès', email: 'ines@partenaire.test', company: 'P', projectTitle: 'P', projectDescription: 'P' })).status).toBe(409);
    expect((await staff.post(`/api/workclubs/seasons/${seasonId}/guests`, { name: 'X', email: 'pas-une-adresse', company: 'P', projectTitle: 'P', projectDescription: 'P' })).status).toBe(400);
  });

  it('proposes groups of 5 and 4 that never put two people of one trade together', async () => {
    const res = await staff.get(`/api/workclubs/seasons/${seasonId}/proposal?seed=7`);
    expect(res.status).toBe(200);
    expect(res.body.groups.map((g: { applicationIds: string[] }) => g.applicationIds.length)).toEqual([5, 4]);
    const detail = await staff.get(`/api/workclubs/seasons/${seasonId}`);
    const tradeOf = new Map(detail.body.applications.map((x: { id: string; trades: string[] }) => [x.id, x.trades[0] ?? x.id]));
    for (const g of res.body.groups as { applicationIds: string[] }[]) {
      const trades = g.applicationIds.map((id) => tradeOf.get(id));
      expect(new Set(trades).size).toBe(trades.length);
    }
    expect((await staff.get(`/api/workclubs/seasons/${seasonId}/proposal?seed=7`)).body).toEqual(res.body);
    expect((await staff.get(`/api/workclubs/seasons/${seasonId}/proposal?seed=-1`)).status).toBe(400);
    expect((await members[0]!.client.get(`/api/workclubs/seasons/${seasonId}/proposal`)).status).toBe(403);
  });

  it('staff confirm the groups: everyone placed once, or a 400 naming the entry; applications then close', async () => {
    const proposal = (await staff.get(`/api/workclubs/seasons/${seasonId}/proposal?seed=7`)).body.groups.map((g: { applicationIds: string[] }) => ({ applicationIds: g.applicationIds }));
    const missing = await staff.post(`/api/workclubs/seasons/${seasonId}/groups`, { groups: [proposal[0]] });
    expect(missing.status).toBe(400);
    const twice = await staff.post(`/api/workclubs/seasons/${seasonId}/groups`, { groups: [proposal[0], { applicationIds: [...proposal[1].applicationIds, proposal[0].applicationIds[0]] }] });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(twice.body)).toContain('groups.1.applicationIds.4');
    expect(await countRows(t.database.db, workclubGroups)).toBe(0);

    const res = await staff.post(`/api/workclubs/seasons/${seasonId}/groups`, { groups: proposal });
    expect(res.status).toBe(200);
    expect(res.body.season.status).toBe('running');
    expect(res.body.groups.map((g: { name: string }) => g.name)).toEqual(['A', 'B']);
    expect(res.body.applications.every((x: { status: string; groupId: string | null }) => x.status === 'placed' && x.groupId)).toBe(true);
    expect((await staff.post(`/api/workclubs/seasons/${seasonId}/groups`, { groups: proposal })).status).toBe(409);
    expect((await members[0]!.client.post(`/api/workclubs/seasons/${seasonId}/applications`, { projectTitle: 'Tard', projectDescription: 'Trop tard' })).status).toBe(409);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'workclub_season.groups_confirmed')));
    expect(audit).toBeDefined();
  });

  it('a member reads their own group only: another group answers 404, as for another coop', async () => {
    const mine = await members[0]!.client.get('/api/workclubs/current');
    const groupId = mine.body.groupId as string;
    const group = await members[0]!.client.get(`/api/workclubs/groups/${groupId}`);
    expect(group.status).toBe(200);
    expect(group.body.me).toBeTruthy();
    expect(group.body.participants.some((p: { trades: string[] }) => p.trades.includes('graphiste'))).toBe(true);
    const detail = (await staff.get(`/api/workclubs/seasons/${seasonId}`)).body;
    const other = detail.groups.find((g: { id: string }) => g.id !== groupId).id as string;
    expect((await members[0]!.client.get(`/api/workclubs/groups/${other}`)).status).toBe(404);
    expect((await members[0]!.client.get(`/api/workclubs/groups/${other}/calendar.ics`)).status).toBe(404);
    expect((await staff.get(`/api/workclubs/groups/${other}`)).status).toBe(200);
    expect((await staffB.get(`/api/workclubs/groups/${groupId}`)).status).toBe(404);
    expect(JSON.stringify(group.body)).not.toContain('linkSecret');
    expect(JSON.stringify(group.body)).not.toContain('@');
  });

  it('staff schedule sessions; the group gets an iCalendar in Paris time', async () => {
    const groupId = (await members[0]!.client.get('/api/workclubs/current')).body.groupId as string;
    const startsAt = `${addDays(today, 10)}T09:30:00+02:00`;
    const res = await staff.post(`/api/workclubs/groups/${groupId}/sessions`, { startsAt, durationMinutes: 90, place: 'Salle Jaurès' });
    expect(res.status).toBe(201);
    expect((await staff.post(`/api/workclubs/groups/${groupId}/sessions`, { startsAt, place: 'Salle Jaurès' })).status).toBe(400);
    expect((await staff.post(`/api/workclubs/groups/${groupId}/sessions`, { startsAt: '2026-13-01T09:00', place: 'x' })).status).toBe(400);
    expect((await members[0]!.client.post(`/api/workclubs/groups/${groupId}/sessions`, { startsAt, place: 'x' })).status).toBe(403);
    const ics = await members[0]!.client.get(`/api/workclubs/groups/${groupId}/calendar.ics`);
    expect(ics.status).toBe(200);
    expect(String(ics.headers['content-type'])).toContain('text/calendar');
    const parsed = new ICAL.Component(ICAL.parse(ics.raw));
    expect(parsed.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    const event = new ICAL.Event(parsed.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(startsAt).toISOString());
    expect(event.location).toBe('Salle Jaurès');

    // Each participant is mailed, in French then English, with the group's calendar attached.
    const view = (await staff.get(`/api/workclubs/groups/${groupId}`)).body;
    const mails = await mailsOf('workclub.session_scheduled');
    expect(mails).toHaveLength(view.participants.length);
    const mine = mails.find((m) => m.textBody.startsWith('Bonjour Membre 0,'));
    expect(mine!.textBody).toMatch(new RegExp(`Bonjour Membre 0[\\s\\S]*${parisHm(startsAt)} \\(heure de Paris\\)[\\s\\S]*Hello Membre 0`));
    const attached = await icsOf(mine!);
    const mailed = new ICAL.Event(attached.getFirstSubcomponent('vevent')!);
    expect(mailed.uid).toBe(event.uid);
    expect(mailed.startDate.toJSDate().toISOString()).toBe(new Date(startsAt).toISOString());
    expect(attached.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    // A refused session mails nobody.
    expect(await mailsOf('workclub.session_scheduled')).toHaveLength(view.participants.length);
  });

  it('staff move a session: same UID, SEQUENCE + 1, each participant mailed the update; bad input 400, nothing mailed', async () => {
    const groupId = (await members[0]!.client.get('/api/workclubs/current')).body.groupId as string;
    const view = (await staff.get(`/api/workclubs/groups/${groupId}`)).body;
    const sessionId = view.sessions[0].id as string;
    const before = (await mailsOf('workclub.session_rescheduled')).length;
    expect((await staff.patch(`/api/workclubs/sessions/${sessionId}`, {})).status).toBe(400);
    expect((await staff.patch(`/api/workclubs/sessions/${sessionId}`, { durationMinutes: 5 })).status).toBe(400);
    expect((await members[0]!.client.patch(`/api/workclubs/sessions/${sessionId}`, { place: 'Ailleurs' })).status).toBe(403);
    expect((await staffB.patch(`/api/workclubs/sessions/${sessionId}`, { place: 'Ailleurs' })).status).toBe(404);
    expect(await mailsOf('workclub.session_rescheduled')).toHaveLength(before);

    const newStart = `${addDays(today, 11)}T10:00:00+02:00`;
    const moved = await staff.patch(`/api/workclubs/sessions/${sessionId}`, { startsAt: newStart });
    expect(moved.status).toBe(200);
    expect(new Date(moved.body.startsAt).toISOString()).toBe(new Date(newStart).toISOString());
    const mails = (await mailsOf('workclub.session_rescheduled')).slice(before);
    expect(mails).toHaveLength(view.participants.length);
    expect(mails[0]!.textBody).toContain(`${parisHm(newStart)} (heure de Paris)`);
    const event = new ICAL.Event((await icsOf(mails[0]!)).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe(`workclub-session-${sessionId}`);
    expect(event.sequence).toBe(1);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(newStart).toISOString());
    const download = new ICAL.Component(ICAL.parse((await members[0]!.client.get(`/api/workclubs/groups/${groupId}/calendar.ics`)).raw));
    expect(new ICAL.Event(download.getFirstSubcomponent('vevent')!).sequence).toBe(1);
    // The same change again is no change: no new version, no mail.
    expect((await staff.patch(`/api/workclubs/sessions/${sessionId}`, { startsAt: newStart })).status).toBe(200);
    expect(await mailsOf('workclub.session_rescheduled')).toHaveLength(before + view.participants.length);
  });

  it('a participant sets goals and reports progress at a session; reporting again rewrites it', async () => {
    const m = members[0]!;
    const groupId = (await m.client.get('/api/workclubs/current')).body.groupId as string;
    const sessionId = (await m.client.get(`/api/workclubs/groups/${groupId}`)).body.sessions[0].id as string;
    const set = await m.client.post(`/api/workclubs/groups/${groupId}/goals`, { text: 'Trois rendez-vous clients' });
    expect(set.status).toBe(201);
    const goal = set.body.participants.find((p: { id: string }) => p.id === set.body.me).goals[0];
    expect(goal).toMatchObject({ text: 'Trois rendez-vous clients', status: 'open' });
    expect((await m.client.put(`/api/workclubs/groups/${groupId}/progress`, { sessionId, report: 'Un rendez-vous pris', status: 'on_track' })).status).toBe(200);
    const again = await m.client.put(`/api/workclubs/groups/${groupId}/progress`, { sessionId, report: 'Deux rendez-vous', status: 'blocked' });
    expect(again.body.participants.find((p: { id: string }) => p.id === again.body.me).progress).toEqual([{ sessionId, report: 'Deux rendez-vous', status: 'blocked' }]);
    expect((await m.client.put(`/api/workclubs/groups/${groupId}/progress`, { sessionId, report: 'x', status: 'great' })).status).toBe(400);
    expect((await m.client.put(`/api/workclubs/groups/${groupId}/progress`, { sessionId: goal.id, report: 'x', status: 'done' })).status).toBe(400);
    const achieved = await m.client.patch(`/api/workclubs/goals/${goal.id}`, { status: 'achieved' });
    expect(achieved.status).toBe(200);
    expect((await m.client.patch(`/api/workclubs/goals/${goal.id}`, { status: 'dropped' })).status).toBe(400);
    expect((await m.client.patch(`/api/workclubs/goals/${goal.id}`, {})).status).toBe(400);
    // A group-mate reads the goal but cannot change it.
    const mate = members.find((_, i) => i > 0 && set.body.participants.some((p: { name: string }) => p.name === `Membre ${i}`));
    expect(mate).toBeDefined();
    expect((await mate!.client.patch(`/api/workclubs/goals/${goal.id}`, { status: 'open' })).status).toBe(404);
    expect(await countRows(t.database.db, workclubProgress)).toBe(1);
  });

  it("the guest's link opens their group only, lets them set goals and report, and stops at expiry or when forged", async () => {
    const anonymous = t.client();
    const page = await anonymous.get(`/api/portal/workclubs/${guestToken}`);
    expect(page.status).toBe(200);
    const group = page.body.group;
    expect(group.participants.find((p: { id: string }) => p.id === group.me)).toMatchObject({ external: true, company: 'Partenaire SA' });
    const goal = await anonymous.post(`/api/portal/workclubs/${guestToken}/goals`, { text: 'Rencontrer deux menuisiers' });
    expect(goal.status).toBe(201);
    const session = await staff.post(`/api/workclubs/groups/${group.id}/sessions`, { startsAt: `${addDays(today, 24)}T14:00:00+02:00`, place: 'https://visio.example/wc' });
    const reported = await anonymous.put(`/api/portal/workclubs/${guestToken}/progress`, { sessionId: session.body.id, report: 'Premier contact', status: 'on_track' });
    expect(reported.status).toBe(200);
    expect(reported.body.group.participants.find((p: { id: string }) => p.id === group.me).goals.map((g: { text: string }) => g.text)).toEqual(['Rencontrer deux menuisiers']);
    const [guest] = await t.database.db.select().from(workclubExternalParticipants).where(eq(workclubExternalParticipants.id, guestId));
    const expired = signLink({ purpose: GUEST_LINK_PURPOSE, subjectId: guestSubject(a.id, guestId), expiresAt: new Date(Date.now() - 1000) }, guest!.linkSecret);
    expect((await anonymous.get(`/api/portal/workclubs/${expired}`)).status).toBe(404);
    const forged = signLink({ purpose: GUEST_LINK_PURPOSE, subjectId: guestSubject(a.id, guestId), expiresAt: new Date(Date.now() + 86_400_000) }, 'x'.repeat(43));
    expect((await anonymous.get(`/api/portal/workclubs/${forged}`)).status).toBe(404);
    const wrongPurpose = signLink({ purpose: 'quote.portal', subjectId: guestSubject(a.id, guestId), expiresAt: new Date(Date.now() + 86_400_000) }, guest!.linkSecret);
    expect((await anonymous.get(`/api/portal/workclubs/${wrongPurpose}`)).status).toBe(404);
    expect((await anonymous.get('/api/portal/workclubs/n-importe-quoi')).status).toBe(404);
    expect((await anonymous.post(`/api/portal/workclubs/${expired}/goals`, { text: 'Intrus' })).status).toBe(404);
    expect((await anonymous.post(`/api/portal/workclubs/${guestToken}/goals`, { text: '' })).status).toBe(400);
    const goals = await t.database.db.select().from(workclubGoals).where(eq(workclubGoals.coopId, a.id));
    expect(goals.map((g) => g.text)).not.toContain('Intrus');
  });

  it('staff revoke a guest link (audited): the link opens a "revoked" page and writes nothing; a new invitation mails a new link, the old one stays dead', async () => {
    const anonymous = t.client();
    expect((await members[0]!.client.post(`/api/workclubs/guests/${guestId}/revoke`)).status).toBe(403);
    expect((await staffB.post(`/api/workclubs/guests/${guestId}/revoke`)).status).toBe(404);
    const revoked = await staff.post(`/api/workclubs/guests/${guestId}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toEqual({ externalParticipantId: guestId, linkRevoked: true, mailId: null });
    expect((await staff.post(`/api/workclubs/guests/${guestId}/revoke`)).status).toBe(200);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'workclub_guest.link_revoked')));
    expect(audits).toHaveLength(1);
    const page = await anonymous.get(`/api/portal/workclubs/${guestToken}`);
    expect(page.status).toBe(404);
    expect(page.body.error.code).toBe('LINK_REVOKED');
    expect(JSON.stringify(page.body)).not.toContain('Partenaire');
    expect((await anonymous.post(`/api/portal/workclubs/${guestToken}/goals`, { text: 'Après coupure' })).status).toBe(404);
    expect((await t.database.db.select().from(workclubGoals).where(eq(workclubGoals.coopId, a.id))).map((g) => g.text)).not.toContain('Après coupure');
    const detail = (await staff.get(`/api/workclubs/seasons/${seasonId}`)).body;
    expect(detail.applications.find((x: { externalParticipantId: string | null }) => x.externalParticipantId === guestId).linkRevoked).toBe(true);
    // A revoked guest is no longer mailed the sessions of their group.
    const group = detail.groups.find((g: { applicationIds: string[] }) => g.applicationIds.some((id: string) => detail.applications.find((x: { id: string }) => x.id === id).externalParticipantId === guestId));
    const toGuest = async () => (await mailsOf('workclub.session_scheduled')).filter((m) => m.toAddress === 'ines@partenaire.test').length;
    const mailedBefore = await toGuest();
    expect((await staff.post(`/api/workclubs/groups/${group.id}/sessions`, { startsAt: `${addDays(today, 30)}T14:00:00+02:00`, place: 'Salle Jaurès' })).status).toBe(201);
    expect(await toGuest()).toBe(mailedBefore);

    const again = await staff.post(`/api/workclubs/guests/${guestId}/reinvite`);
    expect(again.status).toBe(200);
    expect(again.body.linkRevoked).toBe(false);
    const [mail] = await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, again.body.mailId));
    expect(mail!.template).toBe('workclub.guest_reinvited');
    const fresh = /http:\/\/mutualise\.test\/workclubs\/guest\/(\S+)/.exec(mail!.textBody)![1]!;
    expect(fresh).not.toBe(guestToken);
    expect((await anonymous.get(`/api/portal/workclubs/${fresh}`)).status).toBe(200);
    const old = await anonymous.get(`/api/portal/workclubs/${guestToken}`);
    expect(old.status).toBe(404);
    expect(old.body.error.code).toBe('LINK_INVALID');
    expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'workclub_guest.reinvited')))).toHaveLength(1);
    guestToken = fresh;
  });

  it('staff move one person, then close a group with a review per project; a closed group takes no more goals', async () => {
    const detail = (await staff.get(`/api/workclubs/seasons/${seasonId}`)).body;
    const [first, second] = detail.groups as { id: string }[];
    const view = (await staff.get(`/api/workclubs/groups/${first!.id}`)).body;
    const moving = view.participants[view.participants.length - 1].id as string;
    const moved = await staff.post(`/api/workclubs/groups/${first!.id}/move`, { participantId: moving, toGroupId: second!.id });
    expect(moved.status).toBe(200);
    expect(moved.body.participants.map((p: { id: string }) => p.id)).not.toContain(moving);
    expect((await staff.post(`/api/workclubs/groups/${first!.id}/move`, { participantId: moving, toGroupId: second!.id })).status).toBe(400);

    const target = (await staff.get(`/api/workclubs/groups/${second!.id}`)).body;
    expect(target.participants.map((p: { id: string }) => p.id)).toContain(moving);
    const reviews = target.participants.map((p: { id: string }) => ({ participantId: p.id, achieved: 'Premier client signé', rating: 4 }));
    expect((await staff.post(`/api/workclubs/groups/${second!.id}/close`, { reviews: reviews.slice(1) })).status).toBe(400);
    expect((await staff.post(`/api/workclubs/groups/${second!.id}/close`, { reviews: reviews.map((r: object) => ({ ...r, rating: 6 })) })).status).toBe(400);
    const closed = await staff.post(`/api/workclubs/groups/${second!.id}/close`, { reviews });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect(closed.body.participants.every((p: { review: { rating: number } | null }) => p.review?.rating === 4)).toBe(true);
    expect((await staff.post(`/api/workclubs/groups/${second!.id}/close`, { reviews })).status).toBe(409);
    const inClosed = members.find((_, i) => target.participants.some((p: { name: string }) => p.name === `Membre ${i}`));
    expect(inClosed).toBeDefined();
    expect((await inClosed!.client.post(`/api/workclubs/groups/${second!.id}/goals`, { text: 'Encore' })).status).toBe(409);
  });
});
