import { recordAudit } from '../../platform/audit/record-audit.js';
import { ensureUser, findUserById, grantRole, INVITATION_DAYS, issueToken, rolesOf } from '../../platform/auth/service.js';
import { sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { enqueueMail } from '../../platform/mail/outbox.js';
import { getCoop } from '../coops/index.js';
import { createMember } from '../members/index.js';
import type { InvitationSent, InvitePerson } from './contract.js';
import { invitationMail } from './domain/invitation-mail.js';
import { peopleErrors } from './errors.js';

const emailField = (text: { fr: string; en: string }) => [{ path: 'email', message: text }];
const alreadyInCoop = () =>
  peopleErrors.PERSON_ALREADY_IN_COOP(emailField({ fr: 'Cette personne a déjà accès à la coopérative.', en: 'This person already has access to the cooperative.' }));

/**
 * Invites a person into the cooperative in one transaction: their account (found, or created
 * without a password), their role, waiting for them to accept, for a member a member file as a
 * candidate, and the mail with a one-time link to accept. What happens and what is answered is
 * the same whether the address already opens an account elsewhere or not: the cooperative must
 * not learn it, nor open for the person, nor see their account's events, before they accept.
 * All or nothing: a mail is never queued for an invitation that failed.
 */
export async function invitePerson(db: Db, actor: Actor, input: InvitePerson, publicUrl: string, now: Date = new Date()): Promise<InvitationSent> {
  const membershipType = input.role === 'member' ? input.membershipType : undefined;
  if (input.role === 'member' && !membershipType) {
    throw invalidField('membershipType', { fr: "Choisissez le type d'adhésion du membre.", en: 'Choose the membership type of the member.' });
  }
  try {
    return await db.transaction(async (tx) => {
      const displayName = `${input.firstName} ${input.lastName}`;
      const { user } = await ensureUser(tx, { email: input.email, displayName, locale: actor.locale });
      if ((await rolesOf(tx, user.id, actor.coopId)).length > 0) throw alreadyInCoop();
      // A concurrent invitation of the same person got there first.
      if (!(await grantRole(tx, actor.coopId, user.id, input.role, { awaitingAcceptance: true }))) throw alreadyInCoop();

      const memberId = membershipType
        ? (await createMember(tx, actor, { firstName: input.firstName, lastName: input.lastName, email: input.email, membershipType, userId: user.id }, now)).id
        : null;

      const coop = await getCoop(tx, actor.coopId);
      const inviter = await findUserById(tx, actor.userId);
      const token = await issueToken(tx, { kind: 'invitation', userId: user.id, coopId: actor.coopId, role: input.role, createdBy: actor.userId }, now);
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86_400_000);
      const mail = invitationMail({
        locale: actor.locale,
        kind: 'invitation',
        coopName: coop.name,
        // The name the inviter typed, not the account's: the mail sits in the cooperative's outbox.
        personName: displayName,
        inviterName: inviter?.displayName ?? coop.name,
        role: input.role,
        link: `${publicUrl}/invitation?token=${token}`,
        expiresAt,
        validDays: INVITATION_DAYS,
      });
      await enqueueMail(tx, { coopId: actor.coopId, to: user.email, ...mail });
      await recordAudit(tx, actor, {
        action: 'person.invited',
        entityType: 'person',
        entityId: user.id,
        after: { email: input.email, displayName, role: input.role, membershipType: membershipType ?? null, memberId, mail: mail.template },
      });
      return { userId: user.id, memberId, mail: mail.template, invitationExpiresAt: expiresAt };
    });
  } catch (err) {
    // Two invitations of a new address at once: the second insert of the account loses.
    if (sqlState(err) === UNIQUE_VIOLATION) throw peopleErrors.INVITATION_RACE(emailField({ fr: 'Invitation concurrente.', en: 'Concurrent invitation.' }));
    throw err;
  }
}
