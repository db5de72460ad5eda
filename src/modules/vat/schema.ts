import { sql } from 'drizzle-orm';
import { check, date, foreignKey, jsonb, pgTable, primaryKey, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { coopId, rowId, updatedAt } from '../../platform/db/columns.js';
import { coops } from '../coops/schema.js';
import { journalEntries } from '../ledger/schema.js';
import type { VatRegime } from './domain/vat-regime.js';
import type { VatPeriodicity } from './domain/vat-periods.js';
import type { VatBoxFigure } from './domain/vat-boxes.js';

/**
 * The coop's VAT regime and how often it files its return. A coop without a row is on debits,
 * filed monthly: the behaviour every coop had before the setting existed.
 */
export const vatSettings = pgTable(
  'vat_settings',
  {
    coopId: uuid()
      .primaryKey()
      .references(() => coops.id),
    regime: varchar({ length: 8 }).$type<VatRegime>().notNull().default('debits'),
    periodicity: varchar({ length: 10 }).$type<VatPeriodicity>().notNull().default('monthly'),
    updatedBy: uuid(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('vat_settings_regime_check', sql`${t.regime} in ('debits', 'receipts')`),
    check('vat_settings_periodicity_check', sql`${t.periodicity} in ('monthly', 'quarterly')`),
  ],
);

/**
 * A return the accountant confirmed: its boxes as they were, and the settlement entry that
 * cleared the period's VAT accounts. One per period start: the unique key refuses a second
 * settlement of the same period, even from two confirmations at once.
 */
export const vatReturns = pgTable(
  'vat_returns',
  {
    coopId: coopId(),
    id: rowId(),
    periodKey: varchar({ length: 7 }).notNull(),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    boxes: jsonb().$type<VatBoxFigure[]>().notNull(),
    entryId: uuid().notNull(),
    confirmedBy: uuid(),
    confirmedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('vat_returns_period_key').on(t.coopId, t.periodStart),
    foreignKey({ name: 'vat_returns_entry_fk', columns: [t.coopId, t.entryId], foreignColumns: [journalEntries.coopId, journalEntries.id] }),
    check('vat_returns_period_check', sql`${t.periodStart} <= ${t.periodEnd}`),
  ],
);
