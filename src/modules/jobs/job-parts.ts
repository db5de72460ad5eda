import { and, eq, sum } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { jobCommissionPostings, jobRevenueParts } from './schema.js';

/** One activity's part of a job (or of one of its documents): revenue (706) and commission paid (6222) or received (7082). */
export interface JobActivityPart {
  /** Null: the structure's project margin. */
  activityId: string | null;
  revenueCents: number;
  /** The commission this activity's parts owe the bringer in full (whether posted yet or not, see `contributionBasis`). */
  commissionOwedCents: number;
  /** The commission posted so far: paid (6222) by this activity, and received (7082) when it is the bringer's. */
  commissionPaidCents: number;
  commissionReceivedCents: number;
}

/**
 * A job's parts per activity, over the whole job or for one invoice (or credit note, negative),
 * as they were issued: what an independent member invoices the coop for their part, what the
 * job's page shows. Read from the split recorded at issue, never recomputed.
 */
export async function jobParts(db: Executor, coopId: string, of: { jobId: string; invoiceId?: string }): Promise<JobActivityPart[]> {
  const partsWhere = and(eq(jobRevenueParts.coopId, coopId), eq(jobRevenueParts.jobId, of.jobId), of.invoiceId ? eq(jobRevenueParts.invoiceId, of.invoiceId) : undefined);
  const parts = await db
    .select({
      activityId: jobRevenueParts.activityId,
      revenueCents: sum(jobRevenueParts.revenueCents).mapWith(Number),
      commissionCents: sum(jobRevenueParts.commissionCents).mapWith(Number),
    })
    .from(jobRevenueParts)
    .where(partsWhere)
    .groupBy(jobRevenueParts.activityId);
  // A credit note's commission postings name the invoice it corrects: over one credit note, only its parts count.
  const postingsWhere = and(eq(jobCommissionPostings.coopId, coopId), eq(jobCommissionPostings.jobId, of.jobId), of.invoiceId ? eq(jobCommissionPostings.invoiceId, of.invoiceId) : undefined);
  const paid = await db
    .select({ activityId: jobCommissionPostings.payerActivityId, cents: sum(jobCommissionPostings.commissionCents).mapWith(Number) })
    .from(jobCommissionPostings)
    .where(postingsWhere)
    .groupBy(jobCommissionPostings.payerActivityId);
  const received = await db
    .select({ activityId: jobCommissionPostings.bringerActivityId, cents: sum(jobCommissionPostings.commissionCents).mapWith(Number) })
    .from(jobCommissionPostings)
    .where(postingsWhere)
    .groupBy(jobCommissionPostings.bringerActivityId);
  const out = new Map<string | null, JobActivityPart>();
  const at = (activityId: string | null) => {
    let part = out.get(activityId);
    if (!part) out.set(activityId, (part = { activityId, revenueCents: 0, commissionOwedCents: 0, commissionPaidCents: 0, commissionReceivedCents: 0 }));
    return part;
  };
  for (const p of parts) Object.assign(at(p.activityId), { revenueCents: p.revenueCents, commissionOwedCents: p.commissionCents });
  for (const p of paid) at(p.activityId).commissionPaidCents = p.cents;
  for (const r of received) at(r.activityId).commissionReceivedCents = r.cents;
  return [...out.values()];
}
