import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import type { InviteExternalBody } from './contract.js';
import { mayWorkIn } from './domain/workclub-states.js';
import { workclubErrors } from './errors.js';
import { enqueueGuestInvitation } from './guest-invitation-mail.js';
import { workclubApplications, workclubExternalParticipants, workclubGroupMembers, workclubGroups } from './schema.js';
import { isUniqueViolation, seasonOf } from './workclub-access.js';

/**
 * Staff invite a person of a partner company: no account is made for them. Their project joins
 * the season's applications (so the proposal places them) or, once groups are formed, the
 * group staff name. The mail carries a signed link to their group's page, valid until 30 days
 * after the season; it leaves through the outbox, only if the invitation commits.
 */
export async function inviteExternal(db: Db, actor: Actor, seasonId: string, body: InviteExternalBody, publicUrl: string): Promise<{ externalParticipantId: string; applicationId: string; mailId: string }> {
  try {
    return await db.transaction(async (tx) => {
      const season = await seasonOf(tx, actor.coopId, seasonId, { lock: true });
      if (season.status === 'closed') throw workclubErrors.SEASON_NOT_RUNNING();
      let groupId: string | null = null;
      if (body.groupId) {
        const [group] = await tx.select().from(workclubGroups).where(and(eq(workclubGroups.coopId, actor.coopId), eq(workclubGroups.id, body.groupId), eq(workclubGroups.seasonId, seasonId)));
        if (!group) throw invalidField('groupId', { fr: 'Groupe inconnu dans cette saison.', en: 'Unknown group in this season.' });
        if (!mayWorkIn(group)) throw workclubErrors.GROUP_CLOSED();
        groupId = group.id;
      } else if (season.status !== 'open') {
        throw invalidField('groupId', { fr: 'Les groupes sont constitués : choisissez le groupe de cette personne.', en: 'The groups are formed: choose this person’s group.' });
      }
      const [guest] = await tx
        .insert(workclubExternalParticipants)
        .values({ coopId: actor.coopId, seasonId, name: body.name, email: body.email, company: body.company, linkSecret: randomBytes(32).toString('base64url'), invitedBy: actor.userId })
        .returning();
      const [application] = await tx
        .insert(workclubApplications)
        .values({ coopId: actor.coopId, seasonId, externalParticipantId: guest!.id, projectTitle: body.projectTitle, projectDescription: body.projectDescription, status: groupId ? 'placed' : 'submitted' })
        .returning({ id: workclubApplications.id });
      if (groupId) await tx.insert(workclubGroupMembers).values({ coopId: actor.coopId, seasonId, groupId, applicationId: application!.id, externalParticipantId: guest!.id });

      const mailId = await enqueueGuestInvitation(tx, publicUrl, actor.coopId, guest!, season, body.projectTitle, false);
      await recordAudit(tx, actor, { action: 'workclub_guest.invited', entityType: 'workclub_guest', entityId: guest!.id, after: { seasonId, company: body.company, groupId } });
      return { externalParticipantId: guest!.id, applicationId: application!.id, mailId };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw workclubErrors.EMAIL_TAKEN();
    throw err;
  }
}
