import { breakdownOfGross, grossForEmployerCost, MAX_SIMULATED_CENTS, percentOf, type SalaryBreakdown, type SalaryRates } from './simulate-salary.js';

/** A member smooths a salary over one month to a year. */
export const MIN_SMOOTHING_MONTHS = 1;
export const MAX_SMOOTHING_MONTHS = 12;

export interface SmoothingInput {
  /** The activity's available treasury now (may be negative: then it counts as nothing). */
  availableCents: number;
  /** What is left to invoice, excl. VAT, on each accepted quote of the activity. */
  pipelineNetCents: readonly number[];
  months: number;
  rates: SalaryRates;
}

export interface SmoothingProposal {
  months: number;
  /** The accepted quotes' amount left to invoice, excl. VAT. */
  pipelineNetCents: number;
  /** The coop's contribution on that amount, once invoiced. */
  pipelineContributionCents: number;
  /** What the employer costs of the months may use: the treasury available plus the pipeline after contribution. */
  poolCents: number;
  /** The same salary every month: its employer cost is at most the pool ÷ months. */
  monthly: SalaryBreakdown;
  /**
   * How many of those months the treasury available today pays; the others wait for the
   * quotes to be invoiced and paid. A month is asked (and checked against the treasury) when
   * it comes: the proposal is a plan, not a commitment.
   */
  monthsCoveredNow: number;
}

/**
 * A constant monthly gross over `months` months, from the treasury available and the accepted
 * quotes not yet invoiced. The pipeline counts after the coop's contribution (taken on the
 * total, half up, like one invoice of that amount); the pool is split evenly, the rest of the
 * division (under one cent a month) stays on the activity, and each month's gross is the
 * greatest whose employer cost fits in its share. A pure rule.
 */
export function smoothSalary(input: SmoothingInput): SmoothingProposal {
  const { months, rates } = input;
  if (!Number.isInteger(months) || months < MIN_SMOOTHING_MONTHS || months > MAX_SMOOTHING_MONTHS) {
    throw new RangeError(`months must be a whole number from ${MIN_SMOOTHING_MONTHS} to ${MAX_SMOOTHING_MONTHS}`);
  }
  const pipelineNetCents = input.pipelineNetCents.reduce((sum, c) => sum + Math.max(0, c), 0);
  const pipelineContributionCents = percentOf(pipelineNetCents, rates.contributionRateBp);
  const poolCents = Math.max(0, input.availableCents) + pipelineNetCents - pipelineContributionCents;
  const shareCents = Math.min(Math.floor(poolCents / months), MAX_SIMULATED_CENTS);
  const monthly = breakdownOfGross(grossForEmployerCost(shareCents, rates.employerRateBp), rates);
  const monthsCoveredNow = monthly.employerCostCents === 0 ? months : Math.min(months, Math.floor(Math.max(0, input.availableCents) / monthly.employerCostCents));
  return { months, pipelineNetCents, pipelineContributionCents, poolCents, monthly, monthsCoveredNow };
}
