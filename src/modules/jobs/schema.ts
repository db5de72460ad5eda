import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { clients } from '../clients/schema.js';
import { members } from '../members/schema.js';

export type JobStatus = 'open' | 'closed';

/**
 * A job (affaire): one client engagement whose quotes and invoices are shared between the
 * activities working on it. The structure keeps its project margin, the rest goes to the
 * participants by their shares, and the member who brought the deal earns a commission on
 * the revenue invoiced, paid by the participants (the performance-centre model).
 */
export const clientJobs = pgTable(
  // Not `jobs`: the platform's durable job runner owns that table name.
  'client_jobs',
  {
    id: rowId(),
    coopId: coopId(),
    /** A reference numbered per coop at creation (AFF-0001), printed on the job's pages. */
    reference: varchar({ length: 40 }).notNull(),
    clientId: uuid().notNull(),
    title: varchar({ length: 200 }).notNull(),
    description: text(),
    status: varchar({ length: 16 }).$type<JobStatus>().notNull().default('open'),
    /** The member who brought the deal; null when nobody did (no commission). */
    bringerMemberId: uuid(),
    /** The bringer's activity the commission is credited to (7082). */
    bringerActivityId: uuid(),
    /** Copied from the coop's deal-bringer rate at creation, so a later change of the rate does not move agreed deals. */
    commissionRateBp: integer().notNull(),
    /** The structure's project-management share of the revenue (7061), 0 by default. */
    marginRateBp: integer().notNull().default(0),
    createdBy: uuid(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    closedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('client_jobs_coop_reference_key').on(t.coopId, t.reference),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }),
    foreignKey({ columns: [t.coopId, t.bringerMemberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.bringerActivityId], foreignColumns: [activities.coopId, activities.id] }),
    index('client_jobs_coop_created_idx').on(t.coopId, t.createdAt),
    index('client_jobs_coop_bringer_idx').on(t.coopId, t.bringerMemberId),
    check('client_jobs_status_check', sql`${t.status} in ('open', 'closed')`),
    check('client_jobs_rates_check', sql`${t.commissionRateBp} between 0 and 10000 and ${t.marginRateBp} between 0 and 10000 and ${t.commissionRateBp} + ${t.marginRateBp} <= 10000`),
    // A bringer comes with the activity their commission is credited to, or neither is set.
    check('client_jobs_bringer_check', sql`(${t.bringerMemberId} is null) = (${t.bringerActivityId} is null)`),
    check('client_jobs_closed_check', sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  ],
);

/** An activity working on a job, and its share of the participants' revenue (shares add up to 10,000, checked at commit). */
export const jobParticipants = pgTable(
  'job_participants',
  {
    coopId: coopId(),
    jobId: uuid().notNull(),
    activityId: uuid().notNull(),
    /** The participant's order: it breaks the ties of the largest-remainder rounding. */
    position: integer().notNull(),
    shareBp: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.jobId, t.activityId] }),
    foreignKey({ columns: [t.coopId, t.jobId], foreignColumns: [clientJobs.coopId, clientJobs.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    index('job_participants_activity_idx').on(t.coopId, t.activityId),
    check('job_participants_share_check', sql`${t.shareBp} > 0 and ${t.shareBp} <= 10000 and ${t.position} >= 0`),
  ],
);

/**
 * What each issued document of a job gave each activity: its revenue part (706; the margin
 * on the row with no activity, 7061) and the commission it pays the bringer (6222), with the
 * shares and rates the split used. Written with the sales entry, in the same transaction,
 * never changed: the job's pages, the commission at payment and a credit note's reversal
 * read the split from here instead of re-deriving it from settings that may have moved. A
 * credit note's rows are negative.
 */
export const jobRevenueParts = pgTable(
  'job_revenue_parts',
  {
    coopId: coopId(),
    /** The invoice or credit note whose sales entry carries the part. */
    invoiceId: uuid().notNull(),
    /** The participant's order in the split (its ties); the margin row comes last. */
    position: integer().notNull(),
    jobId: uuid().notNull(),
    /** Null: the structure's project margin. */
    activityId: uuid(),
    /** The participant's share the split used; null on the margin row. */
    shareBp: integer(),
    revenueCents: cents().notNull(),
    /** The commission this part pays the bringer, in full (posted at validation or as the client pays). */
    commissionCents: cents().notNull(),
    marginRateBp: integer().notNull(),
    commissionRateBp: integer().notNull(),
    /** Where the commission goes; null when the job has no bringer. */
    bringerActivityId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.invoiceId, t.position] }),
    foreignKey({ columns: [t.coopId, t.jobId], foreignColumns: [clientJobs.coopId, clientJobs.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.bringerActivityId], foreignColumns: [activities.coopId, activities.id] }),
    index('job_revenue_parts_job_idx').on(t.coopId, t.jobId),
    index('job_revenue_parts_activity_idx').on(t.coopId, t.activityId),
    check('job_revenue_parts_share_check', sql`(${t.activityId} is null) = (${t.shareBp} is null) and coalesce(${t.shareBp}, 1) between 1 and 10000 and ${t.position} >= 0`),
    check('job_revenue_parts_rates_check', sql`${t.marginRateBp} between 0 and 10000 and ${t.commissionRateBp} between 0 and 10000`),
  ],
);

/**
 * Each commission posting of a job, per paying activity: what it paid (positive) or got back
 * (negative) on one invoice, by the OD entry `entryId`. Summed per invoice and activity it is
 * what was posted so far, from which a payment posts only the difference (cumulative rounding).
 */
export const jobCommissionPostings = pgTable(
  'job_commission_postings',
  {
    id: rowId(),
    coopId: coopId(),
    jobId: uuid().notNull(),
    /** The invoice the commission is on (a credit note's postings name the invoice it corrects). */
    invoiceId: uuid().notNull(),
    /** The document or payment that triggered it, for the trail. */
    sourceType: varchar({ length: 40 }).notNull(),
    sourceId: uuid(),
    payerActivityId: uuid().notNull(),
    bringerActivityId: uuid().notNull(),
    commissionCents: cents().notNull(),
    entryId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.jobId], foreignColumns: [clientJobs.coopId, clientJobs.id] }),
    foreignKey({ columns: [t.coopId, t.payerActivityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.bringerActivityId], foreignColumns: [activities.coopId, activities.id] }),
    index('job_commission_postings_invoice_idx').on(t.coopId, t.invoiceId),
    index('job_commission_postings_job_idx').on(t.coopId, t.jobId),
  ],
);

export type JobRow = typeof clientJobs.$inferSelect;
export type JobParticipantRow = typeof jobParticipants.$inferSelect;
