import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberIdOfUser, memberTrades } from '../members/index.js';
import type { Application, CurrentView, Season, SeasonDetail } from './contract.js';
import { seasonView } from './open-season.js';
import { workclubApplications, workclubExternalParticipants, workclubGroupMembers, workclubGroups, workclubSeasons } from './schema.js';
import { seasonOf } from './workclub-access.js';

export async function listSeasons(db: Executor, coopId: string): Promise<Season[]> {
  const rows = await db.select().from(workclubSeasons).where(eq(workclubSeasons.coopId, coopId)).orderBy(desc(workclubSeasons.startsOn), asc(workclubSeasons.name));
  return rows.map(seasonView);
}

type ApplicationRow = typeof workclubApplications.$inferSelect;

/** Applications with the person's name and trades (members) or company (external participants), and their group. */
export async function applicationViews(db: Executor, coopId: string, rows: ApplicationRow[]): Promise<Application[]> {
  if (rows.length === 0) return [];
  const members = await memberTrades(db, coopId, rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
  const externalIds = rows.flatMap((r) => (r.externalParticipantId ? [r.externalParticipantId] : []));
  const externals = new Map(
    externalIds.length
      ? (await db.select().from(workclubExternalParticipants).where(and(eq(workclubExternalParticipants.coopId, coopId), inArray(workclubExternalParticipants.id, externalIds)))).map((e) => [e.id, e])
      : [],
  );
  const placements = new Map(
    (await db.select({ applicationId: workclubGroupMembers.applicationId, groupId: workclubGroupMembers.groupId }).from(workclubGroupMembers).where(and(eq(workclubGroupMembers.coopId, coopId), inArray(workclubGroupMembers.applicationId, rows.map((r) => r.id))))).map((p) => [p.applicationId, p.groupId]),
  );
  return rows.map((r) => {
    const member = r.memberId ? members.get(r.memberId) : undefined;
    const external = r.externalParticipantId ? externals.get(r.externalParticipantId) : undefined;
    return {
      id: r.id,
      seasonId: r.seasonId,
      memberId: r.memberId,
      externalParticipantId: r.externalParticipantId,
      name: member?.name ?? external?.name ?? '',
      trades: member?.trades ?? [],
      company: external?.company ?? null,
      projectTitle: r.projectTitle,
      projectDescription: r.projectDescription,
      status: r.status,
      groupId: placements.get(r.id) ?? null,
      linkRevoked: external ? external.linkRevokedAt !== null : null,
    };
  });
}

/** Everything staff need to form a season's groups: every application and the groups formed. */
export async function getSeasonDetail(db: Executor, coopId: string, id: string): Promise<SeasonDetail> {
  const season = await seasonOf(db, coopId, id);
  const rows = await db.select().from(workclubApplications).where(and(eq(workclubApplications.coopId, coopId), eq(workclubApplications.seasonId, id))).orderBy(asc(workclubApplications.createdAt), asc(workclubApplications.id));
  const applications = await applicationViews(db, coopId, rows);
  const groups = await db.select().from(workclubGroups).where(and(eq(workclubGroups.coopId, coopId), eq(workclubGroups.seasonId, id))).orderBy(asc(workclubGroups.name));
  return {
    season: seasonView(season),
    applications,
    groups: groups.map((g) => ({ id: g.id, name: g.name, status: g.status, applicationIds: applications.filter((a) => a.groupId === g.id).map((a) => a.id) })),
  };
}

/**
 * The season a member sees: the latest one not closed (the most recent start), with their
 * own application and group. Staff without a member record see the season and cannot apply.
 */
export async function currentSeason(db: Executor, actor: Actor): Promise<CurrentView> {
  const [row] = await db
    .select()
    .from(workclubSeasons)
    .where(and(eq(workclubSeasons.coopId, actor.coopId), ne(workclubSeasons.status, 'closed')))
    .orderBy(desc(workclubSeasons.startsOn), desc(workclubSeasons.createdAt))
    .limit(1);
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!row) return { season: null, application: null, groupId: null, canApply: memberId !== null };
  const own = memberId
    ? await db.select().from(workclubApplications).where(and(eq(workclubApplications.coopId, actor.coopId), eq(workclubApplications.seasonId, row.id), eq(workclubApplications.memberId, memberId)))
    : [];
  const [application] = await applicationViews(db, actor.coopId, own);
  return { season: seasonView(row), application: application ?? null, groupId: application?.groupId ?? null, canApply: memberId !== null };
}
