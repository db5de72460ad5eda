import { vatOf } from '../../documents/index.js';

export const MEMBER_INVOICE_STATUSES = ['received', 'validated', 'paid'] as const;
export type MemberInvoiceStatus = (typeof MEMBER_INVOICE_STATUSES)[number];

/** 'franchise': the member's company is under the VAT franchise (art. 293 B du CGI) and charges none. */
export const MEMBER_VAT_REGIMES = ['standard', 'franchise'] as const;
export type MemberVatRegime = (typeof MEMBER_VAT_REGIMES)[number];

export const MEMBER_VAT_RATES_BP = [2000, 1000, 550, 210] as const;

/** A member invoice is at most 1,000,000 € excl. VAT: a bound a typo cannot pass. */
export const MAX_MEMBER_INVOICE_CENTS = 100_000_000;

export interface MemberInvoiceAmounts {
  netCents: number;
  vatCents: number;
  grossCents: number;
  vatRateBp: number;
}

/**
 * The amounts of a member's invoice from its amount excluding VAT: VAT at the member's rate,
 * rounded like every document of the platform (`vatOf`), none under the franchise.
 */
export function memberInvoiceAmounts(netCents: number, regime: MemberVatRegime, vatRateBp: number): MemberInvoiceAmounts {
  if (!Number.isInteger(netCents) || netCents <= 0 || netCents > MAX_MEMBER_INVOICE_CENTS) throw new RangeError('amount out of bounds');
  if (regime === 'franchise') return { netCents, vatCents: 0, grossCents: netCents, vatRateBp: 0 };
  if (!(MEMBER_VAT_RATES_BP as readonly number[]).includes(vatRateBp)) throw new RangeError('not a French VAT rate');
  const vatCents = vatOf(netCents, vatRateBp);
  return { netCents, vatCents, grossCents: netCents + vatCents, vatRateBp };
}

/**
 * The number the platform gives a generated invoice: the member's own continuous series
 * (their company's, not the coop's), "prefix-YYYY-NNNN" by year of issue.
 */
export function memberInvoiceNumber(issueDate: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError('sequence starts at 1');
  return `FM-${issueDate.slice(0, 4)}-${String(sequence).padStart(4, '0')}`;
}

/** Which moves a member invoice may make: received → validated → paid, never back. */
export function mayMove(from: MemberInvoiceStatus, to: MemberInvoiceStatus): boolean {
  return (from === 'received' && to === 'validated') || (from === 'validated' && to === 'paid');
}
