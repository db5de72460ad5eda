import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { commissionEntry, postEntry } from '../ledger/index.js';
import { jobCommissionPostings } from './schema.js';

/**
 * Posts a commission movement of a job (OD: 6222 on each paying activity, 7082 on the
 * bringer's) and keeps its trace per payer, with one audit record `commission.posted` naming
 * the activities and the bringer a notification goes to. Nothing is posted when every amount
 * is zero.
 */
export async function postJobCommission(
  tx: Executor,
  actor: Actor,
  movement: {
    jobId: string;
    jobReference: string;
    bringerMemberId: string | null;
    invoiceId: string;
    bringerActivityId: string;
    payers: readonly { activityId: string; cents: number }[];
    date: string;
    label: string;
    source: { type: string; id: string };
  },
): Promise<void> {
  const payers = movement.payers.filter((p) => p.cents !== 0);
  if (payers.length === 0) return;
  const entry = await postEntry(tx, actor, {
    ...commissionEntry({ bringerActivityId: movement.bringerActivityId, payers }),
    date: movement.date,
    label: `Commission apporteur ${movement.jobReference} – ${movement.label}`.slice(0, 300),
    source: { type: 'job_commission', id: movement.invoiceId },
  });
  await tx.insert(jobCommissionPostings).values(
    payers.map((p) => ({
      coopId: actor.coopId,
      jobId: movement.jobId,
      invoiceId: movement.invoiceId,
      sourceType: movement.source.type,
      sourceId: movement.source.id,
      payerActivityId: p.activityId,
      bringerActivityId: movement.bringerActivityId,
      commissionCents: p.cents,
      entryId: entry.id,
    })),
  );
  const totalCents = payers.reduce((s, p) => s + p.cents, 0);
  await recordAudit(tx, actor, {
    action: 'commission.posted',
    entityType: 'job',
    entityId: movement.jobId,
    after: {
      invoiceId: movement.invoiceId,
      entryId: entry.id,
      totalCents,
      bringerActivityId: movement.bringerActivityId,
      memberId: movement.bringerMemberId,
      payers,
      activityIds: [movement.bringerActivityId, ...payers.map((p) => p.activityId)],
      source: movement.source,
    },
  });
}
