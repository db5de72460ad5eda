import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { takeNextNumber } from '../../platform/numbering/take-next-number.js';
import { activityScopeOf } from '../activities/index.js';
import { getCoop } from '../coops/index.js';
import { checkJobInput } from './check-job-input.js';
import type { CreateJobBody } from './contract.js';
import { clientJobs, jobParticipants } from './schema.js';

/** The reference a job is numbered with, per coop, in creation order. */
export const jobReference = (seq: number) => `AFF-${String(seq).padStart(4, '0')}`;

/**
 * Declares a job, in the caller's transaction: its client, its participants and their
 * shares, its bringer. The commission rate is copied from the coop's deal-bringer rate now,
 * so a later change of the coop's rate does not move a deal already agreed.
 */
export async function createJob(tx: Executor, actor: Actor, input: CreateJobBody): Promise<{ id: string }> {
  const scope = await activityScopeOf(tx, actor);
  const coop = await getCoop(tx, actor.coopId);
  const fields = {
    clientId: input.clientId,
    bringerMemberId: input.bringerMemberId ?? null,
    bringerActivityId: input.bringerActivityId ?? null,
    marginRateBp: input.marginRateBp ?? 0,
    commissionRateBp: coop.dealBringerRateBp,
  };
  await checkJobInput(tx, actor, scope, { ...fields, participants: input.participants });
  const seq = await takeNextNumber(tx, { coopId: actor.coopId, series: 'job' });
  const [row] = await tx
    .insert(clientJobs)
    .values({ coopId: actor.coopId, reference: jobReference(seq), title: input.title, description: input.description ?? null, ...fields, createdBy: actor.userId })
    .returning();
  await tx.insert(jobParticipants).values(input.participants.map((p, position) => ({ coopId: actor.coopId, jobId: row!.id, activityId: p.activityId, shareBp: p.shareBp, position })));
  await recordAudit(tx, actor, {
    action: 'job.created',
    entityType: 'job',
    entityId: row!.id,
    after: { ...row, participants: input.participants, activityIds: input.participants.map((p) => p.activityId) },
  });
  return { id: row!.id };
}
