import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { MAX_MEMBER_INVOICE_CENTS, MEMBER_INVOICE_STATUSES, MEMBER_VAT_RATES_BP, MEMBER_VAT_REGIMES } from './domain/member-invoice-kinds.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { MAX_MEMBER_INVOICE_CENTS, MEMBER_INVOICE_STATUSES, MEMBER_VAT_RATES_BP, MEMBER_VAT_REGIMES };
export type { MemberInvoiceStatus, MemberVatRegime } from './domain/member-invoice-kinds.js';

const isoDate = z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) });
const netCents = z
  .number({ error: bilingual({ fr: 'Montant obligatoire.', en: 'Amount required.' }) })
  .int({ error: bilingual({ fr: 'Montant en centimes entiers.', en: 'Amount in whole cents.' }) })
  .min(1, { error: bilingual({ fr: 'Le montant doit être positif.', en: 'The amount must be positive.' }) })
  .max(MAX_MEMBER_INVOICE_CENTS, { error: bilingual({ fr: 'Montant trop élevé (1 000 000 € HT au plus).', en: 'Amount too large (1,000,000 € excl. VAT at most).' }) });
const vatRateBp = z
  .number({ error: bilingual({ fr: 'Taux de TVA obligatoire.', en: 'VAT rate required.' }) })
  .int()
  .refine((r) => r === 0 || (MEMBER_VAT_RATES_BP as readonly number[]).includes(r), { error: bilingual({ fr: 'Taux de TVA français : 20, 10, 5,5 ou 2,1 %.', en: 'French VAT rate: 20, 10, 5.5 or 2.1 %.' }) });
const description = z
  .string({ error: bilingual({ fr: 'Description obligatoire.', en: 'Description required.' }) })
  .trim()
  .min(1, { error: bilingual({ fr: 'Description obligatoire.', en: 'Description required.' }) })
  .max(500, { error: bilingual({ fr: '500 caractères au plus.', en: '500 characters at most.' }) });

const commonFields = {
  /** Staff enter an invoice for a member; a member names no one (it is theirs). */
  memberId: z.uuid().optional(),
  activityId: z.uuid({ error: bilingual({ fr: 'Activité obligatoire.', en: 'Activity required.' }) }),
  netCents,
  vatRegime: z.enum(MEMBER_VAT_REGIMES, { error: bilingual({ fr: 'Régime de TVA inconnu.', en: 'Unknown VAT regime.' }) }),
  vatRateBp: vatRateBp.default(0),
  description,
  jobId: z.uuid().nullable().optional(),
};

const vatRule = <T extends { vatRegime: string; vatRateBp: number }>(v: T, ctx: z.RefinementCtx) => {
  if (v.vatRegime === 'standard' && v.vatRateBp === 0) ctx.addIssue({ code: 'custom', path: ['vatRateBp'], message: bilingual({ fr: 'Taux de TVA obligatoire hors franchise.', en: 'VAT rate required outside the franchise.' }) });
};

/**
 * An invoice the platform writes for the member: their company is the seller, the coop the
 * buyer; the number is taken from the member's series, the date is today.
 */
export const generateMemberInvoiceBody = z
  .object({
    ...commonFields,
    /** The date the service was rendered (a mandatory mention). */
    serviceDate: isoDate,
    /** The member's intra-EU VAT number, printed outside the franchise. */
    vatNumber: z
      .string()
      .trim()
      .regex(/^FR[0-9A-Z]{2}[0-9]{9}$/, { error: bilingual({ fr: 'Numéro de TVA français invalide (FR + 11 caractères).', en: 'Invalid French VAT number (FR + 11 characters).' }) })
      .optional(),
    /** Where the coop pays the member. */
    iban: z
      .string({ error: bilingual({ fr: 'IBAN obligatoire.', en: 'IBAN required.' }) })
      .transform((s) => s.replace(/\s+/g, '').toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, { error: bilingual({ fr: 'IBAN invalide.', en: 'Invalid IBAN.' }) })),
  })
  .superRefine((v, ctx) => {
    vatRule(v, ctx);
    if (v.vatRegime === 'standard' && !v.vatNumber) ctx.addIssue({ code: 'custom', path: ['vatNumber'], message: bilingual({ fr: 'Numéro de TVA obligatoire hors franchise.', en: 'VAT number required outside the franchise.' }) });
  });
export type GenerateMemberInvoiceBody = z.input<typeof generateMemberInvoiceBody>;
export type GenerateMemberInvoice = z.infer<typeof generateMemberInvoiceBody>;

