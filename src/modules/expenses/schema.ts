import { sql } from 'drizzle-orm';
import { boolean, check, pgTable, primaryKey, unique, varchar } from 'drizzle-orm/pg-core';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { coops } from '../coops/schema.js';

/**
 * What a coop's members spend on (fournitures, déplacements, sous-traitance…), each booked to
 * a class-6 account of its chart. Expense lines and supplier invoice lines name one. A
 * category is never deleted (documents name it): it is deactivated, and offered no more.
 */
export const spendingCategories = pgTable(
  'spending_categories',
  {
    coopId: coopId().references(() => coops.id),
    id: rowId(),
    /** A stable name, for the defaults and for imports; the labels are what people read. */
    code: varchar({ length: 40 }).notNull(),
    labelFr: varchar({ length: 100 }).notNull(),
    labelEn: varchar({ length: 100 }).notNull(),
    /** A class-6 (charges) account of the coop's chart. */
    account: varchar({ length: 12 }).notNull(),
    /**
     * The cost is deducted from the base the activity's contribution is computed on (goods
     * resold, subcontracting): the contribution is on the margin, see the contribution module's
     * `postContributionBaseDeduction`.
     */
    inContributionBase: boolean().notNull().default(false),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('spending_categories_code_key').on(t.coopId, t.code),
    check('spending_categories_account_check', sql`${t.account} ~ '^6[0-9]{1,11}$'`),
    check('spending_categories_code_check', sql`${t.code} ~ '^[a-z0-9_]{1,40}$'`),
    check('spending_categories_labels_check', sql`length(trim(${t.labelFr})) > 0 and length(trim(${t.labelEn})) > 0`),
  ],
);

export type SpendingCategoryRow = typeof spendingCategories.$inferSelect;
