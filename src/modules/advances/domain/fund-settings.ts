/**
 * The rules of a coop's guarantee fund, set by its admins. Every bound is checked at the edge
 * (contract) and again by a CHECK constraint of `advance_fund_settings`.
 */
export interface FundSettings {
  /** The fee of an advance, in basis points of the amount advanced, credited to the fund. */
  feeRateBp: number;
  /** A member's ceiling: this share (bp) of the revenue excl. VAT her activities invoiced over the last 12 months… */
  ceilingRevenueShareBp: number;
  /** …and never more than this, in cents, whatever the revenue. */
  ceilingMaxCents: number;
  /** The largest share (bp) of an invoice's revenue excl. VAT not yet collected that may be advanced. */
  maxInvoiceShareBp: number;
  /** What the fund keeps whatever is asked: an advance never takes it below this. */
  minBalanceCents: number;
  /** How many days past its due date an invoice must be before its advance may be written off. */
  writeOffAfterDays: number;
  /** Only a quote accepted online by the client (the portal's signature) may be advanced; otherwise any accepted quote. */
  quotesAcceptedOnlineOnly: boolean;
}

export const FUND_BOUNDS = {
  feeRateBp: { min: 0, max: 2_000 },
  ceilingRevenueShareBp: { min: 0, max: 10_000 },
  ceilingMaxCents: { min: 0, max: 100_000_000 },
  maxInvoiceShareBp: { min: 0, max: 10_000 },
  minBalanceCents: { min: 0, max: 1_000_000_000 },
  writeOffAfterDays: { min: 30, max: 730 },
} as const satisfies Record<Exclude<keyof FundSettings, 'quotesAcceptedOnlineOnly'>, { min: number; max: number }>;

/** A coop without a settings row: 2 % fee, 25 % of a year's revenue up to 10 000 €, 80 % of an invoice, nothing kept back, write-off after 90 days, any accepted quote. */
export const DEFAULT_FUND_SETTINGS: FundSettings = {
  feeRateBp: 200,
  ceilingRevenueShareBp: 2_500,
  ceilingMaxCents: 1_000_000,
  maxInvoiceShareBp: 8_000,
  minBalanceCents: 0,
  writeOffAfterDays: 90,
  quotesAcceptedOnlineOnly: false,
};

/** Basis points of an amount, rounded half up to the cent (an amount and a rate are never negative here). */
export const bpOf = (cents: number, bp: number): number => Math.round((cents * bp) / 10_000);
