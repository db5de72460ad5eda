import { z } from 'zod';
import { FUND_BOUNDS as B } from './domain/fund-settings.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const ADVANCE_STATUSES = ['requested', 'approved', 'refused', 'paid', 'settled', 'written_off'] as const;
export const LOAN_KINDS = ['micro_credit', 'treasury', 'subsidy_prefinancing'] as const;
export const ENDOWMENT_SOURCES = ['reserves', 'result'] as const;
export const ADVANCE_REFUSALS = ['document_not_eligible', 'quote_not_accepted_online', 'already_advanced', 'above_invoice_share', 'above_member_ceiling', 'fund_insufficient'] as const;

const int = (b: { min: number; max: number }) => z.number().int().min(b.min).max(b.max);
const reason = z.string().trim().min(3).max(1000);
const id = z.uuid();

export const fundSettings = z.object({
  feeRateBp: int(B.feeRateBp).describe('Fee of an advance, in basis points of its amount'),
  ceilingRevenueShareBp: int(B.ceilingRevenueShareBp).describe("A member's ceiling: this share of her activities' revenue excl. VAT over the last 12 months"),
  ceilingMaxCents: int(B.ceilingMaxCents).describe("A member's ceiling, at most"),
  maxInvoiceShareBp: int(B.maxInvoiceShareBp).describe("Largest share of an invoice's revenue excl. VAT not yet collected that may be advanced"),
  minBalanceCents: int(B.minBalanceCents).describe('What the fund always keeps'),
  writeOffAfterDays: int(B.writeOffAfterDays).describe('Days past the due date after which an advance may be written off'),
  quotesAcceptedOnlineOnly: z.boolean().describe('Only a quote the client accepted online, through the portal, may be advanced'),
});
export type FundSettingsBody = z.infer<typeof fundSettings>;

export const fundPositionOut = z.object({
  endowmentCents: z.number().int(),
  feesEarnedCents: z.number().int(),
  writtenOffCents: z.number().int(),
  outstandingCents: z.number().int(),
  availableCents: z.number().int(),
});

export const fundOut = z.object({ position: fundPositionOut, settings: fundSettings });
export type Fund = z.infer<typeof fundOut>;

export const endowmentBody = z.object({
  amountCents: z.number().int().min(1).max(1_000_000_000),
  date: z.iso.date(),
  source: z.enum(ENDOWMENT_SOURCES).describe('106 reserves, or 120 the result the assembly allotted'),
  label: z.string().trim().min(1).max(200).optional(),
});
export type EndowmentBody = z.infer<typeof endowmentBody>;

export const advanceOut = z.object({
  id: z.string(),
  activityId: z.string(),
  activityName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  /** The advanced document: an invoice or a quote (exactly one). */
  invoiceId: z.string().nullable(),
  invoiceNumber: z.string().nullable(),
  quoteId: z.string().nullable(),
  quoteNumber: z.string().nullable(),
  amountCents: z.number().int(),
  feeCents: z.number().int(),
  settledCents: z.number().int(),
  writtenOffCents: z.number().int(),
  outstandingCents: z.number().int(),
  status: z.enum(ADVANCE_STATUSES),
  reason: z.string().nullable(),
  requestedAt: z.date(),
  decidedAt: z.date().nullable(),
});
export type Advance = z.infer<typeof advanceOut>;

export const advanceListQuery = z.object({
  status: z.enum(ADVANCE_STATUSES).optional(),
  invoiceId: id.optional(),
  quoteId: id.optional(),
});

export const advanceIdParams = z.object({ id });
export const invoiceIdParams = z.object({ invoiceId: id });
export const quoteIdParams = z.object({ quoteId: id });

export const requestAdvanceBody = z
  .object({ invoiceId: id.optional(), quoteId: id.optional(), amountCents: z.number().int().min(1).max(100_000_000) })
  .refine((b) => (b.invoiceId === undefined) !== (b.quoteId === undefined), { path: ['invoiceId'], message: 'Give an invoice or a quote, not both' });
export type RequestAdvanceBody = z.infer<typeof requestAdvanceBody>;
export const reasonBody = z.object({ reason });

/** An invoice's (or a quote's) advance (the latest), and what may be asked on it now. */
export const invoiceAdvanceOut = z.object({
  advance: advanceOut.nullable(),
  maxCents: z.number().int(),
  feeRateBp: z.number().int(),
  refusal: z.enum(ADVANCE_REFUSALS).nullable(),
});
export type InvoiceAdvance = z.infer<typeof invoiceAdvanceOut>;

export const installmentOut = z.object({
  seq: z.number().int(),
  month: z.string(),
  dueDate: z.string(),
  principalCents: z.number().int(),
  interestCents: z.number().int(),
  posted: z.boolean(),
});

export const loanOut = z.object({
  id: z.string(),
  activityId: z.string(),
  activityName: z.string(),
  kind: z.enum(LOAN_KINDS),
  principalCents: z.number().int(),
  rateBp: z.number().int(),
  installmentCount: z.number().int(),
  startMonth: z.string(),
  grantDate: z.string(),
  note: z.string().nullable(),
  repaidCents: z.number().int(),
  outstandingCents: z.number().int(),
  installments: z.array(installmentOut),
});
export type Loan = z.infer<typeof loanOut>;

export const grantLoanBody = z.object({
  activityId: id,
  kind: z.enum(LOAN_KINDS),
  principalCents: z.number().int().min(100).max(100_000_000),
  rateBp: z.number().int().min(0).max(2_000),
  installmentCount: z.number().int().min(1).max(120),
  startMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM'),
  grantDate: z.iso.date(),
  note: z.string().trim().max(1000).optional(),
});
export type GrantLoanBody = z.infer<typeof grantLoanBody>;
export const loanIdParams = z.object({ id });
