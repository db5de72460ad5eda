import { largestRemainder } from '../../../platform/money/largest-remainder.js';

// Shared with the ledger (a job's receivable and VAT split by activity): one rounding rule.
export { largestRemainder };

/** A participant of a job: an activity and its share of the participants' revenue, in basis points. */
export interface JobShare {
  activityId: string;
  shareBp: number;
}

export interface JobSplitInput {
  /** The document's revenue excluding VAT, in cents; negative for a credit note. */
  revenueCents: number;
  /** The structure's project margin, in basis points of the revenue. */
  marginRateBp: number;
  /** The deal bringer's commission, in basis points of the revenue (0 when nobody brought it). */
  commissionRateBp: number;
  /** In the job's order: the order breaks rounding ties. */
  participants: readonly JobShare[];
}

export interface JobPart {
  activityId: string;
  /** The activity's revenue (its 706 line). */
  revenueCents: number;
  /** What the activity pays the bringer out of it (its 6222 line). */
  commissionCents: number;
}

export interface JobSplit {
  /** The structure's project margin (7061, no activity). */
  marginCents: number;
  /** The bringer's commission (7082 on the bringer's activity) = the sum of the parts' commissions. */
  commissionCents: number;
  parts: JobPart[];
}

const BP = 10_000;

/**
 * `amount × numerator / denominator` rounded half away from zero, so that a negative amount
 * (a credit note) rounds to exactly the opposite of the positive one.
 */
export function proportionOf(amount: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('the denominator of a proportion must be positive');
  const magnitude = Math.abs(amount) * numerator;
  if (!Number.isSafeInteger(magnitude)) throw new RangeError('amount too large to split exactly');
  const rounded = Math.floor((2 * magnitude + denominator) / (2 * denominator));
  return amount < 0 ? -rounded : rounded;
}

/**
 * How the revenue of one document of a job is shared (the performance-centre model):
 * - the structure's project margin M = round(N × margin rate);
 * - the bringer's commission C = round(N × commission rate);
 * - the participants share N − M by their shares, by the largest-remainder method (ties to
 *   the earlier participant), so their parts add up to N − M exactly;
 * - each participant pays C in proportion of its part, again by largest remainder, so the
 *   commissions paid add up to C exactly (by the shares when the parts are all zero, a 100 %
 *   margin).
 * Rounding is half away from zero, so the split of −N is exactly the opposite of the split
 * of N: a full credit note cancels every part to the cent. Always Σ parts + M = N.
 */
export function splitJobRevenue(input: JobSplitInput): JobSplit {
  const { revenueCents, marginRateBp, commissionRateBp, participants } = input;
  if (!Number.isSafeInteger(revenueCents)) throw new RangeError('revenue must be an integer number of cents');
  for (const rate of [marginRateBp, commissionRateBp]) if (!Number.isInteger(rate) || rate < 0 || rate > BP) throw new RangeError('rates are between 0 and 10000 basis points');
  if (participants.length === 0) throw new RangeError('a job is split between at least one participant');
  if (participants.reduce((s, p) => s + p.shareBp, 0) !== BP) throw new RangeError('the shares of a job add up to 10000 basis points');
  const marginCents = proportionOf(revenueCents, marginRateBp, BP);
  const commissionCents = proportionOf(revenueCents, commissionRateBp, BP);
  const revenues = largestRemainder(
    revenueCents - marginCents,
    participants.map((p) => p.shareBp),
  );
  const payingWeights = revenues.some((r) => r !== 0) ? revenues.map(Math.abs) : participants.map((p) => p.shareBp);
  const commissions = largestRemainder(commissionCents, payingWeights);
  return {
    marginCents,
    commissionCents,
    parts: participants.map((p, i) => ({ activityId: p.activityId, revenueCents: revenues[i]!, commissionCents: commissions[i]! })),
  };
}
