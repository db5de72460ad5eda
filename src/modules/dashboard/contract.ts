import { z } from 'zod';

// Shared by the routes and the web client: the API's types are written once, here.

// The web client reads this file, so it names the statuses and types itself rather than
// importing the members module; get-dashboard.ts checks at compile time that they agree.
export const DASHBOARD_MEMBER_STATUSES = ['candidate', 'in_support', 'employee', 'associate', 'active', 'leaving', 'left'] as const;
export type DashboardMemberStatus = (typeof DASHBOARD_MEMBER_STATUSES)[number];
export const DASHBOARD_MEMBERSHIP_TYPES = ['entrepreneur_salarie', 'independent', 'coworker'] as const;
export type DashboardMembershipType = (typeof DASHBOARD_MEMBERSHIP_TYPES)[number];

const count = z.number().int().min(0);
const activityCounts = z.object({ active: count, total: count });

/** The cooperative as a whole: for advisors and admins. */
export const coopFigures = z.object({
  members: z.object({
    total: count,
    /** Every status, 0 when none; members who left are counted under `left`. */
    byStatus: z.record(z.enum(DASHBOARD_MEMBER_STATUSES), count),
    /** Current members (not left) by membership type, every type present. */
    byType: z.record(z.enum(DASHBOARD_MEMBERSHIP_TYPES), count),
  }),
  activities: activityCounts,
  clients: count,
  /** Members still owing paperwork: a signed charter, an independent's last fiscal statement. */
  pendingDocuments: z.object({ missingCharter: count, missingFiscalStatement: count }),
  /** People given access who have not chosen a password yet. */
  pendingInvitations: count,
});
export type CoopFigures = z.infer<typeof coopFigures>;

/** One line of the latest changes: who did what on which record; values stay in the audit log. */
export const recentChange = z.object({
  id: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changedFields: z.array(z.string()),
});
export type RecentChange = z.infer<typeof recentChange>;

/** A member's own file: for anyone holding the member role. */
export const memberFigures = z.object({
  memberId: z.string(),
  status: z.enum(DASHBOARD_MEMBER_STATUSES),
  statusSince: z.iso.date(),
  membershipType: z.enum(DASHBOARD_MEMBERSHIP_TYPES),
  activities: activityCounts,
  clients: count,
  missingDocuments: z.object({ charter: z.boolean(), fiscalStatement: z.boolean() }),
});
export type MemberFigures = z.infer<typeof memberFigures>;

const cents = z.number().int();

/**
 * The books at a glance, for the accountant: balances of the accounts the sales chain posts
 * to (PCG numbers), as of today, and this year's revenue.
 */
export const bookFigures = z.object({
  /** 512: what the bank account holds by the books (debit balance). */
  bankCents: cents,
  /** 411: what clients still owe (debit balance). */
  receivablesCents: cents,
  /** 44571: VAT invoiced and not yet paid over to the State (credit balance). */
  vatCollectedCents: cents,
  /** 706: revenue excl. VAT since 1 January of `year` (credit balance). */
  revenueCents: cents,
  year: z.number().int(),
});
export type BookFigures = z.infer<typeof bookFigures>;

/**
 * GET /api/dashboard. One shape for every role, each section present only for the roles it
 * is meant for:
 * - `coop`: staff and admins, figures of the whole cooperative;
 * - `latestChanges`: admins, the 10 latest audit records (without their values);
 * - `me`: holders of the member role, their own figures; null when no member file is linked
 *   to their account yet;
 * - `books`: the accountant, the ledger's figures.
 */
export const dashboard = z.object({
  coop: coopFigures.optional(),
  latestChanges: z.array(recentChange).optional(),
  me: memberFigures.nullable().optional(),
  books: bookFigures.optional(),
});
export type Dashboard = z.infer<typeof dashboard>;

/** One line of "waiting for you": how many items, and the list that shows them (see work-queues.ts). */
export const workQueue = z.object({ key: z.string(), count: count, link: z.string() });
export type WorkQueue = z.infer<typeof workQueue>;
/** GET /api/dashboard/queues: the work queues of the actor's roles. */
export const workQueues = z.object({ items: z.array(workQueue) });
