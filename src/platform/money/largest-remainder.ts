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
