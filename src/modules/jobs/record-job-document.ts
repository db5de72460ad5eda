import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { getCoop } from '../coops/index.js';
import { postJobCommission } from './post-job-commission.js';
import { jobRevenueParts } from './schema.js';
import type { JobDocumentSplit } from './split-job-document.js';

/**
 * Records what an issued document of a job gave each activity, in the transaction that posts
 * its sales entry (whose 706 / 7061 lines carry the same parts). When the coop takes the
 * member-money postings at validation (`contributionBasis`, the one setting for contribution
 * and commission alike), the bringer's commission is posted now: in full for an invoice,
 * given back by the credit note's own split for a credit note. At payment, the payments (and
 * the credit notes) of the invoice post it as the money comes (`followJobCommission`).
 */
export async function recordJobDocument(
  tx: Executor,
  actor: Actor,
  doc: { invoiceId: string; kind: 'invoice' | 'credit_note'; creditedInvoiceId: string | null; number: string; issueDate: string; split: JobDocumentSplit },
): Promise<void> {
  const { split } = doc;
  await tx.insert(jobRevenueParts).values(split.rows.map((r) => ({ coopId: actor.coopId, invoiceId: doc.invoiceId, jobId: split.jobId, ...r })));
  const bringerActivityId = split.rows[0]?.bringerActivityId;
  if (!bringerActivityId) return;
  const coop = await getCoop(tx, actor.coopId);
  if (coop.contributionBasis !== 'validation') return;
  await postJobCommission(tx, actor, {
    jobId: split.jobId,
    jobReference: split.jobReference,
    bringerMemberId: split.bringerMemberId,
    invoiceId: doc.kind === 'credit_note' && doc.creditedInvoiceId ? doc.creditedInvoiceId : doc.invoiceId,
    bringerActivityId,
    payers: split.rows.filter((r) => r.activityId !== null).map((r) => ({ activityId: r.activityId!, cents: r.commissionCents })),
    date: doc.issueDate,
    label: `${doc.kind === 'credit_note' ? 'Avoir' : 'Facture'} ${doc.number}`,
    source: { type: doc.kind, id: doc.invoiceId },
  });
}
