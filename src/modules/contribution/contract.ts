import { z } from 'zod';

// Shared by the routes and the web client: the contribution's settings and figures, written once.

/** 1,000,000 €: far above any contribution, low enough that no sum of them leaves the safe integers. */
export const MAX_BOUND_CENTS = 100_000_000;

const boundCents = z.number().int().min(0).max(MAX_BOUND_CENTS).nullable();
const boundPeriod = z.enum(['invoice', 'month']);

const floorBelowCeiling = (v: { floorCents: number | null; ceilingCents: number | null }) => v.floorCents === null || v.ceilingCents === null || v.floorCents <= v.ceilingCents;
const floorIssue = { message: 'The floor must not exceed the ceiling.', path: ['floorCents'] };

/** The coop's floor and ceiling, and the period they apply to. The rate and basis are the coop settings'. */
export const contributionSettings = z.object({
  floorCents: boundCents,
  ceilingCents: boundCents,
  boundPeriod,
});
export type ContributionSettings = z.infer<typeof contributionSettings>;

export const saveContributionSettings = contributionSettings.strict().refine(floorBelowCeiling, floorIssue);
export type SaveContributionSettings = z.infer<typeof saveContributionSettings>;

/** One activity's override: its own rate (null: the coop's), and its own bounds when `boundsOverridden`. */
export const activityContributionSettings = z.object({
  rateBp: z.number().int().min(0).max(10_000).nullable(),
  boundsOverridden: z.boolean(),
  floorCents: boundCents,
  ceilingCents: boundCents,
  boundPeriod,
});
export type ActivityContributionSettings = z.infer<typeof activityContributionSettings>;

export const saveActivityContributionSettings = activityContributionSettings.strict().refine(floorBelowCeiling, floorIssue);

/** What the activity page shows: the rule in force (after override) and the year's contribution. */
export const activityContribution = z.object({
  settings: activityContributionSettings,
  effective: z.object({ rateBp: z.number().int(), floorCents: z.number().int().nullable(), ceilingCents: z.number().int().nullable(), boundPeriod, basis: z.enum(['validation', 'payment']) }),
  year: z.number().int(),
  yearAmountCents: z.number().int(),
});
export type ActivityContribution = z.infer<typeof activityContribution>;

export const activityIdParams = z.object({ id: z.uuid() });
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** The contribution an invoice bore, as the member reads it under the invoice's totals. */
export const invoiceContribution = z.object({
  amountCents: z.number().int(),
  /** The rate it was posted at; null when parts of the invoice were posted at different rates. */
  rateBp: z.number().int().nullable(),
  basis: z.enum(['validation', 'payment']),
});
export type InvoiceContribution = z.infer<typeof invoiceContribution>;
