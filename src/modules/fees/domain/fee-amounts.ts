/** The VAT rates a fee may carry (0 for a coop outside VAT, else a French rate), in basis points. */
export const FEE_VAT_RATES_BP = [0, 210, 550, 1000, 2000] as const;
/** The largest monthly fee, 100,000.00 €: anything above is a typing error. */
export const MAX_FEE_CENTS = 10_000_000;

/** VAT of an amount excluding VAT at a rate, rounded half up to the cent (one line, one rate). */
export function feeAmounts(netCents: number, vatRateBp: number): { netCents: number; vatRateBp: number; vatCents: number; grossCents: number } {
  if (!Number.isInteger(netCents) || netCents <= 0 || netCents > MAX_FEE_CENTS) throw new RangeError('a fee is a positive amount of cents');
  const vatCents = Math.round((netCents * vatRateBp) / 10_000);
  return { netCents, vatRateBp, vatCents, grossCents: netCents + vatCents };
}

/** COT-2026-0001: the fees have a series of their own per year (CGI art. 242 nonies A: continuous, no gap). */
export const feeNumber = (year: string, sequence: number) => `COT-${year}-${String(sequence).padStart(4, '0')}`;

/** The month a day belongs to (YYYY-MM). */
export const monthOf = (day: string) => day.slice(0, 7);

/** First and last day of a month (YYYY-MM): the service period the fee invoice covers. */
export function monthPeriod(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { start: `${month}-01`, end: `${month}-${String(last).padStart(2, '0')}` };
}

/**
 * What a member owes for a month: their own amount when the coop set one (0 exempts them),
 * else the coop's fee when their membership type is billed, else nothing.
 */
export function monthlyFeeOf(member: { membershipType: string; overrideCents: number | null }, coop: { feeCents: number; billedTypes: readonly string[] }): number {
  if (member.overrideCents !== null) return member.overrideCents;
  return coop.billedTypes.includes(member.membershipType) ? coop.feeCents : 0;
}
