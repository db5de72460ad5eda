import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import type { ReasonBody } from './contract.js';
import { maySalaryRequest } from './domain/salary-rules.js';
import { salaryErrors } from './errors.js';
import { visibleRequest } from './salary-access.js';
import { salaryRequests } from './schema.js';

/** The team refuses a salary request, with the reason the member reads; nothing was posted, nothing is. Checked on the locked row. */
export async function refuseSalary(db: Db, actor: Actor, id: string, input: ReasonBody): Promise<void> {
  await db.transaction(async (tx) => {
    const row = await visibleRequest(tx, actor, id, { lock: true });
    if (!maySalaryRequest(row.status, 'refuse')) throw salaryErrors.SALARY_NOT_PENDING();
    const reason = input.reason.trim();
    const decidedAt = new Date();
    await tx
      .update(salaryRequests)
      .set({ status: 'refused', decidedBy: actor.userId, decidedAt, refusalReason: reason, updatedAt: decidedAt })
      .where(and(eq(salaryRequests.coopId, actor.coopId), eq(salaryRequests.id, row.id)));
    await recordAudit(tx, actor, {
      action: 'salary.refused',
      entityType: 'salary_request',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'refused', reason, activityId: row.activityId, memberId: row.memberId, month: row.month.slice(0, 7) },
    });
  });
}
