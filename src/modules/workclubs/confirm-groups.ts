import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { ConfirmGroupsBody, SeasonDetail } from './contract.js';
import { workclubErrors } from './errors.js';
import { getSeasonDetail } from './list-seasons.js';
import { workclubApplications, workclubGroupMembers, workclubGroups, workclubSeasons } from './schema.js';
import { seasonOf } from './workclub-access.js';

/** Groups are named A, B, C…: a name that reads the same in French and English. */
export const groupName = (index: number) => (index < 26 ? String.fromCharCode(65 + index) : `G${index + 1}`);

/**
 * Staff confirm the groups (the proposal, adjusted or not): every application still standing
 * is placed in exactly one group, and the season starts running, which closes applications.
 * The season row is locked, so an application arriving meanwhile is either in the list
 * checked here or refused (applications need an open season).
 */
export async function confirmGroups(db: Db, actor: Actor, seasonId: string, body: ConfirmGroupsBody): Promise<SeasonDetail> {
  await db.transaction(async (tx) => {
    const season = await seasonOf(tx, actor.coopId, seasonId, { lock: true });
    if (season.status !== 'open') throw workclubErrors.SEASON_NOT_OPEN();
    const standing = await tx
      .select({ id: workclubApplications.id, memberId: workclubApplications.memberId, externalParticipantId: workclubApplications.externalParticipantId })
      .from(workclubApplications)
      .where(and(eq(workclubApplications.coopId, actor.coopId), eq(workclubApplications.seasonId, seasonId), eq(workclubApplications.status, 'submitted')));
    const byId = new Map(standing.map((a) => [a.id, a]));
    const seen = new Set<string>();
    body.groups.forEach((g, gi) =>
      g.applicationIds.forEach((id, i) => {
        const path = `groups.${gi}.applicationIds.${i}`;
        if (!byId.has(id)) throw invalidField(path, { fr: 'Candidature inconnue ou retirée dans cette saison.', en: 'Unknown or withdrawn application in this season.' });
        if (seen.has(id)) throw invalidField(path, { fr: 'Cette personne est déjà dans un autre groupe.', en: 'This person is already in another group.' });
        seen.add(id);
      }),
    );
    if (seen.size !== byId.size) throw invalidField('groups', { fr: `${byId.size - seen.size} candidature(s) sans groupe : placez tout le monde.`, en: `${byId.size - seen.size} application(s) without a group: place everyone.` });

    const groups = await tx
      .insert(workclubGroups)
      .values(body.groups.map((_, i) => ({ coopId: actor.coopId, seasonId, name: groupName(i) })))
      .returning({ id: workclubGroups.id });
    await tx.insert(workclubGroupMembers).values(
      body.groups.flatMap((g, i) =>
        g.applicationIds.map((applicationId) => {
          const a = byId.get(applicationId)!;
          return { coopId: actor.coopId, seasonId, groupId: groups[i]!.id, applicationId, memberId: a.memberId, externalParticipantId: a.externalParticipantId };
        }),
      ),
    );
    await tx.update(workclubApplications).set({ status: 'placed', updatedAt: new Date() }).where(and(eq(workclubApplications.coopId, actor.coopId), inArray(workclubApplications.id, [...seen])));
    await tx.update(workclubSeasons).set({ status: 'running' }).where(and(eq(workclubSeasons.coopId, actor.coopId), eq(workclubSeasons.id, seasonId)));
    await recordAudit(tx, actor, { action: 'workclub_season.groups_confirmed', entityType: 'workclub_season', entityId: seasonId, before: { status: 'open' }, after: { status: 'running', groups: body.groups.length, participants: seen.size } });
  });
  return getSeasonDetail(db, actor.coopId, seasonId);
}
