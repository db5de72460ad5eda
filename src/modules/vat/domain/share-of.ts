/**
 * `amount × numerator ÷ denominator`, rounded half away from zero, exact for any cents the
 * platform holds (the product can pass 2^53, so it is computed on big integers).
 */
export function shareOf(amount: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError('the denominator of a share must be positive');
  const product = BigInt(amount) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const q = (abs * 2n + d) / (2n * d);
  return Number(negative ? -q : q);
}
