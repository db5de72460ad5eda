import { and, eq, ne } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { assertProfileFitsCoop } from './assert-profile.js';
import { SELF_EDITABLE_FIELDS, type MemberDetail, type UpdateMemberBody } from './contract.js';
import { memberErrors } from './errors.js';
import { detailOf } from './get-member.js';
import { visibleMember } from './member-access.js';
import { members } from './schema.js';

const emailTaken = () =>
  memberErrors.MEMBER_EMAIL_TAKEN([{ path: 'email', message: { fr: 'Adresse déjà utilisée par un membre.', en: 'Address already used by a member.' } }]);

/**
 * Changes a member's profile. Staff change anything but the status (that is a move of the
 * lifecycle, dated and recorded); a member changes only how they present themself, not what
 * binds them to the coop (type, advisor, email used by the coop).
 */
export async function updateMember(db: Db, actor: Actor, memberId: string, patch: UpdateMemberBody): Promise<MemberDetail> {
  return db.transaction(async (tx) => {
    const before = await visibleMember(tx, actor, memberId, true);
    if (!isStaff(actor)) {
      const locked = Object.keys(patch).filter((k) => !(SELF_EDITABLE_FIELDS as readonly string[]).includes(k));
      if (locked.length) throw memberErrors.MEMBER_FIELD_LOCKED(locked.map((path) => ({ path, message: { fr: 'Modifiable par l’équipe seulement.', en: 'Staff only.' } })));
    }
    const typeChanges = patch.membershipType !== undefined && patch.membershipType !== before.membershipType;
    if (typeChanges && before.status !== 'candidate') {
      // The lifecycle path depends on the type: once on it, changing type would strand the status.
      throw invalidField('membershipType', { fr: "Le type ne peut changer que tant que la personne est candidate.", en: 'The type can only change while the person is a candidate.' });
    }
    await assertProfileFitsCoop(tx, actor.coopId, {
      membershipType: typeChanges ? patch.membershipType : undefined,
      pole: patch.pole !== undefined && patch.pole !== before.pole ? patch.pole : undefined,
      advisorUserId: patch.advisorUserId !== undefined && patch.advisorUserId !== before.advisorUserId ? patch.advisorUserId : undefined,
    });
    const merged = { ...before, ...patch };
    if (merged.membershipType === 'independent') {
      if (!merged.companyName) throw invalidField('companyName', { fr: 'Raison sociale obligatoire pour un indépendant.', en: 'Company name required for an independent.' });
      if (!merged.siret) throw invalidField('siret', { fr: 'SIRET obligatoire pour un indépendant.', en: 'SIRET required for an independent.' });
    }
    if (patch.email && patch.email !== before.email) {
      const [other] = await tx
        .select({ id: members.id })
        .from(members)
        .where(and(eq(members.coopId, actor.coopId), eq(members.email, patch.email), ne(members.id, memberId)));
      if (other) throw emailTaken();
    }
    try {
      const [after] = await tx
        .update(members)
        .set({ ...patch, updatedAt: new Date() })
        .where(and(eq(members.coopId, actor.coopId), eq(members.id, memberId)))
        .returning();
      // The account the coop's transfers go to is where money would be diverted: its change is
      // its own action, so the accountants are told (notifications) and the log finds it.
      const bankChanged = (patch.iban !== undefined && patch.iban !== before.iban) || (patch.bic !== undefined && patch.bic !== before.bic);
      await recordAudit(tx, actor, { action: bankChanged ? 'member.bank_details_changed' : 'member.updated', entityType: 'member', entityId: memberId, before, after });
      return detailOf(tx, after);
    } catch (err) {
      if (sqlState(err) === UNIQUE_VIOLATION) throw emailTaken();
      throw err;
    }
  });
}
