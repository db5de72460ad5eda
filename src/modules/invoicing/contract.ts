import { z } from 'zod';
import { OUTBOX_STATUSES } from '../../platform/mail/contract.js';
import { bilingual } from '../../platform/http/messages.js';
import { sortQuery } from '../../platform/http/list-sort.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { documentLine, documentLineInput, VAT_CATEGORIES, vatGroup } from '../documents/contract.js';
import { invoiceContribution } from '../contribution/contract.js';
import { optionalText } from '../../platform/http/text-fields.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const INVOICE_KINDS = ['invoice', 'credit_note', 'deposit'] as const;
export const INVOICE_STATUSES = ['draft', 'validated', 'sent', 'partially_paid', 'paid'] as const;
export const OPERATION_CATEGORIES = ['goods', 'services', 'both'] as const;
export { VAT_CATEGORIES };
// The lifecycle rule, for the web to show what is overdue and offer only the actions the server takes.
export { allowedInvoiceActions, amountLeftCents, isInvoiceOverdue } from './domain/invoice-lifecycle.js';

/** The invoice's lines are every document's lines. */
export const invoiceLineInput = documentLineInput;
export type InvoiceLineInput = z.infer<typeof invoiceLineInput>;

const period = z
  .object({ start: z.iso.date(), end: z.iso.date() })
  .refine((p) => p.start <= p.end, { path: ['end'], message: bilingual({ fr: 'La fin précède le début.', en: 'The end is before the start.' }) });

const draftFields = {
  activityId: z.uuid(),
  clientId: z.uuid(),
  /** The job (affaire) of the client the invoice belongs to: its revenue is split between the job's activities. */
  jobId: z.uuid().nullable().optional(),
  /** Date of the delivery or of the end of the service (art. 242 nonies A I 7°). */
  serviceDate: z.iso.date().nullable().optional(),
  servicePeriod: period.nullable().optional(),
  paymentTermsDays: z.number().int().min(0).max(60).optional(),
  paymentTermsEndOfMonth: z.boolean().optional(),
  operationCategory: z.enum(OPERATION_CATEGORIES).default('services'),
  notes: optionalText(5000),
  lines: z.array(invoiceLineInput).max(500).default([]),
};

export const createInvoiceBody = z.object({ kind: z.enum(['invoice', 'deposit']).default('invoice'), ...draftFields });
export type CreateInvoiceBody = z.input<typeof createInvoiceBody>;
export type NewInvoice = z.infer<typeof createInvoiceBody>;

export const updateInvoiceBody = z.object({ ...draftFields, operationCategory: draftFields.operationCategory.removeDefault(), lines: draftFields.lines.removeDefault() }).partial();
export type UpdateInvoiceBody = z.infer<typeof updateInvoiceBody>;

export const creditNoteBody = z.union([
  z.object({ full: z.literal(true) }).strict(),
  z.object({ lines: z.array(invoiceLineInput).min(1).max(500) }).strict(),
]);
export type CreditNoteBody = z.infer<typeof creditNoteBody>;

/** The list filters: the stored states, and `overdue`, derived from the due date and what is left to pay. */
export const INVOICE_STATUS_FILTERS = [...INVOICE_STATUSES, 'overdue'] as const;
export type InvoiceStatusFilter = (typeof INVOICE_STATUS_FILTERS)[number];

/** The columns the invoices list sorts by. */
export const INVOICE_SORTS = ['number', 'issueDate', 'dueDate', 'gross', 'paid'] as const;
export type InvoiceSort = (typeof INVOICE_SORTS)[number];

export const listInvoicesQuery = pageQuery.extend({
  status: z.enum(INVOICE_STATUS_FILTERS).optional(),
  /** Drafts a member handed to the team, waiting for validation. */
  toValidate: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  kind: z.enum(INVOICE_KINDS).optional(),
  activityId: z.uuid().optional(),
  clientId: z.uuid().optional(),
  jobId: z.uuid().optional(),
  /** Part of the number or of the client's name. */
  q: z.string().trim().min(1).max(100).optional(),
  ...sortQuery(INVOICE_SORTS),
});
export type ListInvoicesQuery = z.infer<typeof listInvoicesQuery>;
/** The CSV export takes the list's filters and sort: the file holds the whole filtered set, not a page. */
export const exportInvoicesQuery = listInvoicesQuery.omit({ page: true, pageSize: true });
export type ExportInvoicesQuery = z.infer<typeof exportInvoicesQuery>;

export const invoiceParams = z.object({ id: z.uuid() });

