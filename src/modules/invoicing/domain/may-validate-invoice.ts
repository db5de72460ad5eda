/**
 * Who may issue an invoice. The coop is the seller in law, so its team validates; a coop
 * may let members issue their own activity's invoices up to a total incl. VAT it sets,
 * and no further (null: never). Whose activity it is is checked by the caller, which only
 * ever finds a member's own invoices.
 *
 * A pure rule: the service applies it to the locked invoice, inside the transaction that
 * issues it, so the total checked is the total issued.
 */
export type ValidationRight = { ok: true } | { ok: false; reason: 'reserved_to_staff' | 'above_member_limit' };

export function mayValidateInvoice(by: { staff: boolean }, grossCents: number, memberLimitCents: number | null): ValidationRight {
  if (by.staff) return { ok: true };
  if (memberLimitCents === null) return { ok: false, reason: 'reserved_to_staff' };
  return grossCents <= memberLimitCents ? { ok: true } : { ok: false, reason: 'above_member_limit' };
}
