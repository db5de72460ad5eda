import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { reverseEntry } from '../ledger/index.js';
import type { ReasonBody } from './contract.js';
import { maySalaryRequest } from './domain/salary-rules.js';
import { salaryErrors } from './errors.js';
import { visibleRequest } from './salary-access.js';
import { salaryRequests } from './schema.js';

/**
 * Cancels a salary request. One not yet decided is simply withdrawn (by the member who sees it,
 * or the team). A validated salary is never deleted: the team cancels it by reversing its entry
 * (contre-passation dated `today`, the day of the correction), and the request stays, cancelled,
 * with who, when, why and the reversal. Checked on the locked row, so it is reversed once.
 */
export async function cancelSalary(db: Db, actor: Actor, id: string, input: ReasonBody, today: string): Promise<void> {
  await db.transaction(
    async (tx) => {
      const row = await visibleRequest(tx, actor, id, { lock: true });
      if (!maySalaryRequest(row.status, 'cancel')) throw salaryErrors.SALARY_NOT_CANCELLABLE();
      if (row.status === 'validated' && !isStaff(actor)) throw salaryErrors.SALARY_CANCEL_VALIDATED_STAFF_ONLY();
      // The net already left the bank: cancelling would owe it back to nobody in the books.
      if (row.paidOn) throw salaryErrors.SALARY_ALREADY_PAID();
      const reason = input.reason.trim();
      const reversal = row.entryId ? await reverseEntry(tx, actor, row.entryId, today, `Annulation du salaire ${row.month.slice(0, 7)} : ${reason}`.slice(0, 300)) : null;
      const cancelledAt = new Date();
      await tx
        .update(salaryRequests)
        .set({ status: 'cancelled', cancelledBy: actor.userId, cancelledAt, cancelReason: reason, cancelEntryId: reversal?.id ?? null, updatedAt: cancelledAt })
        .where(and(eq(salaryRequests.coopId, actor.coopId), eq(salaryRequests.id, row.id)));
      await recordAudit(tx, actor, {
        action: 'salary.cancelled',
        entityType: 'salary_request',
        entityId: row.id,
        before: { status: row.status },
        after: { status: 'cancelled', reason, activityId: row.activityId, memberId: row.memberId, month: row.month.slice(0, 7), reversalEntryId: reversal?.id ?? null },
      });
    },
    { isolationLevel: 'read committed' },
  );
}