export const invoiceSummary = z.object({
  id: z.string(),
  kind: z.enum(INVOICE_KINDS),
  status: z.enum(INVOICE_STATUSES),
  number: z.string().nullable(),
  activityId: z.string(),
  activityCode: z.string(),
  activityName: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  issueDate: z.string().nullable(),
  dueDate: z.string().nullable(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  paidCents: z.number().int(),
  /** Credit notes issued on this invoice, incl. VAT (0 on a credit note itself). */
  creditedCents: z.number().int(),
  creditedInvoiceId: z.string().nullable(),
  jobId: z.string().nullable(),
  submittedAt: z.date().nullable(),
  /** When the team last returned the draft for changes, and what they asked. */
  sentBackAt: z.date().nullable(),
  sentBackComment: z.string().nullable(),
  /** Where the mail of the last send stands in the outbox: 'sent' only once it left. Null if never sent. */
  lastMailStatus: z.enum(OUTBOX_STATUSES).nullable(),
  createdAt: z.date(),
});
export type InvoiceSummary = z.infer<typeof invoiceSummary>;

/**
 * The sums of the whole filtered set (not of the page shown): incl. VAT, a credit note counting
 * negative; paid and left only on issued invoices, as the list's columns show them.
 */
export const invoiceListTotals = z.object({ grossCents: z.number().int(), paidCents: z.number().int(), leftCents: z.number().int() });
export const invoiceListPage = pageOf(invoiceSummary).extend({ totals: invoiceListTotals });
export type InvoiceListPage = z.infer<typeof invoiceListPage>;

export const invoiceDetail = invoiceSummary.extend({
  serviceDate: z.string().nullable(),
  servicePeriod: z.object({ start: z.string(), end: z.string() }).nullable(),
  paymentTermsDays: z.number().int(),
  paymentTermsEndOfMonth: z.boolean(),
  operationCategory: z.enum(OPERATION_CATEGORIES),
  currency: z.string(),
  notes: z.string().nullable(),
  validatedAt: z.date().nullable(),
  updatedAt: z.date(),
  lines: z.array(documentLine),
  vatBreakdown: z.array(vatGroup),
  /** The credit notes issued on this invoice. */
  creditNotes: z.array(z.object({ id: z.string(), number: z.string().nullable(), issueDate: z.string().nullable(), grossCents: z.number().int() })),
  /** The number of the invoice a credit note corrects. */
  creditedInvoiceNumber: z.string().nullable(),
  /** The order (accepted quote) a deposit or final invoice belongs to. */
  order: z
    .object({ number: z.string(), issueDate: z.string(), summary: z.array(z.string()).optional(), netCents: z.number().int().optional(), grossCents: z.number().int().optional() })
    .nullable(),
  /** A final invoice: the deposit invoices it deducts (numbers and amounts as issued; a draft deposit has no number yet). */
  deposits: z.array(z.object({ id: z.string(), number: z.string().nullable(), issueDate: z.string().nullable(), netCents: z.number().int(), vatCents: z.number().int(), grossCents: z.number().int() })),
  /** The document's own totals: the whole service, and the deposits deducted from it (the amounts above are what is left to pay). */
  documentTotals: z.object({ taxBasisCents: z.number().int(), vatTotalCents: z.number().int(), grandTotalCents: z.number().int(), prepaidCents: z.number().int() }),
  /** A deposit split across VAT rates where a cent moved from one rate to another: each rate's own rounded share and the share it got. */
  vatSplit: z
    .object({
      percentBp: z.number().int().optional(),
      netCents: z.number().int(),
      groups: z.array(z.object({ vatCategory: z.enum(VAT_CATEGORIES), vatRateBp: z.number().int(), proportionalCents: z.number().int(), basisCents: z.number().int() })),
    })
    .nullable(),
  /** The cooperative contribution the invoice bore so far (null: none posted yet, or a deposit / credit note, which bear none). */
  contribution: invoiceContribution.nullable(),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;

export const sendInvoiceResult = z.object({ mailId: z.string(), to: z.string(), cc: z.string().nullable(), invoice: invoiceDetail });

/** Optional: without a body, no copy. */
export const sendDocumentBody = z.object({ copyToMember: z.boolean().optional().describe('Also send a visible copy to the member behind the activity') }).optional();
export type SendDocumentBody = z.infer<typeof sendDocumentBody>;

/** The mail a send would queue, shown for confirmation; nothing is written to produce it. */
export const documentMailPreview = z.object({
  to: z.string(),
  /** The member's address the copy would go to; null when the activity has none. */
  memberAddress: z.string().nullable(),
  subject: z.string(),
  text: z.string(),
  attachmentName: z.string(),
});
export type DocumentMailPreview = z.infer<typeof documentMailPreview>;

/** One send of an issued invoice, with where its mail stands. */
export const invoiceSend = z.object({
  id: z.string(),
  at: z.date(),
  to: z.string(),
  cc: z.string().nullable(),
  mailStatus: z.enum(OUTBOX_STATUSES).nullable(),
  mailSentAt: z.date().nullable(),
});
export type InvoiceSend = z.infer<typeof invoiceSend>;

export const sendBackBody = z.object({ comment: z.string().trim().max(2000).nullish().describe('What the author should change') });
export type SendBackBody = z.infer<typeof sendBackBody>;
export type SendInvoiceResult = z.infer<typeof sendInvoiceResult>;

export const invoicingSettingsView = z.object({
  /** Members validate their own invoices up to this total incl. VAT; null: only the team validates. */
  memberValidationLimitCents: z.number().int().min(0).max(1_000_000_000_00).nullable(),
});
export type InvoicingSettingsView = z.infer<typeof invoicingSettingsView>;

/** The sequence the next invoice validated today would take, in a yearly or a continuous series. */
export const nextInvoiceSequence = z.object({ year: z.number().int(), yearly: z.number().int(), continuous: z.number().int() });
export type NextInvoiceSequence = z.infer<typeof nextInvoiceSequence>;
