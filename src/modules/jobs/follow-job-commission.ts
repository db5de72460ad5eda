import { and, asc, eq, sum } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { getCoop } from '../coops/index.js';
import { proportionOf } from './domain/split-job-revenue.js';
import { postJobCommission } from './post-job-commission.js';
import { clientJobs, jobCommissionPostings, jobRevenueParts } from './schema.js';

/**
 * When the coop takes the member-money postings at payment (`contributionBasis` = payment),
 * brings the commission posted on one invoice of a job to what its collected revenue earns,
 * after a payment is applied or cancelled or a credit note is issued on it.
 *
 * Collected = what the client paid, up to what is still owed once credit notes are deducted
 * (min(paid, gross − credited)): a credit note on an unpaid invoice lowers nothing collected,
 * on a paid one it gives back the commission of what is refunded. Each paying activity's
 * commission so far is round(its full commission × collected / gross) and only the
 * difference with what was already posted for it is posted, so the rounding never
 * accumulates: a fully paid invoice has posted exactly its commission, a cancelled payment
 * takes back exactly what it gave. Called on the invoice row locked by the caller.
 */
export async function followJobCommission(
  tx: Executor,
  actor: Actor,
  invoice: { id: string; number: string; jobId: string; grossCents: number; paidCents: number; creditedCents: number },
  event: { date: string; source: { type: string; id: string } },
): Promise<void> {
  if (invoice.grossCents <= 0) return;
  const parts = await tx
    .select()
    .from(jobRevenueParts)
    .where(and(eq(jobRevenueParts.coopId, actor.coopId), eq(jobRevenueParts.invoiceId, invoice.id)))
    .orderBy(asc(jobRevenueParts.position));
  const bringerActivityId = parts[0]?.bringerActivityId;
  if (!bringerActivityId) return;
  if ((await getCoop(tx, actor.coopId)).contributionBasis !== 'payment') return;
  const collected = Math.max(0, Math.min(invoice.paidCents, invoice.grossCents - invoice.creditedCents));
  const posted = await tx
    .select({ activityId: jobCommissionPostings.payerActivityId, cents: sum(jobCommissionPostings.commissionCents).mapWith(Number) })
    .from(jobCommissionPostings)
    .where(and(eq(jobCommissionPostings.coopId, actor.coopId), eq(jobCommissionPostings.invoiceId, invoice.id)))
    .groupBy(jobCommissionPostings.payerActivityId);
  const postedOf = new Map(posted.map((p) => [p.activityId, p.cents]));
  const payers = parts
    .filter((p) => p.activityId !== null)
    .map((p) => ({ activityId: p.activityId!, cents: proportionOf(p.commissionCents, collected, invoice.grossCents) - (postedOf.get(p.activityId!) ?? 0) }));
  const [job] = await tx.select().from(clientJobs).where(and(eq(clientJobs.coopId, actor.coopId), eq(clientJobs.id, invoice.jobId)));
  await postJobCommission(tx, actor, {
    jobId: invoice.jobId,
    jobReference: job!.reference,
    bringerMemberId: job!.bringerMemberId,
    invoiceId: invoice.id,
    bringerActivityId,
    payers,
    date: event.date,
    label: `Facture ${invoice.number}`,
    source: event.source,
  });
}
