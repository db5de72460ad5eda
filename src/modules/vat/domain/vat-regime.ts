/**
 * When the VAT of a sale becomes due (CGI art. 269-2): `debits`, when it is invoiced (the
 * rule for goods, an option for services); `receipts`, when the client pays (the rule for
 * services, art. 269-2-c).
 */
export const VAT_REGIMES = ['debits', 'receipts'] as const;
export type VatRegime = (typeof VAT_REGIMES)[number];

/**
 * Whether an invoice's VAT waits for the client's payment. Only services can be on receipts:
 * a sale of goods owes its VAT on delivery whatever the coop chose (art. 269-2-a). Invoice
 * lines carry no goods/services kind, the invoice does (its category of operation, a mention
 * of the e-invoicing reform): an invoice of goods, or of goods and services, stays on debits,
 * so no VAT on goods is ever declared late.
 */
export function isVatOnReceipt(regime: VatRegime, operationCategory: 'goods' | 'services' | 'both'): boolean {
  return regime === 'receipts' && operationCategory === 'services';
}
