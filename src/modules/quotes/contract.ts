import { z } from 'zod';
import { OUTBOX_STATUSES } from '../../platform/mail/contract.js';
import { bilingual } from '../../platform/http/messages.js';
import { sortQuery } from '../../platform/http/list-sort.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { documentLine, documentLineInput, vatGroup } from '../documents/contract.js';
import { QUOTE_STATES } from './domain/quote-lifecycle.js';
import { optionalText } from '../../platform/http/text-fields.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { QUOTE_STATES };
// The lifecycle rule, for the web to offer only the moves the server will accept.
export { decideQuoteTransition, QUOTE_ACTIONS, type QuoteAction, type QuoteActorRole } from './domain/quote-lifecycle.js';
export const QUOTE_VIEW_STATES = [...QUOTE_STATES, 'expired'] as const;
export const QUOTE_INVOICE_KINDS = ['whole', 'deposit', 'stage', 'balance'] as const;

export const quoteLineInput = documentLineInput.extend({
  /** Heading of the section this line opens, e.g. "Lot 1 — Conception". */
  sectionTitle: optionalText(200),
});
export type QuoteLineInput = z.infer<typeof quoteLineInput>;

const draftFields = {
  activityId: z.uuid(),
  clientId: z.uuid(),
  /** The job (affaire) of the client the quote belongs to; the invoices made from it carry it on. */
  jobId: z.uuid().nullable().optional(),
  /** Last day the offer holds (inclusive). */
  validUntil: z.iso.date(),
  notes: optionalText(5000),
  lines: z.array(quoteLineInput).max(500).default([]),
};

export const createQuoteBody = z.object(draftFields);
export type CreateQuoteBody = z.input<typeof createQuoteBody>;
export type NewQuote = z.infer<typeof createQuoteBody>;

export const updateQuoteBody = z.object({ ...draftFields, lines: draftFields.lines.removeDefault() }).partial();
export type UpdateQuoteBody = z.infer<typeof updateQuoteBody>;

/** The columns the quotes list sorts by. */
export const QUOTE_SORTS = ['number', 'createdAt', 'validUntil', 'net', 'gross'] as const;
export type QuoteSort = (typeof QUOTE_SORTS)[number];

export const listQuotesQuery = pageQuery.extend({
  /** The state people see: `expired` finds the offers that lapsed unanswered, `sent` those still open. */
  status: z.enum(QUOTE_VIEW_STATES).optional(),
  activityId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  jobId: z.uuid().optional(),
  /** Part of the number or of the client's name. */
  q: z.string().trim().min(1).max(100).optional(),
  ...sortQuery(QUOTE_SORTS),
});
export type ListQuotesQuery = z.infer<typeof listQuotesQuery>;
/** The CSV export takes the list's filters and sort: the file holds the whole filtered set, not a page. */
export const exportQuotesQuery = listQuotesQuery.omit({ page: true, pageSize: true });
export type ExportQuotesQuery = z.infer<typeof exportQuotesQuery>;

export const quoteParams = z.object({ id: z.uuid() });

export const quoteSummary = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.enum(QUOTE_STATES),
  /** What people see: `expired` once the validity date is behind and no answer came. */
  state: z.enum(QUOTE_VIEW_STATES),
  activityId: z.string(),
  activityName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  jobId: z.string().nullable(),
  validUntil: z.string(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  /** Nothing is left to invoice: the whole, or the balance, was invoiced ("Facturé"). */
  fullyInvoiced: z.boolean(),
  /** Where the mail of the last send stands in the outbox: the quote reached the client only once it is 'sent'. */
  sentMailStatus: z.enum(OUTBOX_STATUSES).nullable(),
  createdAt: z.date(),
});
export type QuoteSummary = z.infer<typeof quoteSummary>;

/** The sums of the whole filtered set, not of the page shown. */
export const quoteListTotals = z.object({ netCents: z.number().int(), grossCents: z.number().int() });
export const quoteListPage = pageOf(quoteSummary).extend({ totals: quoteListTotals });
export type QuoteListPage = z.infer<typeof quoteListPage>;

export const quoteLine = documentLine.extend({ sectionTitle: z.string().nullable() });

/** A quote also keeps, per rate, the exemption reason its invoices will carry. */
export const quoteVatGroup = vatGroup.extend({ exemptionReason: z.string().optional() });

export const quoteInvoiceLink = z.object({
  invoiceId: z.string(),
  kind: z.enum(QUOTE_INVOICE_KINDS),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  excessNetCents: z.number().int(),
  exceedReason: z.string().nullable(),
  createdAt: z.date(),
});

/** The quote an invoice came from, and which part of it the invoice bills. */
export const quoteOfInvoice = z.object({
  quoteId: z.string(),
  number: z.string().nullable(),
  kind: z.enum(QUOTE_INVOICE_KINDS),
});
export type QuoteOfInvoice = z.infer<typeof quoteOfInvoice>;
/** "Drafted from no quote" is an ordinary answer (most invoices are), not a 404. */
export const quoteOfInvoiceAnswer = z.object({ quote: quoteOfInvoice.nullable() });
export type QuoteOfInvoiceAnswer = z.infer<typeof quoteOfInvoiceAnswer>;
export const invoiceOfQuoteParams = z.object({ invoiceId: z.uuid() });

