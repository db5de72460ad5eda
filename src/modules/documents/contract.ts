import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { optionalText } from '../../platform/http/text-fields.js';
import { VAT_CATEGORIES } from './domain/compute-totals.js';
import { LINE_BOUNDS } from './domain/line-problems.js';

// The lines and VAT groups every commercial document sends and receives (invoices, quotes and
// the kinds to come), and the pure rules the web computes with before anything is saved.

export { VAT_CATEGORIES };
export { computeLineAmounts, computeTotals, type DocumentTotals, type LineAmounts, type VatBreakdown, type VatCategory } from './domain/compute-totals.js';
export { LINE_BOUNDS, lineProblems, type LineProblem } from './domain/line-problems.js';
export { totalsLineOf, type TotalsLineSource } from './domain/totals-line.js';
export { formatEuros, formatFrenchDate, formatQuantity } from './domain/french-format.js';
export { isLineUnit, LINE_UNIT_CODES, type LineUnit } from './domain/line-units.js';

/** A line as a draft document receives it. */
export const documentLineInput = z.object({
  description: z.string().trim().min(1).max(1000),
  /** Quantity × 1000 (three decimals); negative on a line that gives something back. */
  quantityMilli: z
    .number()
    .int()
    .min(-LINE_BOUNDS.maxQuantityMilli)
    .max(LINE_BOUNDS.maxQuantityMilli)
    .refine((q) => q !== 0, { message: bilingual({ fr: 'La quantité ne peut pas être nulle.', en: 'The quantity cannot be zero.' }) }),
  unit: z
    .string()
    .trim()
    .regex(/^[A-Z0-9]{1,8}$/)
    .default('C62'),
  unitPriceCents: z.number().int().min(0).max(LINE_BOUNDS.maxUnitPriceCents),
  discountBp: z.number().int().min(0).max(10_000).optional(),
  discountCents: z.number().int().min(0).max(LINE_BOUNDS.maxDiscountCents).optional(),
  vatCategory: z.enum(VAT_CATEGORIES).default('S'),
  vatRateBp: z.number().int().min(0).max(10_000),
  exemptionReason: optionalText(300),
});
export type DocumentLineInput = z.infer<typeof documentLineInput>;

/** A stored line as a document's detail shows it. */
export const documentLine = z.object({
  position: z.number().int(),
  description: z.string(),
  quantityMilli: z.number().int(),
  unit: z.string(),
  unitPriceCents: z.number().int(),
  discountBp: z.number().int().nullable(),
  discountCents: z.number().int().nullable(),
  vatCategory: z.enum(VAT_CATEGORIES),
  vatRateBp: z.number().int(),
  exemptionReason: z.string().nullable(),
  netCents: z.number().int(),
});
export type DocumentLine = z.infer<typeof documentLine>;

/** One rate's basis and VAT in a document's breakdown. */
export const vatGroup = z.object({
  vatCategory: z.enum(VAT_CATEGORIES),
  vatRateBp: z.number().int(),
  basisCents: z.number().int(),
  vatCents: z.number().int(),
});
