import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberTrades } from '../members/index.js';
import type { GroupView } from './contract.js';
import { proposeSessionDates } from './domain/season-calendar.js';
import { workclubApplications, workclubExternalParticipants, workclubGoals, workclubGroupMembers, workclubGroups, workclubProgress, workclubReviews, workclubSessions } from './schema.js';
import { groupFor, seasonOf, type GroupReader } from './workclub-access.js';

/**
 * A group's page: its people with their trades and projects, the sessions, each person's
 * goals and reports, and the reviews once closed. Goals and reports are shared inside the
 * group on purpose: the others help only with what they can see. Nobody outside the group
 * but the team reads it (`groupFor`).
 */
export async function getGroup(db: Executor, reader: GroupReader, groupId: string): Promise<GroupView> {
  const { group, me } = await groupFor(db, reader, groupId);
  const coopId = reader.coopId;
  const season = await seasonOf(db, coopId, group.seasonId);
  const people = await db.select().from(workclubGroupMembers).where(and(eq(workclubGroupMembers.coopId, coopId), eq(workclubGroupMembers.groupId, groupId))).orderBy(asc(workclubGroupMembers.createdAt), asc(workclubGroupMembers.id));
  const ids = people.map((p) => p.id);
  const none = ids.length === 0;
  const [applications, goals, progress, reviews, sessions, others] = await Promise.all([
    none ? [] : db.select().from(workclubApplications).where(and(eq(workclubApplications.coopId, coopId), inArray(workclubApplications.id, people.map((p) => p.applicationId)))),
    none ? [] : db.select().from(workclubGoals).where(and(eq(workclubGoals.coopId, coopId), inArray(workclubGoals.participantId, ids))).orderBy(asc(workclubGoals.createdAt), asc(workclubGoals.id)),
    none ? [] : db.select().from(workclubProgress).where(and(eq(workclubProgress.coopId, coopId), inArray(workclubProgress.participantId, ids))),
    none ? [] : db.select().from(workclubReviews).where(and(eq(workclubReviews.coopId, coopId), inArray(workclubReviews.participantId, ids))),
    db.select().from(workclubSessions).where(and(eq(workclubSessions.coopId, coopId), eq(workclubSessions.groupId, groupId))).orderBy(asc(workclubSessions.startsAt)),
    reader.team ? db.select({ id: workclubGroups.id, name: workclubGroups.name }).from(workclubGroups).where(and(eq(workclubGroups.coopId, coopId), eq(workclubGroups.seasonId, group.seasonId), ne(workclubGroups.id, groupId), eq(workclubGroups.status, 'active'))).orderBy(asc(workclubGroups.name)) : [],
  ]);
  const externalIds = people.flatMap((p) => (p.externalParticipantId ? [p.externalParticipantId] : []));
  const externals = new Map(
    externalIds.length ? (await db.select({ id: workclubExternalParticipants.id, name: workclubExternalParticipants.name, company: workclubExternalParticipants.company }).from(workclubExternalParticipants).where(and(eq(workclubExternalParticipants.coopId, coopId), inArray(workclubExternalParticipants.id, externalIds)))).map((e) => [e.id, e]) : [],
  );
  const members = await memberTrades(db, coopId, people.flatMap((p) => (p.memberId ? [p.memberId] : [])));
  const applicationOf = new Map(applications.map((a) => [a.id, a]));
  // Reports of the sessions of this group only: a person moved in keeps their old reports, which belong to the old group's sessions.
  const sessionIds = new Set(sessions.map((s) => s.id));
  return {
    id: group.id,
    name: group.name,
    status: group.status,
    season: { id: season.id, name: season.name, startsOn: season.startsOn, endsOn: season.endsOn, status: season.status },
    participants: people.map((p) => {
      const member = p.memberId ? members.get(p.memberId) : undefined;
      const external = p.externalParticipantId ? externals.get(p.externalParticipantId) : undefined;
      const application = applicationOf.get(p.applicationId)!;
      const review = reviews.find((r) => r.participantId === p.id);
      return {
        id: p.id,
        name: member?.name ?? external?.name ?? '',
        trades: member?.trades ?? [],
        company: external?.company ?? null,
        external: p.externalParticipantId !== null,
        projectTitle: application.projectTitle,
        projectDescription: application.projectDescription,
        goals: goals.filter((g) => g.participantId === p.id).map((g) => ({ id: g.id, text: g.text, status: g.status })),
        progress: progress.filter((r) => r.participantId === p.id && sessionIds.has(r.sessionId)).map((r) => ({ sessionId: r.sessionId, report: r.report, status: r.status })),
        review: review ? { achieved: review.achieved, rating: review.rating } : null,
      };
    }),
    sessions: sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, durationMinutes: s.durationMinutes, place: s.place })),
    proposedDates: reader.team ? proposeSessionDates(season.startsOn, season.endsOn) : [],
    me: me?.id ?? null,
    otherGroups: others,
  };
}
