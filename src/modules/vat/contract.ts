import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { VAT_BOXES } from './domain/vat-boxes.js';
import { VAT_PERIOD_PATTERN, VAT_PERIODICITIES } from './domain/vat-periods.js';
import { VAT_REGIMES } from './domain/vat-regime.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { VAT_BOXES, VAT_PERIODICITIES, VAT_REGIMES };
export type { VatBox } from './domain/vat-boxes.js';
export { recentVatPeriods, vatPeriodKeyOf } from './domain/vat-periods.js';

export const vatSettings = z.object({ regime: z.enum(VAT_REGIMES), periodicity: z.enum(VAT_PERIODICITIES) });
export type VatSettings = z.infer<typeof vatSettings>;

const period = z
  .string()
  .regex(VAT_PERIOD_PATTERN, { message: bilingual({ fr: 'Période attendue : AAAA-MM ou AAAA-T (2026-03, 2026-Q1).', en: 'Expected period: YYYY-MM or YYYY-Qn (2026-03, 2026-Q1).' }) });

export const vatPeriodQuery = z.object({ period });
export const vatReturnBody = z.object({ period });
/** Boxes read from ledger lines; the others (23 to 32) are sums of these. */
export const VAT_LEDGER_BOXES = ['A1', '08', '09', '9B', '10', '11', '16', '19', '20', '22'] as const;
export const vatBoxEntriesQuery = pageQuery.extend({ period, box: z.enum(VAT_LEDGER_BOXES) });

export const vatBoxFigure = z.object({ box: z.enum(VAT_BOXES), baseCents: z.number().int().nullable(), taxCents: z.number().int() });
export type VatBoxFigure = z.infer<typeof vatBoxFigure>;

export const vatSummary = z.object({
  period: z.string(),
  start: z.string(),
  end: z.string(),
  regime: z.enum(VAT_REGIMES),
  boxes: z.array(vatBoxFigure),
  /** VAT at a rate with no box of its own (in 16). */
  otherCollectedCents: z.number().int(),
  /** The confirmed return of the period, if any: its settlement entry. */
  confirmed: z.object({ at: z.string(), entryId: z.uuid() }).nullable(),
});
export type VatSummary = z.infer<typeof vatSummary>;

export const vatBoxEntry = z.object({
  // Any uuid the ledger holds (a restored or migrated entry's id need not be a version 4 one).
  entryId: z.guid(),
  entryNumber: z.number().int(),
  date: z.string(),
  journal: z.string(),
  label: z.string(),
  account: z.string(),
  documentRef: z.string().nullable(),
  sourceType: z.string(),
  sourceId: z.guid().nullable(),
  /** What the line adds to the box: a credit of collected VAT, a debit of deductible VAT, positive. */
  amountCents: z.number().int(),
});
export type VatBoxEntry = z.infer<typeof vatBoxEntry>;
export const vatBoxEntriesPage = pageOf(vatBoxEntry);
export type VatBoxEntriesPage = z.infer<typeof vatBoxEntriesPage>;

export const vatReturnConfirmed = z.object({ period: z.string(), entryId: z.uuid(), boxes: z.array(vatBoxFigure) });
