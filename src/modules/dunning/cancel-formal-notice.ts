import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { lockPendingNotice } from './confirm-formal-notice.js';
import { dunningEvents } from './schema.js';

/**
 * The team decides a waiting formal notice shall not leave (the member has news, the client
 * called): nothing is sent, the step stays recorded as cancelled so the run does not offer it
 * again, and the escalation goes on from there (recovery at its day): to stop it too, pause the invoice.
 */
export async function cancelFormalNotice(db: Db, actor: Actor, eventId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const event = await lockPendingNotice(tx, actor.coopId, eventId);
    await tx
      .update(dunningEvents)
      .set({ action: 'cancelled', decidedBy: actor.userId, decidedAt: new Date() })
      .where(and(eq(dunningEvents.coopId, actor.coopId), eq(dunningEvents.id, event.id)));
    await recordAudit(tx, actor, { action: 'dunning.formal_notice_cancelled', entityType: 'invoice', entityId: event.invoiceId, before: { action: 'pending' }, after: { stepIndex: event.stepIndex, action: 'cancelled' } });
  });
}
