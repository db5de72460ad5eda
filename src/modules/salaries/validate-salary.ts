import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { postEntry } from '../ledger/index.js';
import { maySalaryRequest, salaryEntryDate } from './domain/salary-rules.js';
import { availableForSalary } from './available-for-salary.js';
import { salaryErrors } from './errors.js';
import { lockActivitySalaries, visibleRequest } from './salary-access.js';
import { salaryEntry } from './salary-entry.js';
import { salaryRequests } from './schema.js';

/**
 * The team validates a salary request: its SA entry is posted (see `salaryEntry`), dated by
 * `salaryEntryDate`, and the request points at it. The treasury check is made again here,
 * under the activity's salary lock and on the locked request: between the request and now the
 * activity may have spent money (an expense, another salary), and two validations at once of
 * two requests of one activity must not both pass on the same euros. The request's own
 * reservation is left out of "available", since it is the money being spent. A request
 * validated twice is posted once: the second finds it no longer pending.
 */
export async function validateSalary(db: Db, actor: Actor, id: string, today: string): Promise<void> {
  await db.transaction(
    async (tx) => {
      const peek = await visibleRequest(tx, actor, id);
      await lockActivitySalaries(tx, actor.coopId, peek.activityId);
      const row = await visibleRequest(tx, actor, id, { lock: true });
      if (!maySalaryRequest(row.status, 'validate')) throw salaryErrors.SALARY_NOT_PENDING();
      const { availableCents } = await availableForSalary(tx, actor.coopId, row.activityId, today, { exceptRequestId: row.id });
      if (row.employerCostCents > availableCents) throw salaryErrors.SALARY_OVER_TREASURY();
      const month = row.month.slice(0, 7);
      const entry = await postEntry(tx, actor, {
        ...salaryEntry(row, `Salaire ${month}`),
        date: salaryEntryDate(row.month, today),
        label: `Salaire ${month}`,
        source: { type: 'salary_request', id: row.id },
      });
      const decidedAt = new Date();
      await tx
        .update(salaryRequests)
        .set({ status: 'validated', decidedBy: actor.userId, decidedAt, entryId: entry.id, updatedAt: decidedAt })
        .where(and(eq(salaryRequests.coopId, actor.coopId), eq(salaryRequests.id, row.id)));
      await recordAudit(tx, actor, {
        action: 'salary.validated',
        entityType: 'salary_request',
        entityId: row.id,
        before: { status: row.status },
        after: { status: 'validated', activityId: row.activityId, memberId: row.memberId, month, grossCents: row.grossCents, employerCostCents: row.employerCostCents, netCents: row.netCents, entryId: entry.id },
      });
    },
    { isolationLevel: 'read committed' },
  );
}
