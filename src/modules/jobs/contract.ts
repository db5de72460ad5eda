import { z } from 'zod';
import { sortQuery } from '../../platform/http/list-sort.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { optionalText } from '../../platform/http/text-fields.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const JOB_STATUSES = ['open', 'closed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Rates in basis points (10,000 = 100 %), bounded here and by a CHECK in the table. */
const rateBp = z.number().int().min(0).max(10_000);

const participantIn = z.object({
  activityId: z.uuid(),
  // Only the type and bounds here: that the shares add up to 100 % is answered on `participants` as a whole.
  shareBp: z.number().int().min(1).max(10_000),
});

const jobFields = {
  clientId: z.uuid(),
  title: z.string().trim().min(2).max(200),
  description: optionalText(5000),
  /** The member who brought the deal, and their activity the commission is credited to; both or neither. */
  bringerMemberId: z.uuid().nullable().optional(),
  bringerActivityId: z.uuid().nullable().optional(),
  /** The structure's project margin; 0 by default. */
  marginRateBp: rateBp.optional(),
  participants: z.array(participantIn).min(1).max(20),
};

export const createJobBody = z.object(jobFields);
export type CreateJobBody = z.infer<typeof createJobBody>;

export const updateJobBody = z
  .object({
    ...jobFields,
    /** Copied from the coop's rate at creation; the team may agree another one for this job. */
    commissionRateBp: rateBp,
  })
  .partial();
export type UpdateJobBody = z.infer<typeof updateJobBody>;

export const jobParams = z.object({ id: z.uuid() });

export const JOB_SORTS = ['reference', 'title', 'createdAt'] as const;

export const listJobsQuery = pageQuery.extend({
  status: z.enum(JOB_STATUSES).optional(),
  /** The jobs an activity works on or brought. */
  activityId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ...sortQuery(JOB_SORTS),
});
export type ListJobsQuery = z.infer<typeof listJobsQuery>;

export const jobParticipant = z.object({
  activityId: z.string(),
  activityCode: z.string(),
  activityName: z.string(),
  shareBp: z.number().int(),
});

export const jobSummary = z.object({
  id: z.string(),
  reference: z.string(),
  title: z.string(),
  status: z.enum(JOB_STATUSES),
  clientId: z.string(),
  clientName: z.string(),
  bringerMemberId: z.string().nullable(),
  bringerName: z.string().nullable(),
  /** How many activities work on the job (a member sees the count, not the others' shares). */
  participantCount: z.number().int(),
  createdAt: z.date(),
});
export type JobSummary = z.infer<typeof jobSummary>;

/** One activity's part of what the job invoiced: its revenue (706) and the commission it paid (6222) or, for the bringer, received (7082). */
export const jobSplitRow = z.object({
  activityId: z.string(),
  activityCode: z.string(),
  activityName: z.string(),
  revenueCents: z.number().int(),
  commissionPaidCents: z.number().int(),
  commissionReceivedCents: z.number().int(),
});
export type JobSplitRow = z.infer<typeof jobSplitRow>;

export const job = jobSummary.extend({
  description: z.string().nullable(),
  bringerActivityId: z.string().nullable(),
  bringerActivityName: z.string().nullable(),
  commissionRateBp: z.number().int(),
  marginRateBp: z.number().int(),
  /** The participants the viewer may see: all for the team, a member's own activities otherwise. */
  participants: z.array(jobParticipant),
  /** Whether the viewer sees the whole job (the team) or only their own part (a member). */
  wholeJob: z.boolean(),
  /** The revenue invoiced excl. VAT (invoices minus credit notes); null for a member. */
  invoicedCents: z.number().int().nullable(),
  /** The structure's margin on it; null for a member. */
  marginCents: z.number().int().nullable(),
  /** The bringer's commission on it; null for a member who is not the bringer. */
  commissionCents: z.number().int().nullable(),
  /** Per activity the viewer may see: its part of what was invoiced. */
  split: z.array(jobSplitRow),
  closedAt: z.date().nullable(),
});
export type Job = z.infer<typeof job>;
