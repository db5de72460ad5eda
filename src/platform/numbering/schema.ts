import { sql } from 'drizzle-orm';
import { check, integer, pgTable, primaryKey, varchar } from 'drizzle-orm/pg-core';
import { coopId } from '../db/columns.js';

/**
 * The counters of every gap-free numbering series of a coop: invoices, credit notes, quotes,
 * journal entries. One row per series, named by an opaque key (`invoice:2026`,
 * `ledger:<fiscal year id>`); the row lock is what serialises a series (take-next-number.ts).
 */
export const numberSeries = pgTable(
  'number_series',
  {
    coopId: coopId(),
    series: varchar({ length: 64 }).notNull(),
    /** The last number handed out; the next one is this plus one. */
    lastNumber: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.series] }), check('number_series_last_number_check', sql`${t.lastNumber} >= 1`)],
);
