import { and, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import type { CreateRemittanceInput } from './contract.js';
import { paymentErrors } from './errors.js';
import { paymentRemittances, payments } from './schema.js';

/**
 * Groups cheques recorded by hand and not yet handed to the bank into a remittance slip
 * (bordereau de remise), numbered per coop without gap, with its date and total. The bank
 * will credit that total in one line, which then confirms every cheque of the slip at once.
 * Each cheque is locked and checked under the lock: two slips made at once never share one.
 */
export async function createRemittance(db: Db, actor: Actor, input: CreateRemittanceInput): Promise<{ id: string }> {
  const ids = [...new Set(input.paymentIds)];
  if (ids.length !== input.paymentIds.length) throw invalidField('paymentIds', { fr: 'Un chèque figure deux fois.', en: 'A cheque is listed twice.' });
  return db.transaction(
    async (tx) => {
      const rows = await tx
        .select()
        .from(payments)
        .where(and(eq(payments.coopId, actor.coopId), inArray(payments.id, ids)))
        .orderBy(payments.date, payments.id)
        .for('update');
      if (rows.length !== ids.length) throw paymentErrors.PAYMENT_NOT_FOUND();
      const refused = rows.find((r) => r.mode !== 'cheque' || r.depositAccount !== '5112' || r.cancelledAt || r.remittanceId || r.bankLineId);
      if (refused) throw paymentErrors.PAYMENT_NOT_REMITTABLE();
      const totalCents = rows.reduce((sum, r) => sum + r.amountCents, 0);
      const number = await takeNextNumber(tx, { coopId: actor.coopId, series: 'payments:remittance' });
      const [slip] = await tx
        .insert(paymentRemittances)
        .values({ coopId: actor.coopId, number, date: input.date, totalCents, chequeCount: rows.length, createdBy: actor.userId })
        .returning({ id: paymentRemittances.id });
      await tx.update(payments).set({ remittanceId: slip!.id }).where(and(eq(payments.coopId, actor.coopId), inArray(payments.id, ids)));
      await recordAudit(tx, actor, {
        action: 'remittance.created',
        entityType: 'payment_remittance',
        entityId: slip!.id,
        after: { number, date: input.date, totalCents, paymentIds: rows.map((r) => r.id) },
      });
      return { id: slip!.id };
    },
    { isolationLevel: 'read committed' },
  );
}
