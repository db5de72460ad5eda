import { recordAudit } from '../../platform/audit/record-audit.js';
import { awaitsAcceptance, findUserById, INVITATION_DAYS, issueToken, rolesOf } from '../../platform/auth/service.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { getCoop } from '../coops/index.js';
import { invitationMail, mainRole } from './domain/invitation-mail.js';
import { peopleErrors } from './errors.js';

/**
 * Sends a fresh invitation link to a person who has not accepted yet (lost mail, expired
 * link). Earlier links stay valid until they expire: each works once anyway.
 */
export async function resendInvitation(db: Db, actor: Actor, userId: string, publicUrl: string, now: Date = new Date()): Promise<{ userId: string; invitationExpiresAt: Date }> {
  return db.transaction(async (tx) => {
    const roles = await rolesOf(tx, userId, actor.coopId);
    const user = roles.length > 0 ? await findUserById(tx, userId) : undefined;
    if (!user) throw peopleErrors.PERSON_NOT_FOUND();
    if (!(await awaitsAcceptance(tx, userId, actor.coopId))) throw peopleErrors.INVITATION_ALREADY_ACCEPTED();

    const role = mainRole(roles);
    const token = await issueToken(tx, { kind: 'invitation', userId, coopId: actor.coopId, role, createdBy: actor.userId }, now);
    const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
    const coop = await getCoop(tx, actor.coopId);
    const inviter = await findUserById(tx, actor.userId);
    const mail = invitationMail({
      locale: actor.locale,
      kind: 'invitation',
      coopName: coop.name,
      personName: user.displayName,
      inviterName: inviter?.displayName ?? coop.name,
      role,
      link: `${publicUrl}/invitation?token=${token}`,
      expiresAt,
      validDays: INVITATION_DAYS,
    });
    await enqueueMail(tx, { coopId: actor.coopId, to: user.email, ...mail });
    await recordAudit(tx, actor, { action: 'person.invitation_resent', entityType: 'person', entityId: userId, after: { email: user.email, role, expiresAt } });
    return { userId, invitationExpiresAt: expiresAt };
  });
}
