import { and, eq } from 'drizzle-orm';
import { verifyLink } from '../../platform/auth/signed-links.js';
import type { Executor } from '../../platform/db/client.js';
import { claimedGuestSubject, GUEST_LINK_PURPOSE, parseGuestSubject } from './domain/guest-link.js';
import { workclubErrors } from './errors.js';
import { workclubExternalParticipants, workclubGroupMembers } from './schema.js';
import type { GroupReader } from './workclub-access.js';

/**
 * The reader a guest link stands for, and their group, or the one 404 for every bad link
 * (forged, altered, expired, for another purpose, signed with a secret replaced by a new
 * invitation): a probe learns nothing about who is invited. A genuine link whose access staff
 * revoked gets its own code, so the page can tell the person to ask for a new invitation.
 */
export async function guestOfToken(db: Executor, token: string, now: Date): Promise<{ reader: GroupReader; groupId: string | null }> {
  const claimed = claimedGuestSubject(token);
  if (!claimed) throw workclubErrors.LINK_INVALID();
  const [guest] = await db
    .select()
    .from(workclubExternalParticipants)
    .where(and(eq(workclubExternalParticipants.coopId, claimed.coopId), eq(workclubExternalParticipants.id, claimed.externalParticipantId)));
  if (!guest) throw workclubErrors.LINK_INVALID();
  const verdict = verifyLink(token, guest.linkSecret, now, GUEST_LINK_PURPOSE);
  const subject = verdict.ok ? parseGuestSubject(verdict.payload.subjectId) : null;
  if (!subject || subject.coopId !== guest.coopId || subject.externalParticipantId !== guest.id) throw workclubErrors.LINK_INVALID();
  // Only a genuine link learns it was revoked: a forged one still gets the one 404 above.
  if (guest.linkRevokedAt) throw workclubErrors.LINK_REVOKED();
  const [placed] = await db
    .select({ groupId: workclubGroupMembers.groupId })
    .from(workclubGroupMembers)
    .where(and(eq(workclubGroupMembers.coopId, guest.coopId), eq(workclubGroupMembers.externalParticipantId, guest.id)));
  return { reader: { coopId: guest.coopId, team: false, externalParticipantId: guest.id }, groupId: placed?.groupId ?? null };
}
