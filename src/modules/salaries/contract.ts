import { z } from 'zod';
import { sortQuery } from '../../platform/http/list-sort.js';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { MAX_EMPLOYEE_RATE_BP, MAX_EMPLOYER_RATE_BP, MAX_SALARY_GROSS_CENTS, SALARY_STATUSES } from './domain/salary-rules.js';

// Shared by the routes and the web client: the API's types are written once, here. The pure
// simulator is shared too, so the page simulates live with the very rules the server books.
export { breakdownOfGross, MAX_SIMULATED_CENTS, simulateFromNet, simulateFromRevenue, type RevenueSimulation, type SalaryBreakdown, type SalaryRates } from './domain/simulate-salary.js';
export { MAX_SMOOTHING_MONTHS, MIN_SMOOTHING_MONTHS, smoothSalary, type SmoothingProposal } from './domain/smooth-salary.js';
export { MAX_EMPLOYEE_RATE_BP, MAX_EMPLOYER_RATE_BP, MAX_SALARY_GROSS_CENTS, SALARY_STATUSES, type SalaryStatus } from './domain/salary-rules.js';

/** A month on the wire: 'YYYY-MM'. */
export const monthString = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, bilingual({ fr: 'Mois attendu au format AAAA-MM.', en: 'Month expected as YYYY-MM.' }));

export const salarySettings = z.object({
  employerRateBp: z.number().int(),
  employeeRateBp: z.number().int(),
  /** The coop's contribution on revenue excl. VAT (its settings page), shown so the simulator says which rate it uses. */
  contributionRateBp: z.number().int(),
});
export type SalarySettings = z.infer<typeof salarySettings>;

export const salarySettingsBody = z.object({
  employerRateBp: z
    .number()
    .int()
    .min(0)
    .max(MAX_EMPLOYER_RATE_BP, bilingual({ fr: 'Le taux patronal va de 0 à 100 %.', en: 'The employer rate goes from 0 to 100 %.' })),
  employeeRateBp: z
    .number()
    .int()
    .min(0)
    .max(MAX_EMPLOYEE_RATE_BP, bilingual({ fr: 'Le taux salarial va de 0 à 50 %.', en: 'The employee rate goes from 0 to 50 %.' })),
});
export type SalarySettingsBody = z.infer<typeof salarySettingsBody>;

export const activityIdParams = z.object({ activityId: z.uuid() });
export const salaryRequestIdParams = z.object({ id: z.uuid() });

/** An accepted quote with something left to invoice: the pipeline a salary can be smoothed on. */
export const pipelineQuote = z.object({ quoteId: z.string(), number: z.string().nullable(), clientName: z.string(), leftToInvoiceNetCents: z.number().int() });

/** Everything the salary page of one activity needs: rates, treasury, pipeline, the months that may be asked. */
export const salaryOverview = z.object({
  activityId: z.string(),
  activityCode: z.string(),
  activityName: z.string(),
  rates: salarySettings,
  /** What the activity may spend now, pending salary requests already taken off. */
  availableCents: z.number().int(),
  /** The employer cost of salary requests asked and not yet validated. */
  pendingCents: z.number().int(),
  pipeline: z.array(pipelineQuote),
  askableMonths: z.array(monthString),
  /** Whether the person looking holds the activity, so may ask a salary on it. */
  canRequest: z.boolean(),
});
export type SalaryOverview = z.infer<typeof salaryOverview>;

export const requestSalaryBody = z.object({
  activityId: z.uuid(),
  month: monthString,
  grossCents: z
    .number()
    .int()
    .min(1, bilingual({ fr: 'Le brut doit être positif.', en: 'The gross must be positive.' }))
    .max(MAX_SALARY_GROSS_CENTS, bilingual({ fr: 'Le brut mensuel est limité à 100 000 €.', en: 'The monthly gross is limited to 100,000 €.' })),
  note: z.string().trim().max(500).nullable().optional(),
});
export type RequestSalaryBody = z.infer<typeof requestSalaryBody>;

export const reasonBody = z.object({
  reason: z
    .string()
    .trim()
    .min(1, bilingual({ fr: 'Indiquez un motif.', en: 'Give a reason.' }))
    .max(500),
});
export type ReasonBody = z.infer<typeof reasonBody>;

export const salaryRequest = z.object({
  id: z.string(),
  activityId: z.string(),
  activityCode: z.string(),
  activityName: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  month: monthString,
  grossCents: z.number().int(),
  employerContributionsCents: z.number().int(),
  employerCostCents: z.number().int(),
  employeeContributionsCents: z.number().int(),
  netCents: z.number().int(),
  employerRateBp: z.number().int(),
  employeeRateBp: z.number().int(),
  status: z.enum(SALARY_STATUSES),
  note: z.string().nullable(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  refusalReason: z.string().nullable(),
  entryId: z.string().nullable(),
  cancelledAt: z.date().nullable(),
  cancelReason: z.string().nullable(),
  cancelEntryId: z.string().nullable(),
});
export type SalaryRequest = z.infer<typeof salaryRequest>;

export const SALARY_SORTS = ['month', 'gross', 'net', 'status', 'createdAt'] as const;
export type SalarySort = (typeof SALARY_SORTS)[number];

export const salaryListQuery = pageQuery.extend({
  month: monthString.optional(),
  status: z.enum(SALARY_STATUSES).optional(),
  activityId: z.uuid().optional(),
  ...sortQuery(SALARY_SORTS),
});
export type SalaryListQuery = z.infer<typeof salaryListQuery>;

export const salaryListPage = pageOf(salaryRequest);
export type SalaryListPage = z.infer<typeof salaryListPage>;

export const salaryExportQuery = z.object({ month: monthString });
