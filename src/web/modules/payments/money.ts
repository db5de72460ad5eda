/**
 * An amount typed in euros ("1 234,56", "1234.5", "12") in integer cents, read from its
 * digits and never through a float, so that what a person types is what is booked to the
 * cent. Null when it is not such an amount (letters, three decimals, several separators).
 */
export function eurosTextToCents(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f€]/g, '');
  const m = /^(\d+)(?:[.,](\d{0,2}))?$/.exec(s);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

/** Cents as the text of an amount input in French ("1234,56"), the inverse of `eurosTextToCents`. */
export function centsToEurosText(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

export interface InvoiceToSettle {
  id: string;
  dueDate: string;
  issueDate: string;
  amountLeftCents: number;
}

/**
 * The allocation a form proposes for a payment: the client's invoices oldest due first, each
 * up to what is left on it, as the server does when none are given (Code civil art. 1342-10).
 * The person may change it; what no invoice takes stays as the client's credit.
 */
export function prefillAllocations(invoices: readonly InvoiceToSettle[], amountCents: number): Record<string, number> {
  const sorted = [...invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate) || a.id.localeCompare(b.id));
  const out: Record<string, number> = {};
  let rest = Math.max(0, amountCents);
  for (const invoice of sorted) {
    const take = Math.min(rest, invoice.amountLeftCents);
    out[invoice.id] = take;
    rest -= take;
  }
  return out;
}
