import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { clientNames } from '../clients/index.js';
import { visibleInvoice } from '../invoicing/index.js';
import type { DunningPause, PauseDunningBody } from './contract.js';
import { checkPauseUntil, isPauseActive } from './domain/dunning-pause.js';
import { dunningErrors } from './errors.js';
import { dunningPauses, type DunningPauseRow } from './schema.js';

export const pauseOf = (row: DunningPauseRow, today: string): DunningPause => ({
  id: row.id,
  invoiceId: row.invoiceId,
  clientId: row.clientId,
  reason: row.reason,
  note: row.note,
  until: row.until,
  createdBy: row.createdBy,
  createdAt: row.createdAt,
  resumedAt: row.resumedAt,
  active: isPauseActive(row, today),
});

async function assertTargetExists(tx: Executor, actor: Actor, body: PauseDunningBody): Promise<void> {
  if (body.invoiceId) {
    await visibleInvoice(tx, actor, body.invoiceId);
    return;
  }
  if (!(await clientNames(tx, actor.coopId, [body.clientId!])).has(body.clientId!)) throw dunningErrors.DUNNING_TARGET_NOT_FOUND();
}

/**
 * Pauses the dunning of one invoice or of all of a client's invoices, with the reason the
 * next person of the team will read (a dispute, a payment plan), until a day or until resumed.
 * No step is taken while it holds; audited on the invoice or the client.
 */
export async function pauseDunning(db: Db, actor: Actor, body: PauseDunningBody, today: string): Promise<DunningPause> {
  const until = body.until ?? null;
  if (checkPauseUntil(until, today)) throw invalidField('until', { fr: 'La fin de la pause ne peut pas être passée.', en: 'The end of the pause cannot be in the past.' });
  return db.transaction(async (tx) => {
    await assertTargetExists(tx, actor, body);
    const [row] = await tx
      .insert(dunningPauses)
      .values({ coopId: actor.coopId, invoiceId: body.invoiceId ?? null, clientId: body.clientId ?? null, reason: body.reason, note: body.note || null, until, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, actor, {
      action: 'dunning.paused',
      entityType: body.invoiceId ? 'invoice' : 'client',
      entityId: (body.invoiceId ?? body.clientId)!,
      after: { reason: row!.reason, note: row!.note, until: row!.until },
    });
    return pauseOf(row!, today);
  });
}