export const quoteDetail = quoteSummary.extend({
  notes: z.string().nullable(),
  duplicatedFromId: z.string().nullable(),
  submittedAt: z.date().nullable(),
  validatedAt: z.date().nullable(),
  sentAt: z.date().nullable(),
  sentMailLeftAt: z.date().nullable(),
  /** When the team last returned it for changes, and what they asked. */
  sentBackAt: z.date().nullable(),
  sentBackComment: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  acceptedAt: z.date().nullable(),
  acceptedIp: z.string().nullable(),
  refusedAt: z.date().nullable(),
  refusalReason: z.string().nullable(),
  updatedAt: z.date(),
  lines: z.array(quoteLine),
  vatBreakdown: z.array(quoteVatGroup),
  invoices: z.array(quoteInvoiceLink),
  invoicedNetCents: z.number().int(),
});
export type QuoteDetail = z.infer<typeof quoteDetail>;

/** Optional: without a body, no copy. */
export const sendQuoteBody = z.object({ copyToMember: z.boolean().optional().describe('Also send a visible copy to the member behind the activity') }).optional();

/** The mail a send would queue, shown for confirmation; nothing is written to produce it. */
export const quoteMailPreview = z.object({
  to: z.string(),
  /** The member's address the copy would go to; null when the activity has none. */
  memberAddress: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  attachmentName: z.string(),
});
export type QuoteMailPreview = z.infer<typeof quoteMailPreview>;

/** Optional: staff may say what to change. */
export const sendBackQuoteBody = z.object({ comment: optionalText(2000) }).optional();

export const refuseQuoteBody = z.object({ reason: optionalText(2000) });
export const acceptQuoteByStaffBody = z.object({ name: z.string().trim().min(1).max(200) });

export const quotesSettingsBody = z.object({ needsValidation: z.boolean() });
export const quotesSettingsView = z.object({ needsValidation: z.boolean() });
export type QuotesSettingsView = z.infer<typeof quotesSettingsView>;

export const invoiceQuoteBody = z
  .object({
    kind: z.enum(QUOTE_INVOICE_KINDS),
    /** Share of the quote excluding VAT, in basis points (3000 = 30 %). */
    percentBp: z.number().int().min(1).max(10_000).optional(),
    /** Amount excluding VAT, in cents (deposits only). */
    amountCents: z.number().int().min(1).max(1_000_000_000_00).optional(),
    allowExceed: z.boolean().optional(),
    exceedReason: z.string().trim().max(500).optional(),
  })
  .superRefine((b, ctx) => {
    const share = b.percentBp !== undefined || b.amountCents !== undefined;
    if (b.percentBp !== undefined && b.amountCents !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['amountCents'], message: bilingual({ fr: 'Un pourcentage ou un montant, pas les deux.', en: 'A percentage or an amount, not both.' }) });
    }
    if (b.kind === 'deposit' && !share) {
      ctx.addIssue({ code: 'custom', path: ['percentBp'], message: bilingual({ fr: "Indiquez le pourcentage ou le montant de l'acompte.", en: 'Give the percentage or the amount of the deposit.' }) });
    }
    if (b.kind === 'stage' && b.percentBp === undefined) {
      ctx.addIssue({ code: 'custom', path: ['percentBp'], message: bilingual({ fr: "Indiquez le pourcentage de la situation.", en: 'Give the percentage of the stage.' }) });
    }
    if ((b.kind === 'whole' || b.kind === 'balance') && share) {
      ctx.addIssue({ code: 'custom', path: ['kind'], message: bilingual({ fr: 'Le total et le solde ne prennent ni pourcentage ni montant.', en: 'The whole and the balance take no percentage nor amount.' }) });
    }
    if (b.kind === 'stage' && b.amountCents !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['amountCents'], message: bilingual({ fr: 'Une situation se donne en pourcentage.', en: 'A stage is given as a percentage.' }) });
    }
  });
export type InvoiceQuoteBody = z.infer<typeof invoiceQuoteBody>;
export const invoiceQuoteResult = z.object({
  invoiceId: z.string(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  excessNetCents: z.number().int(),
  remainingNetCents: z.number().int(),
});

// The client portal: what a client reading the link sees, nothing about the member or the coop's internals.
export const portalParams = z.object({ token: z.string().min(1).max(1000) });
export const portalQuote = z.object({
  coop: z.object({
    name: z.string(),
    siren: z.string(),
    vatNumber: z.string(),
    addressLine1: z.string(),
    addressLine2: z.string().nullable(),
    postalCode: z.string(),
    city: z.string(),
    email: z.string().nullable(),
  }),
  activityName: z.string(),
  clientName: z.string(),
  number: z.string().nullable(),
  state: z.enum(QUOTE_VIEW_STATES),
  validUntil: z.string(),
  notes: z.string().nullable(),
  lines: z.array(quoteLine),
  vatBreakdown: z.array(quoteVatGroup),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  acceptedByName: z.string().nullable(),
  acceptedAt: z.date().nullable(),
  refusedAt: z.date().nullable(),
});
export type PortalQuote = z.infer<typeof portalQuote>;
export const portalAcceptBody = z.object({ name: z.string().trim().min(2).max(200) });
export const portalRefuseBody = z.object({ reason: optionalText(2000) });
