import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { jobErrors } from './errors.js';
import { visibleJob } from './job-access.js';
import { clientJobs } from './schema.js';

/** Closes a job: it takes no more quotes or invoices; what it invoiced stays as it was. */
export async function closeJob(tx: Executor, actor: Actor, id: string): Promise<void> {
  if (!isStaff(actor)) throw jobErrors.JOB_EDIT_RESERVED_TO_STAFF();
  const { row: before } = await visibleJob(tx, actor, id, { lock: true });
  if (before.status === 'closed') throw jobErrors.JOB_CLOSED();
  const closedAt = new Date();
  await tx
    .update(clientJobs)
    .set({ status: 'closed', closedAt, updatedAt: closedAt })
    .where(and(eq(clientJobs.coopId, actor.coopId), eq(clientJobs.id, id)));
  await recordAudit(tx, actor, { action: 'job.updated', entityType: 'job', entityId: id, before: { status: before.status }, after: { status: 'closed', closedAt } });
}
