import { vatOf } from '../../documents/index.js';

export { MAX_MEMBER_INVOICE_CENTS, MEMBER_INVOICE_STATUSES, MEMBER_VAT_RATES_BP, MEMBER_VAT_REGIMES, type MemberInvoiceStatus, type MemberVatRegime } from './member-invoice-kinds.js';
import { MAX_MEMBER_INVOICE_CENTS, MEMBER_VAT_RATES_BP, type MemberInvoiceStatus, type MemberVatRegime } from './member-invoice-kinds.js';

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
