import { bigint, integer, varchar } from 'drizzle-orm/pg-core';
import { cents } from '../../platform/db/columns.js';
import type { VatCategory } from './domain/compute-totals.js';

export type { VatCategory };
// What invoice rows keep of a deposit or final invoice (jsonb columns), typed once by the document model.
export type { DeductedDeposit, DepositVatSplit, OrderReference } from './domain/document-model.js';

// No table here: the kernel owns no data. Each document kind keeps its own lines table.

/**
 * The lines of a commercial document, as every kind stores and checks them. Each kind keeps
 * its own table (invoice_lines, quote_lines…) with its owner's key in front of these columns.
 */
export const documentLineColumns = () => ({
  description: varchar({ length: 1000 }).notNull(),
  quantityMilli: bigint({ mode: 'number' }).notNull(),
  /** UN/ECE Recommendation 20 unit code (C62 unit, HUR hour, DAY…). */
  unit: varchar({ length: 8 }).notNull().default('C62'),
  unitPriceCents: cents().notNull(),
  discountBp: integer(),
  discountCents: cents(),
  vatCategory: varchar({ length: 2 }).$type<VatCategory>().notNull(),
  vatRateBp: integer().notNull(),
  exemptionReason: varchar({ length: 300 }),
  netCents: cents().notNull(),
});
