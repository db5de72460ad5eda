import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { GuestLinkState } from './contract.js';
import { workclubErrors } from './errors.js';
import { enqueueGuestInvitation } from './guest-invitation-mail.js';
import { workclubApplications, workclubExternalParticipants } from './schema.js';
import { seasonOf } from './workclub-access.js';

/**
 * Staff invite a guest again: a new secret signs a new link, mailed to them, and every older
 * link of theirs (the revoked one, one forwarded) stops working, since it was signed with the
 * old secret. Audited, in one transaction with the mail.
 */
export async function reinviteGuest(db: Db, actor: Actor, guestId: string, publicUrl: string): Promise<GuestLinkState> {
  return db.transaction(async (tx) => {
    const [guest] = await tx
      .select()
      .from(workclubExternalParticipants)
      .where(and(eq(workclubExternalParticipants.coopId, actor.coopId), eq(workclubExternalParticipants.id, guestId)))
      .for('update');
    if (!guest) throw workclubErrors.GUEST_NOT_FOUND();
    const season = await seasonOf(tx, actor.coopId, guest.seasonId);
    if (season.status === 'closed') throw workclubErrors.SEASON_NOT_RUNNING();
    const [application] = await tx
      .select({ projectTitle: workclubApplications.projectTitle })
      .from(workclubApplications)
      .where(and(eq(workclubApplications.coopId, actor.coopId), eq(workclubApplications.externalParticipantId, guest.id)));
    const linkSecret = randomBytes(32).toString('base64url');
    await tx
      .update(workclubExternalParticipants)
      .set({ linkSecret, linkRevokedAt: null })
      .where(and(eq(workclubExternalParticipants.coopId, actor.coopId), eq(workclubExternalParticipants.id, guestId)));
    const mailId = await enqueueGuestInvitation(tx, publicUrl, actor.coopId, { ...guest, linkSecret }, season, application?.projectTitle ?? '', true);
    await recordAudit(tx, actor, { action: 'workclub_guest.reinvited', entityType: 'workclub_guest', entityId: guest.id, before: { linkRevoked: guest.linkRevokedAt !== null }, after: { linkRevoked: false, mailId } });
    return { externalParticipantId: guest.id, linkRevoked: false, mailId };
  });
}
