import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activitySummaries, scopeHolds } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import { memberNames } from '../members/index.js';
import type { Job } from './contract.js';
import { visibleJob } from './job-access.js';
import { jobParts } from './job-parts.js';
import { jobParticipants } from './schema.js';

/**
 * One job as the person may see it. The team sees it whole. A member sees the job when one of
 * their activities works on it or brought it, and only their own part: their activities'
 * shares and amounts, the commission when they are the bringer; not the other participants'
 * shares or amounts, nor the job's totals, from which the others' could be worked out.
 */
export async function getJob(db: Executor, actor: Actor, id: string): Promise<Job> {
  const { row, scope } = await visibleJob(db, actor, id);
  const whole = scope === 'all';
  const participants = await db
    .select()
    .from(jobParticipants)
    .where(and(eq(jobParticipants.coopId, actor.coopId), eq(jobParticipants.jobId, id)))
    .orderBy(asc(jobParticipants.position));
  const parts = await jobParts(db, actor.coopId, { jobId: id });
  const activityIds = [...new Set([...participants.map((p) => p.activityId), ...parts.flatMap((p) => (p.activityId ? [p.activityId] : [])), ...(row.bringerActivityId ? [row.bringerActivityId] : [])])];
  const summaries = await activitySummaries(db, actor.coopId, activityIds);
  const clients = await clientNames(db, actor.coopId, [row.clientId]);
  const bringer = row.bringerMemberId ? (await memberNames(db, actor.coopId, [row.bringerMemberId])).get(row.bringerMemberId) ?? null : null;
  const seen = (activityId: string) => scopeHolds(scope, activityId);
  const named = (activityId: string) => ({ activityId, activityCode: summaries.get(activityId)?.code ?? '', activityName: summaries.get(activityId)?.name ?? '' });
  const isBringer = row.bringerActivityId !== null && seen(row.bringerActivityId);
  const commissionCents = parts.reduce((s, p) => s + p.commissionReceivedCents, 0);
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    description: row.description,
    status: row.status,
    clientId: row.clientId,
    clientName: clients.get(row.clientId) ?? '',
    bringerMemberId: row.bringerMemberId,
    bringerName: bringer,
    bringerActivityId: row.bringerActivityId,
    bringerActivityName: row.bringerActivityId ? summaries.get(row.bringerActivityId)?.name ?? null : null,
    commissionRateBp: row.commissionRateBp,
    marginRateBp: row.marginRateBp,
    participantCount: participants.length,
    participants: participants.filter((p) => seen(p.activityId)).map((p) => ({ ...named(p.activityId), shareBp: p.shareBp })),
    wholeJob: whole,
    invoicedCents: whole ? parts.reduce((s, p) => s + p.revenueCents, 0) : null,
    marginCents: whole ? parts.find((p) => p.activityId === null)?.revenueCents ?? 0 : null,
    commissionCents: whole || isBringer ? commissionCents : null,
    split: parts
      .filter((p): p is typeof p & { activityId: string } => p.activityId !== null && seen(p.activityId))
      .map((p) => ({ ...named(p.activityId), revenueCents: p.revenueCents, commissionPaidCents: p.commissionPaidCents, commissionReceivedCents: p.commissionReceivedCents })),
    createdAt: row.createdAt,
    closedAt: row.closedAt,
  };
}
