import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { EXPENSE_VAT_RATES_BP, MAX_LINE_CENTS } from './domain/expense-amounts.js';
import { MAX_TRIP_KM } from './domain/mileage.js';
import { EXPENSE_REPORT_STATUSES } from './domain/report-status.js';

// Shared by the routes and the web client: the API's types are written once, here.

const label = (what: { fr: string; en: string }) =>
  z
    .string({ error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .trim()
    .min(1, { error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .max(100, { error: bilingual({ fr: '100 caractères au plus.', en: '100 characters at most.' }) });

export const spendingCategory = z.object({
  id: z.uuid(),
  code: z.string(),
  labelFr: z.string(),
  labelEn: z.string(),
  account: z.string(),
  inContributionBase: z.boolean(),
  active: z.boolean(),
});
export type SpendingCategory = z.infer<typeof spendingCategory>;
export const spendingCategoryList = z.object({ items: z.array(spendingCategory) });

export const spendingCategoryListQuery = z.object({
  /** The team manages every category; a form offers only the active ones. */
  includeInactive: z.enum(['true', 'false']).optional(),
});

const account = z
  .string({ error: bilingual({ fr: 'Compte obligatoire.', en: 'Account required.' }) })
  .trim()
  .regex(/^6[0-9]{1,11}$/, { error: bilingual({ fr: 'Un compte de charges (classe 6) du plan comptable, ex. 6064.', en: 'An expense account (class 6) of the chart, e.g. 6064.' }) });

export const createSpendingCategoryBody = z.object({
  code: z
    .string({ error: bilingual({ fr: 'Code obligatoire.', en: 'Code required.' }) })
    .trim()
    .regex(/^[a-z0-9_]{1,40}$/, { error: bilingual({ fr: 'Code : lettres minuscules, chiffres et _ (40 au plus).', en: 'Code: lower-case letters, digits and _ (40 at most).' }) }),
  labelFr: label({ fr: 'Libellé français', en: 'French label' }),
  labelEn: label({ fr: 'Libellé anglais', en: 'English label' }),
  account,
  inContributionBase: z.boolean().default(false),
});
export type CreateSpendingCategoryBody = z.input<typeof createSpendingCategoryBody>;

export const updateSpendingCategoryBody = z
  .object({
    labelFr: label({ fr: 'Libellé français', en: 'French label' }),
    labelEn: label({ fr: 'Libellé anglais', en: 'English label' }),
    account,
    inContributionBase: z.boolean(),
    active: z.boolean(),
  })
  .partial();
export type UpdateSpendingCategoryBody = z.input<typeof updateSpendingCategoryBody>;

export const idParams = z.object({ id: z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid id.' }) }) });

// ---- Expense reports

export { EXPENSE_REPORT_STATUSES, type ExpenseReportStatus } from './domain/report-status.js';
export { EXPENSE_VAT_RATES_BP, MAX_LINE_CENTS } from './domain/expense-amounts.js';
export { MAX_RECEIPT_BYTES, RECEIPT_KINDS } from './domain/receipt-kind.js';
export { MAX_TRIP_KM } from './domain/mileage.js';

const isoDate = z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) });
const text = (max: number, what: { fr: string; en: string }) =>
  z
    .string({ error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .trim()
    .min(1, { error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .max(max, { error: bilingual({ fr: `${max} caractères au plus.`, en: `${max} characters at most.` }) });
const cents = (what: { fr: string; en: string }, min = 1) =>
  z
    .number({ error: bilingual({ fr: `${what.fr} obligatoire.`, en: `${what.en} required.` }) })
    .int({ error: bilingual({ fr: 'Montant en centimes entiers.', en: 'Amount in whole cents.' }) })
    .min(min, { error: bilingual({ fr: min > 0 ? 'Le montant doit être positif.' : 'Le montant ne peut pas être négatif.', en: min > 0 ? 'The amount must be positive.' : 'The amount cannot be negative.' }) })
    .max(MAX_LINE_CENTS, { error: bilingual({ fr: '1 000 000 € au plus.', en: '€1,000,000 at most.' }) });
const iban = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/, { error: bilingual({ fr: 'IBAN invalide.', en: 'Invalid IBAN.' }) }));
const bic = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { error: bilingual({ fr: 'BIC invalide (8 ou 11 caractères).', en: 'Invalid BIC (8 or 11 characters).' }) });

export const createExpenseReportBody = z.object({
  /** The team files a report for a member; a member names no one (it is theirs). */
  memberId: z.uuid().optional(),
  activityId: z.uuid({ error: bilingual({ fr: 'Activité obligatoire.', en: 'Activity required.' }) }),
  title: text(200, { fr: 'Titre', en: 'Title' }),
  payeeIban: iban.nullable().optional(),
  payeeBic: bic.nullable().optional(),
});
export type CreateExpenseReportBody = z.input<typeof createExpenseReportBody>;

export const updateExpenseReportBody = z
  .object({
    activityId: z.uuid({ error: bilingual({ fr: 'Activité invalide.', en: 'Invalid activity.' }) }),
    title: text(200, { fr: 'Titre', en: 'Title' }),
    payeeIban: iban.nullable(),
    payeeBic: bic.nullable(),
  })
  .partial();
export type UpdateExpenseReportBody = z.input<typeof updateExpenseReportBody>;

const expenseLineFields = z
  .object({
    kind: z.literal('expense'),
    spentOn: isoDate,
    description: text(300, { fr: 'Description', en: 'Description' }),
    categoryId: z.uuid({ error: bilingual({ fr: 'Catégorie obligatoire.', en: 'Category required.' }) }),
    grossCents: cents({ fr: 'Montant TTC', en: 'Amount incl. VAT' }),
    /** The VAT rate of the receipt (the VAT is computed), or… */
    vatRateBp: z
      .number()
      .int()
      .refine((r) => (EXPENSE_VAT_RATES_BP as readonly number[]).includes(r), { error: bilingual({ fr: 'Taux de TVA français : 0, 2,1, 5,5, 10 ou 20 %.', en: 'French VAT rate: 0, 2.1, 5.5, 10 or 20 %.' }) })
      .optional(),
    /** …the VAT amount it shows (several rates on one receipt). */
    vatCents: cents({ fr: 'TVA', en: 'VAT' }, 0).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.vatCents !== undefined && v.vatCents >= v.grossCents) ctx.addIssue({ code: 'custom', path: ['vatCents'], message: bilingual({ fr: 'La TVA doit être inférieure au montant TTC.', en: 'The VAT must be less than the amount incl. VAT.' }) });
    if (v.vatCents !== undefined && v.vatRateBp !== undefined) ctx.addIssue({ code: 'custom', path: ['vatCents'], message: bilingual({ fr: 'Indiquez le taux ou le montant de TVA, pas les deux.', en: 'Give the VAT rate or the VAT amount, not both.' }) });
  });

const mileageLineFields = z.object({
  kind: z.literal('mileage'),
  spentOn: isoDate,
  description: text(300, { fr: 'Trajet', en: 'Trip' }),
  horsepower: z
    .number({ error: bilingual({ fr: 'Puissance fiscale obligatoire.', en: 'Fiscal horsepower required.' }) })
    .int({ error: bilingual({ fr: 'Puissance fiscale en CV entiers.', en: 'Fiscal horsepower in whole CV.' }) })
    .min(1, { error: bilingual({ fr: '1 CV au moins.', en: '1 CV at least.' }) })
    .max(50, { error: bilingual({ fr: '50 CV au plus.', en: '50 CV at most.' }) }),
  distanceKm: z
    .number({ error: bilingual({ fr: 'Distance obligatoire.', en: 'Distance required.' }) })
    .int({ error: bilingual({ fr: 'Distance en km entiers.', en: 'Distance in whole km.' }) })
    .min(1, { error: bilingual({ fr: '1 km au moins.', en: '1 km at least.' }) })
    .max(MAX_TRIP_KM, { error: bilingual({ fr: `${MAX_TRIP_KM} km au plus par trajet.`, en: `${MAX_TRIP_KM} km at most per trip.` }) }),
});

export const addExpenseLineBody = z.discriminatedUnion('kind', [expenseLineFields, mileageLineFields], { error: bilingual({ fr: 'Type de ligne : expense ou mileage.', en: 'Line kind: expense or mileage.' }) });
export type AddExpenseLineBody = z.input<typeof addExpenseLineBody>;
export type AddExpenseLine = z.infer<typeof addExpenseLineBody>;

export const reportParams = z.object({ id: z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid id.' }) }) });
export const lineParams = z.object({
  id: z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid id.' }) }),
  lineId: z.uuid({ error: bilingual({ fr: 'Identifiant invalide.', en: 'Invalid id.' }) }),
});

export const returnExpenseReportBody = z.object({ comment: text(1000, { fr: 'Commentaire', en: 'Comment' }) });
export type ReturnExpenseReportBody = z.input<typeof returnExpenseReportBody>;

export const payExpenseReportBody = z.object({
  paidOn: isoDate,
  /** The coop's bank account the transfer left from; its first account when absent. */
  bankAccountId: z.uuid({ error: bilingual({ fr: 'Compte bancaire invalide.', en: 'Invalid bank account.' }) }).optional(),
});
export type PayExpenseReportBody = z.input<typeof payExpenseReportBody>;

export const cancelExpenseReportBody = z.object({ comment: text(1000, { fr: 'Motif', en: 'Reason' }) });

export const expenseReportListQuery = pageQuery.extend({
  status: z.enum(EXPENSE_REPORT_STATUSES).optional(),
  memberId: z.uuid().optional(),
});
export type ExpenseReportListQuery = z.input<typeof expenseReportListQuery>;

export const mileageQuoteQuery = z.object({
  spentOn: isoDate,
  horsepower: z.coerce.number().int().min(1).max(50),
  distanceKm: z.coerce.number().int().min(1).max(MAX_TRIP_KM),
  /** The member whose year is counted (the team asks for a member; a member for themself). */
  memberId: z.uuid().optional(),
});
export const mileageQuote = z.object({
  amountCents: z.number().int(),
  scaleYear: z.number().int(),
  /** The km the member already claimed in the trip's year, which set the band. */
  priorKm: z.number().int(),
});
export type MileageQuote = z.infer<typeof mileageQuote>;

export const expenseLine = z.object({
  id: z.uuid(),
  kind: z.enum(['expense', 'mileage']),
  spentOn: z.string(),
  description: z.string(),
  categoryId: z.uuid().nullable(),
  categoryLabel: z.object({ fr: z.string(), en: z.string() }).nullable(),
  account: z.string(),
  inContributionBase: z.boolean(),
  grossCents: z.number().int(),
  netCents: z.number().int(),
  vatCents: z.number().int(),
  vatRateBp: z.number().int().nullable(),
  horsepower: z.number().int().nullable(),
  distanceKm: z.number().int().nullable(),
  scaleYear: z.number().int().nullable(),
  receipt: z.object({ type: z.string(), name: z.string(), bytes: z.number().int() }).nullable(),
});
export type ExpenseLine = z.infer<typeof expenseLine>;

export const expenseReportStep = z.object({
  step: z.string(),
  comment: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.string(),
});

const reportSummaryFields = {
  id: z.uuid(),
  number: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  activityId: z.uuid(),
  activityName: z.string(),
  title: z.string(),
  status: z.enum(EXPENSE_REPORT_STATUSES),
  totalGrossCents: z.number().int(),
  refundCents: z.number().int().nullable(),
  paidOn: z.string().nullable(),
  createdAt: z.string(),
};
export const expenseReportSummary = z.object(reportSummaryFields);
export type ExpenseReportSummary = z.infer<typeof expenseReportSummary>;
export const expenseReportPage = pageOf(expenseReportSummary);

export const expenseReport = z.object({
  ...reportSummaryFields,
  payeeIban: z.string().nullable(),
  payeeBic: z.string().nullable(),
  totalNetCents: z.number().int(),
  totalVatCents: z.number().int(),
  advanceSettledCents: z.number().int().nullable(),
  /** What an expense advance of the member on this activity still holds (what the next validation settles). */
  advanceOutstandingCents: z.number().int(),
  lines: z.array(expenseLine),
  steps: z.array(expenseReportStep),
  /** The scale of the mileage lines of a report made today, for the page to say which year it is. */
  mileageScaleYear: z.number().int().nullable(),
});
export type ExpenseReport = z.infer<typeof expenseReport>;

export const grantExpenseAdvanceBody = z.object({
  memberId: z.uuid({ error: bilingual({ fr: 'Membre obligatoire.', en: 'Member required.' }) }),
  activityId: z.uuid({ error: bilingual({ fr: 'Activité obligatoire.', en: 'Activity required.' }) }),
  amountCents: cents({ fr: 'Montant', en: 'Amount' }),
  paidOn: isoDate,
  reference: text(140, { fr: 'Référence du virement', en: 'Transfer reference' }),
  bankAccountId: z.uuid({ error: bilingual({ fr: 'Compte bancaire invalide.', en: 'Invalid bank account.' }) }).optional(),
});
export type GrantExpenseAdvanceBody = z.input<typeof grantExpenseAdvanceBody>;

export const expenseAdvance = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  activityId: z.uuid(),
  activityName: z.string(),
  amountCents: z.number().int(),
  paidOn: z.string(),
  reference: z.string(),
});
export type ExpenseAdvance = z.infer<typeof expenseAdvance>;
export const expenseAdvanceList = z.object({ items: z.array(expenseAdvance) });
