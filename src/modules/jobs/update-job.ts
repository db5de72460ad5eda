import { and, asc, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { checkJobInput } from './check-job-input.js';
import type { UpdateJobBody } from './contract.js';
import { jobErrors } from './errors.js';
import { visibleJob } from './job-access.js';
import { clientJobs, jobParticipants } from './schema.js';

/**
 * Changes a job (the team only), on its locked row. What was already invoiced keeps the split
 * it was issued with (job_revenue_parts): new shares or rates apply to the next documents.
 */
export async function updateJob(tx: Executor, actor: Actor, id: string, patch: UpdateJobBody): Promise<void> {
  if (!isStaff(actor)) throw jobErrors.JOB_EDIT_RESERVED_TO_STAFF();
  const { row: before, scope } = await visibleJob(tx, actor, id, { lock: true });
  if (before.status === 'closed') throw jobErrors.JOB_CLOSED();
  const participantsBefore = await tx
    .select({ activityId: jobParticipants.activityId, shareBp: jobParticipants.shareBp })
    .from(jobParticipants)
    .where(and(eq(jobParticipants.coopId, actor.coopId), eq(jobParticipants.jobId, id)))
    .orderBy(asc(jobParticipants.position));
  const fields = {
    clientId: patch.clientId ?? before.clientId,
    bringerMemberId: patch.bringerMemberId !== undefined ? patch.bringerMemberId : before.bringerMemberId,
    bringerActivityId: patch.bringerActivityId !== undefined ? patch.bringerActivityId : before.bringerActivityId,
    marginRateBp: patch.marginRateBp ?? before.marginRateBp,
    commissionRateBp: patch.commissionRateBp ?? before.commissionRateBp,
  };
  const participants = patch.participants ?? participantsBefore;
  await checkJobInput(tx, actor, scope, { ...fields, participants });
  const [after] = await tx
    .update(clientJobs)
    .set({
      ...fields,
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(clientJobs.coopId, actor.coopId), eq(clientJobs.id, id)))
    .returning();
  if (patch.participants) {
    await tx.delete(jobParticipants).where(and(eq(jobParticipants.coopId, actor.coopId), eq(jobParticipants.jobId, id)));
    await tx.insert(jobParticipants).values(patch.participants.map((p, position) => ({ coopId: actor.coopId, jobId: id, activityId: p.activityId, shareBp: p.shareBp, position })));
  }
  await recordAudit(tx, actor, {
    action: 'job.updated',
    entityType: 'job',
    entityId: id,
    before: { ...before, participants: participantsBefore },
    after: { ...after, participants, activityIds: participants.map((p) => p.activityId) },
  });
}
