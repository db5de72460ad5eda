import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { DunningPause } from './contract.js';
import { isPauseActive } from './domain/dunning-pause.js';
import { dunningErrors } from './errors.js';
import { pauseOf } from './pause-dunning.js';
import { dunningPauses } from './schema.js';

/** Ends a pause now: the steps due meanwhile are caught up by the next run, the most advanced only. */
export async function resumeDunning(db: Db, actor: Actor, pauseId: string, today: string): Promise<DunningPause> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(dunningPauses).where(and(eq(dunningPauses.coopId, actor.coopId), eq(dunningPauses.id, pauseId))).for('update');
    if (!row) throw dunningErrors.DUNNING_PAUSE_NOT_FOUND();
    if (!isPauseActive(row, today)) throw dunningErrors.DUNNING_PAUSE_OVER();
    const [after] = await tx
      .update(dunningPauses)
      .set({ resumedAt: new Date(), resumedBy: actor.userId })
      .where(and(eq(dunningPauses.coopId, actor.coopId), eq(dunningPauses.id, pauseId)))
      .returning();
    await recordAudit(tx, actor, {
      action: 'dunning.resumed',
      entityType: row.invoiceId ? 'invoice' : 'client',
      entityId: (row.invoiceId ?? row.clientId)!,
      before: { reason: row.reason, note: row.note, until: row.until },
      after: { resumedAt: after!.resumedAt },
    });
    return pauseOf(after!, today);
  });
}
