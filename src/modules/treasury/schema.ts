import { foreignKey, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { cents, coopId } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';

/**
 * The balance (debit minus credit) of each treasury group of accounts of each activity, over
 * all time: one row per activity. Kept by a statement trigger on the ledger's lines
 * (`treasury_balances_add`, migration treasury_balances) in the transaction that posts them,
 * as the ledger keeps its own totals; the accounts fall in groups by `treasury_group_of`, the
 * SQL twin of `treasuryGroupOf` (a test holds both to the same answer for every account of
 * the chart). The coop-wide table of 10,000 activities reads 10,000 rows instead of grouping
 * the per-account totals on each request. Opening entries (carried forward) are left out, as
 * in the ledger's totals; lines dated after the day asked for are taken off by the reader.
 * Columns are named as the groups (`TREASURY_GROUPS`).
 */
export const activityBalances = pgTable(
  'treasury_activity_balances',
  {
    coopId: coopId(),
    activityId: uuid().notNull(),
    revenue: cents().notNull(),
    commissionsIn: cents().notNull(),
    receivables: cents().notNull(),
    vatCollected: cents().notNull(),
    deposits: cents().notNull(),
    contribution: cents().notNull(),
    commissionsOut: cents().notNull(),
    salaries: cents().notNull(),
    advanceFees: cents().notNull(),
    expenses: cents().notNull(),
    advances: cents().notNull(),
    loans: cents().notNull(),
  },
  (t) => [
    primaryKey({ name: 'treasury_activity_balances_pk', columns: [t.coopId, t.activityId] }),
    foreignKey({ name: 'treasury_activity_balances_activity_fk', columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
  ],
);
