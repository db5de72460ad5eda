import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { CloseGroupBody } from './contract.js';
import { mayWorkIn } from './domain/workclub-states.js';
import { workclubErrors } from './errors.js';
import { workclubGroupMembers, workclubGroups, workclubReviews, workclubSeasons } from './schema.js';
import { groupFor } from './workclub-access.js';

/**
 * Staff close a group with the review of each project (what it achieved, a rating 1–5),
 * one per participant, all at once: a group is closed with every project reviewed or not at
 * all. When the season's last group closes, the season closes.
 */
export async function closeGroup(db: Db, actor: Actor, groupId: string, body: CloseGroupBody): Promise<void> {
  await db.transaction(async (tx) => {
    const { group } = await groupFor(tx, { coopId: actor.coopId, team: true }, groupId, { lock: true });
    if (!mayWorkIn(group)) throw workclubErrors.GROUP_CLOSED();
    const people = await tx.select({ id: workclubGroupMembers.id }).from(workclubGroupMembers).where(and(eq(workclubGroupMembers.coopId, actor.coopId), eq(workclubGroupMembers.groupId, groupId)));
    const expected = new Set(people.map((p) => p.id));
    const given = new Set<string>();
    body.reviews.forEach((r, i) => {
      if (!expected.has(r.participantId) || given.has(r.participantId)) throw invalidField(`reviews.${i}.participantId`, { fr: 'Personne inconnue dans ce groupe, ou déjà notée.', en: 'Unknown person in this group, or reviewed twice.' });
      given.add(r.participantId);
    });
    if (given.size !== expected.size) throw invalidField('reviews', { fr: 'Écrivez le bilan de chaque projet du groupe.', en: 'Write the review of every project of the group.' });
    await tx.insert(workclubReviews).values(body.reviews.map((r) => ({ coopId: actor.coopId, participantId: r.participantId, achieved: r.achieved, rating: r.rating, writtenBy: actor.userId })));
    await tx.update(workclubGroups).set({ status: 'closed', closedAt: new Date() }).where(and(eq(workclubGroups.coopId, actor.coopId), eq(workclubGroups.id, groupId)));
    const stillActive = await tx.select({ id: workclubGroups.id }).from(workclubGroups).where(and(eq(workclubGroups.coopId, actor.coopId), eq(workclubGroups.seasonId, group.seasonId), eq(workclubGroups.status, 'active')));
    if (stillActive.length === 0) await tx.update(workclubSeasons).set({ status: 'closed' }).where(and(eq(workclubSeasons.coopId, actor.coopId), eq(workclubSeasons.id, group.seasonId)));
    await recordAudit(tx, actor, { action: 'workclub_group.closed', entityType: 'workclub_group', entityId: groupId, before: { status: 'active' }, after: { status: 'closed', reviews: body.reviews.length } });
  });
}
