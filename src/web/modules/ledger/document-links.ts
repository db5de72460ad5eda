/**
 * Where each kind of ledger source opens in the app: the one map from an entry's source
 * (`sourceType`, `sourceId`) to its document's page. A kind missing here (a manual entry, the
 * opening entry) has no page of its own and shows no link.
 */
const ROUTES: Record<string, (source: { id: string; date: string }) => string> = {
  invoice: ({ id }) => `/invoices/${id}`,
  credit_note: ({ id }) => `/invoices/${id}`,
  // VAT on receipts moved with a payment: the invoice it belongs to.
  vat_on_receipt: ({ id }) => `/invoices/${id}`,
  // Payments and bank lines have no page of their own: their list, on the entry's day.
  payment: ({ date }) => `/payments?from=${date}&to=${date}`,
  payment_remittance: ({ date }) => `/payments?from=${date}&to=${date}`,
  bank_line: () => '/bank',
};

export function documentLink(sourceType: string, sourceId: string | null, date: string): string | null {
  const route = ROUTES[sourceType];
  return route && sourceId ? route({ id: sourceId, date }) : null;
}