/** An invoice the member wrote themself: its number and date as typed, and its PDF (multipart). */
export const uploadMemberInvoiceFields = z
  .object({
    ...commonFields,
    netCents: z.coerce.number({ error: bilingual({ fr: 'Montant obligatoire.', en: 'Amount required.' }) }).pipe(netCents),
    vatRateBp: z.coerce.number().pipe(vatRateBp).default(0),
    jobId: z.uuid().optional(),
    number: z
      .string({ error: bilingual({ fr: 'Numéro obligatoire.', en: 'Number required.' }) })
      .trim()
      .min(1, { error: bilingual({ fr: 'Numéro obligatoire.', en: 'Number required.' }) })
      .max(40, { error: bilingual({ fr: '40 caractères au plus.', en: '40 characters at most.' }) }),
    issueDate: isoDate,
  })
  .superRefine(vatRule);
export type UploadMemberInvoiceFields = z.infer<typeof uploadMemberInvoiceFields>;

export const markPaidBody = z.object({
  paidOn: isoDate,
  reference: z
    .string({ error: bilingual({ fr: 'Référence obligatoire.', en: 'Reference required.' }) })
    .trim()
    .min(1, { error: bilingual({ fr: 'Référence obligatoire.', en: 'Reference required.' }) })
    .max(140, { error: bilingual({ fr: '140 caractères au plus.', en: '140 characters at most.' }) }),
});
export type MarkPaidBody = z.infer<typeof markPaidBody>;

export const memberInvoice = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  activityId: z.string(),
  activityName: z.string(),
  number: z.string(),
  issueDate: z.string(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  vatRegime: z.enum(MEMBER_VAT_REGIMES),
  vatRateBp: z.number().int(),
  jobId: z.string().nullable(),
  description: z.string(),
  origin: z.enum(['generated', 'uploaded']),
  hasFile: z.boolean(),
  status: z.enum(MEMBER_INVOICE_STATUSES),
  validatedAt: z.date().nullable(),
  paidOn: z.string().nullable(),
  paymentReference: z.string().nullable(),
  purchaseEntryId: z.string().nullable(),
  paymentEntryId: z.string().nullable(),
  createdAt: z.date(),
});
export type MemberInvoice = z.infer<typeof memberInvoice>;

export const memberInvoiceListQuery = pageQuery.extend({
  status: z.enum(MEMBER_INVOICE_STATUSES).optional(),
  memberId: z.uuid().optional(),
});
export type MemberInvoiceListQuery = z.infer<typeof memberInvoiceListQuery>;
export const memberInvoicePage = pageOf(memberInvoice);
export type MemberInvoicePage = z.infer<typeof memberInvoicePage>;

export const idParams = z.object({ id: z.uuid() });
export const memberParams = z.object({ memberId: z.uuid() });

/** A member's volume of work through the coop against the revenue they declared. */
export const independenceView = z.object({
  memberId: z.string(),
  from: z.string(),
  to: z.string(),
  volumeCents: z.number().int(),
  declaredRevenueCents: z.number().int().nullable(),
  declaredYear: z.number().int().nullable(),
  ratioBp: z.number().int().nullable(),
  thresholdBp: z.number().int(),
  alert: z.object({ crossedAt: z.date(), ratioBp: z.number().int() }).nullable(),
  /** Volume per month of the window, oldest first, for the chart. */
  months: z.array(z.object({ month: z.string(), netCents: z.number().int() })),
});
export type IndependenceView = z.infer<typeof independenceView>;

export const independentsSettingsView = z.object({
  thresholdBp: z.number().int(),
});
export type IndependentsSettingsView = z.infer<typeof independentsSettingsView>;
export const updateIndependentsSettingsBody = z.object({
  thresholdBp: z
    .number({ error: bilingual({ fr: 'Seuil obligatoire.', en: 'Threshold required.' }) })
    .int({ error: bilingual({ fr: 'Seuil en points de base entiers.', en: 'Threshold in whole basis points.' }) })
    .min(100, { error: bilingual({ fr: 'Seuil entre 1 et 100 %.', en: 'Threshold between 1 and 100 %.' }) })
    .max(10000, { error: bilingual({ fr: 'Seuil entre 1 et 100 %.', en: 'Threshold between 1 and 100 %.' }) }),
});
export type UpdateIndependentsSettingsBody = z.infer<typeof updateIndependentsSettingsBody>;

/** What a member may invoice the coop for on one job, for one of their activities (issue 13 §3). */
export const jobShare = z.object({
  jobId: z.string(),
  reference: z.string(),
  title: z.string(),
  clientName: z.string(),
  activityId: z.string(),
  activityName: z.string(),
  /** The activity's revenue part of the job excl. VAT, as issued (credit notes deducted). */
  revenueCents: z.number().int(),
  /** The commission that part owes the deal bringer. */
  commissionOwedCents: z.number().int(),
  /** The coop's contribution on that part, under the activity's rule. */
  contributionCents: z.number().int(),
  /** Already invoiced to the coop for that job on that activity. */
  invoicedCents: z.number().int(),
  /** What is left to invoice: the most a new member invoice on that job may carry excl. VAT. */
  leftCents: z.number().int(),
});
export type JobShare = z.infer<typeof jobShare>;
export const jobShareList = z.object({ items: z.array(jobShare) });
export type JobShareList = z.infer<typeof jobShareList>;
