import { recordAudit } from '../../platform/audit/record-audit.js';
import { lockRoleHolders } from '../../platform/auth/invitations.js';
import { findUserById, grantRole, revokeRole, rolesOf } from '../../platform/auth/service.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField, platformErrors } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import type { Person, PersonRole } from './contract.js';
import { canChangeRoles, type RoleChangeRefusal } from './domain/can-change-roles.js';
import { peopleErrors } from './errors.js';
import { personView } from './list-people.js';

const refusal: Record<RoleChangeRefusal, () => Error> = {
  LAST_ADMIN: () =>
    peopleErrors.LAST_ADMIN([{ path: 'roles', message: { fr: 'La coopérative doit garder au moins un administrateur.', en: 'The cooperative must keep at least one admin.' } }]),
  OWN_ADMIN_ROLE: () =>
    peopleErrors.OWN_ADMIN_ROLE([{ path: 'roles', message: { fr: "Vous ne pouvez pas retirer votre propre rôle d'administration.", en: 'You cannot remove your own admin role.' } }]),
  MEMBER_FILE_REQUIRED: () =>
    invalidField('roles', {
      fr: 'Le rôle membre va avec une fiche membre : invitez la personne comme membre.',
      en: 'The member role goes with a member file: invite the person as a member.',
    }),
};

/**
 * Sets every role a person holds in the cooperative. The admin rows are locked first, so the
 * "at least one admin" rule holds when two admins change roles at the same time, and an actor
 * demoted meanwhile by someone else is refused.
 */
export async function setPersonRoles(db: Db, actor: Actor, userId: string, next: PersonRole[], now: Date = new Date()): Promise<Person> {
  return db.transaction(async (tx) => {
    const admins = await lockRoleHolders(tx, actor.coopId, 'admin');
    if (!admins.includes(actor.userId)) throw platformErrors.FORBIDDEN();
    const current = await rolesOf(tx, userId, actor.coopId);
    const user = current.length > 0 ? await findUserById(tx, userId) : undefined;
    if (!user) throw peopleErrors.PERSON_NOT_FOUND();

    const hasMemberFile = (await memberIdOfUser(tx, actor.coopId, userId)) !== null;
    const verdict = canChangeRoles({ actorUserId: actor.userId, targetUserId: userId, current, next, admins, hasMemberFile });
    if (!verdict.ok) throw refusal[verdict.reason]();

    for (const role of verdict.granted) await grantRole(tx, actor.coopId, userId, role);
    for (const role of verdict.revoked) await revokeRole(tx, actor.coopId, userId, role);
    const roles = [...next].sort();
    if (verdict.granted.length + verdict.revoked.length > 0) {
      await recordAudit(tx, actor, { action: 'person.roles_changed', entityType: 'person', entityId: userId, before: { roles: current }, after: { roles } });
    }
    return personView(tx, actor.coopId, user, roles, now);
  });
}
