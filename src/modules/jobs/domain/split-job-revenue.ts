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
 * Splits `total` cents in proportion of `weights` so that the parts add up to `total`
 * exactly: each part gets the floor of its exact share, and the cents left over go one by
 * one to the largest fractional remainders, ties going to the earlier weight (the
 * largest-remainder, or Hamilton, method). A negative total is split as its opposite and
 * negated, so a credit note mirrors the invoice to the cent. All-zero weights share nothing
 * (only a zero total may be split that way).
 */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw new RangeError('weights must be non-negative integers');
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum === 0) {
    if (total !== 0) throw new RangeError('cannot split a non-zero amount over zero weights');
    return weights.map(() => 0);
  }
  const magnitude = Math.abs(total);
  if (!weights.every((w) => Number.isSafeInteger(magnitude * w))) throw new RangeError('amount too large to split exactly');
  const floors = weights.map((w) => Math.floor((magnitude * w) / sum));
  const remainders = weights.map((w, i) => magnitude * w - floors[i]! * sum);
  let left = magnitude - floors.reduce((s, f) => s + f, 0);
  const order = weights.map((_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || a - b);
  for (const i of order) {
    if (left === 0) break;
    floors[i]! += 1;
    left -= 1;
  }
  return total < 0 ? floors.map((f) => (f === 0 ? 0 : -f)) : floors;
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
