import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { GuestLinkState } from './contract.js';
import { workclubErrors } from './errors.js';
import { workclubExternalParticipants } from './schema.js';

/**
 * Staff cut a guest's access (the link was forwarded, the person left the partner company):
 * from now on their link opens a page saying it was disabled, and no more session mails go
 * to them. Their seat, goals and reports stay in the group. Revoking twice changes nothing
 * and leaves one audit record.
 */
export async function revokeGuestLink(db: Db, actor: Actor, guestId: string): Promise<GuestLinkState> {
  return db.transaction(async (tx) => {
    const [guest] = await tx
      .select()
      .from(workclubExternalParticipants)
      .where(and(eq(workclubExternalParticipants.coopId, actor.coopId), eq(workclubExternalParticipants.id, guestId)))
      .for('update');
    if (!guest) throw workclubErrors.GUEST_NOT_FOUND();
    if (guest.linkRevokedAt) return { externalParticipantId: guest.id, linkRevoked: true, mailId: null };
    await tx
      .update(workclubExternalParticipants)
      .set({ linkRevokedAt: new Date() })
      .where(and(eq(workclubExternalParticipants.coopId, actor.coopId), eq(workclubExternalParticipants.id, guestId)));
    await recordAudit(tx, actor, { action: 'workclub_guest.link_revoked', entityType: 'workclub_guest', entityId: guest.id, before: { linkRevoked: false }, after: { linkRevoked: true } });
    return { externalParticipantId: guest.id, linkRevoked: true, mailId: null };
  });
}
