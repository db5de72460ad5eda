import { and, asc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { splitJobRevenue } from './domain/split-job-revenue.js';
import { jobErrors } from './errors.js';
import { clientJobs, jobParticipants, jobRevenueParts } from './schema.js';

/** One row of a document's split, as job_revenue_parts stores it (negative on a credit note). */
export interface JobPartRow {
  position: number;
  activityId: string | null;
  shareBp: number | null;
  revenueCents: number;
  commissionCents: number;
  marginRateBp: number;
  commissionRateBp: number;
  bringerActivityId: string | null;
}

/** The split of an issued document of a job: the rows to store, and the revenue parts of its sales entry. */
export interface JobDocumentSplit {
  jobId: string;
  jobReference: string;
  bringerMemberId: string | null;
  rows: JobPartRow[];
  /** For the sales entry (`Sale.revenueParts`), on the document's own (positive) amount: a credit note's entry reverses it. */
  revenueParts: { parts: { activityId: string; netCents: number }[]; marginCents: number };
}

/**
 * How the revenue excluding VAT of a document of a job is split (see `splitJobRevenue`), read
 * before its number is taken so that a job that cannot be split stops the validation with a
 * 400, no number consumed.
 *
 * An invoice is split by the job's participants and rates as they are at its issue. A credit
 * note is split with the shares and rates its invoice was issued with (stored with the
 * invoice's parts), on its own amount, so that a full credit note cancels every part to the
 * cent even if the job changed since. A final invoice (with deposits deducted) is split on
 * the whole service it recognises in 706: its deposits went to 4191 on the invoice's
 * activity and were never revenue, so the job's revenue is split once, there.
 */
export async function splitJobDocument(
  tx: Executor,
  coopId: string,
  doc: { jobId: string; kind: 'invoice' | 'credit_note'; netCents: number; creditedInvoiceId: string | null },
): Promise<JobDocumentSplit> {
  const [job] = await tx.select().from(clientJobs).where(and(eq(clientJobs.coopId, coopId), eq(clientJobs.id, doc.jobId)));
  if (!job) throw jobErrors.JOB_NOT_FOUND();
  const issuedWith =
    doc.kind === 'credit_note' && doc.creditedInvoiceId
      ? await tx
          .select()
          .from(jobRevenueParts)
          .where(and(eq(jobRevenueParts.coopId, coopId), eq(jobRevenueParts.invoiceId, doc.creditedInvoiceId)))
          .orderBy(asc(jobRevenueParts.position))
      : [];
  let participants: { activityId: string; shareBp: number }[];
  let marginRateBp: number;
  let commissionRateBp: number;
  let bringerActivityId: string | null;
  if (issuedWith.length) {
    participants = issuedWith.filter((r) => r.activityId !== null).map((r) => ({ activityId: r.activityId!, shareBp: r.shareBp! }));
    ({ marginRateBp, commissionRateBp, bringerActivityId } = issuedWith[0]!);
  } else {
    participants = await tx
      .select({ activityId: jobParticipants.activityId, shareBp: jobParticipants.shareBp })
      .from(jobParticipants)
      .where(and(eq(jobParticipants.coopId, coopId), eq(jobParticipants.jobId, doc.jobId)))
      .orderBy(asc(jobParticipants.position));
    marginRateBp = job.marginRateBp;
    bringerActivityId = job.bringerActivityId;
    commissionRateBp = bringerActivityId ? job.commissionRateBp : 0;
  }
  if (participants.length === 0) throw invalidField('jobId', { fr: "L'affaire n'a aucune activité participante.", en: 'The job has no participating activity.' });
  const sign = doc.kind === 'credit_note' ? -1 : 1;
  const split = splitJobRevenue({ revenueCents: sign * doc.netCents, marginRateBp, commissionRateBp, participants });
  const rows: JobPartRow[] = split.parts.map((p, position) => ({
    position,
    activityId: p.activityId,
    shareBp: participants[position]!.shareBp,
    revenueCents: p.revenueCents,
    commissionCents: p.commissionCents,
    marginRateBp,
    commissionRateBp,
    bringerActivityId,
  }));
  rows.push({ position: rows.length, activityId: null, shareBp: null, revenueCents: split.marginCents, commissionCents: 0, marginRateBp, commissionRateBp, bringerActivityId });
  // `|| 0`: the opposite of a zero part is 0, not -0.
  return {
    jobId: job.id,
    jobReference: job.reference,
    bringerMemberId: job.bringerMemberId,
    rows,
    revenueParts: { parts: split.parts.map((p) => ({ activityId: p.activityId, netCents: sign * p.revenueCents || 0 })), marginCents: sign * split.marginCents || 0 },
  };
}
