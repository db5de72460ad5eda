// The words of a member invoice, shared with the web through contract.ts (no server code here).

export const MEMBER_INVOICE_STATUSES = ['received', 'validated', 'paid'] as const;
export type MemberInvoiceStatus = (typeof MEMBER_INVOICE_STATUSES)[number];

/** 'franchise': the member's company is under the VAT franchise (art. 293 B du CGI) and charges none. */
export const MEMBER_VAT_REGIMES = ['standard', 'franchise'] as const;
export type MemberVatRegime = (typeof MEMBER_VAT_REGIMES)[number];

export const MEMBER_VAT_RATES_BP = [2000, 1000, 550, 210] as const;

/** A member invoice is at most 1,000,000 € excl. VAT: a bound a typo cannot pass. */
export const MAX_MEMBER_INVOICE_CENTS = 100_000_000;
