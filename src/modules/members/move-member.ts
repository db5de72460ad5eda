import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { getCoop } from '../coops/index.js';
import type { MemberDetail, TransitionBody } from './contract.js';
import { decideTransition, type MembershipType } from './domain/lifecycle.js';
import { memberErrors, transitionReasonText } from './errors.js';
import { detailOf, statusBeforeLeaving } from './get-member.js';
import { visibleMember } from './member-access.js';
import { members, memberStatusChanges } from './schema.js';

/**
 * Moves a member along their lifecycle (CAPE, CESA, associate, notice, departure), by a staff
 * member or admin. The member row is read FOR UPDATE and the rule of `decideTransition` is
 * checked again inside the transaction on that locked row: two moves sent at once are
 * serialised, and the second one is judged from the status the first one left.
 */
export async function moveMember(db: Db, actor: Actor, memberId: string, move: TransitionBody): Promise<MemberDetail> {
  return db.transaction(async (tx) => {
    const before = await visibleMember(tx, actor, memberId, true);
    const { leavingNoticeMonths } = await getCoop(tx, actor.coopId);
    const decision = decideTransition(
      {
        membershipType: before.membershipType as MembershipType,
        status: before.status,
        statusSince: before.statusSince,
        supportStartDate: before.supportStartDate,
        supportEndDate: before.supportEndDate,
        noticeDate: before.noticeDate,
        leavingDate: before.leavingDate,
        statusBeforeLeaving: await statusBeforeLeaving(tx, before),
      },
      move,
      { leavingNoticeMonths },
    );
    if (!decision.ok) {
      const text = transitionReasonText[decision.reason];
      if (decision.code === 'TRANSITION_NOT_ALLOWED') throw memberErrors.TRANSITION_NOT_ALLOWED([{ path: decision.field, message: text }]);
      throw invalidField(decision.field, text);
    }
    const [after] = await tx
      .update(members)
      .set({ ...decision.updates, updatedAt: new Date() })
      .where(and(eq(members.coopId, actor.coopId), eq(members.id, memberId)))
      .returning();
    await tx.insert(memberStatusChanges).values({
      coopId: actor.coopId,
      memberId,
      fromStatus: before.status,
      toStatus: decision.updates.status,
      effectiveDate: move.effectiveDate,
      note: move.note ?? null,
      byUserId: actor.userId,
    });
    await recordAudit(tx, actor, { action: 'member.status_changed', entityType: 'member', entityId: memberId, before, after });
    return detailOf(tx, after);
  });
}
