import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { advanceErrors } from './errors.js';
import { lockedAdvance } from './locked-advance.js';
import { advances } from './schema.js';

/** The team refuses an advance asked, with the reason the member reads. Nothing is posted. */
export async function refuseAdvance(db: Db, actor: Actor, id: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    const advance = await lockedAdvance(tx, actor.coopId, id);
    if (advance.status !== 'requested') throw advanceErrors.ADVANCE_NOT_REQUESTED();
    await tx
      .update(advances)
      .set({ status: 'refused', reason, decidedBy: actor.userId, decidedAt: new Date() })
      .where(and(eq(advances.coopId, actor.coopId), eq(advances.id, id)));
    await recordAudit(tx, actor, {
      action: 'advance.refused',
      entityType: 'advance',
      entityId: id,
      before: { status: 'requested' },
      after: { status: 'refused', reason, activityId: advance.activityId, memberId: advance.memberId, invoiceId: advance.invoiceId },
    });
  });
}
