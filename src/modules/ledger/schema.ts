import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, smallint, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import type { AccountKind } from './domain/chart-of-accounts.js';

/**
 * The chart of accounts of a cooperative (plan comptable général numbers), seeded from the
 * PCG and editable per coop. Lines name an account by its number, as accountants do.
 */
export const accounts = pgTable(
  'ledger_accounts',
  {
    id: rowId(),
    coopId: coopId(),
    number: varchar({ length: 12 }).notNull(),
    label: varchar({ length: 200 }).notNull(),
    kind: varchar({ length: 16 }).$type<AccountKind>().notNull(),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('ledger_accounts_coop_number_key').on(t.coopId, t.number),
    // PCG classes 1 to 8; the class is the first digit, never stored apart from the number.
    check('ledger_accounts_number_check', sql`${t.number} ~ '^[1-8][0-9]{1,11}$'`),
    check('ledger_accounts_kind_check', sql`${t.kind} in ('equity', 'asset', 'third_party', 'member', 'cash', 'expense', 'revenue')`),
  ],
);

/** Journals: VT sales, AC purchases, BQ bank, OD miscellaneous, SA salaries. */
export const journals = pgTable(
  'ledger_journals',
  {
    coopId: coopId(),
    code: varchar({ length: 4 }).notNull(),
    label: varchar({ length: 100 }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.code] }), check('ledger_journals_code_check', sql`${t.code} ~ '^[A-Z]{2,4}$'`)],
);

/**
 * Fiscal years (exercices). They never overlap (an exclusion constraint, in the
 * ledger_integrity migration); a closed year takes no entry and is never reopened.
 */
export const fiscalYears = pgTable(
  'ledger_fiscal_years',
  {
    id: rowId(),
    coopId: coopId(),
    startDate: date({ mode: 'string' }).notNull(),
    endDate: date({ mode: 'string' }).notNull(),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    check('ledger_fiscal_years_dates_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

export const AUXILIARY_KINDS = ['client', 'supplier'] as const;
export type AuxiliaryKind = (typeof AUXILIARY_KINDS)[number];

/**
 * Auxiliary accounts (comptes auxiliaires, sub-ledger): one per client on 411 (later per
 * supplier on 401), numbered C00001… per coop. The general ledger keeps one 411; the FEC's
 * CompAuxNum / CompAuxLib name who each 411 line concerns, so the accountant can follow
 * every client's account. `party_id` is the client's id in its own module (a plain uuid).
 */
export const auxiliaryAccounts = pgTable(
  'ledger_auxiliary_accounts',
  {
    coopId: coopId(),
    number: varchar({ length: 17 }).notNull(),
    label: varchar({ length: 200 }).notNull(),
    kind: varchar({ length: 16 }).$type<AuxiliaryKind>().notNull(),
    partyId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.number] }),
    unique('ledger_auxiliary_accounts_party_key').on(t.coopId, t.kind, t.partyId),
    check('ledger_auxiliary_accounts_number_check', sql`${t.number} ~ '^[CF][0-9]{5,16}$'`),
    check('ledger_auxiliary_accounts_kind_check', sql`${t.kind} in ('client', 'supplier')`),
  ],
);

/**
 * A journal entry (écriture). Posted entries are never changed or deleted (triggers refuse
 * it); a correction is a reversing entry pointing at the one it cancels.
 */
export const journalEntries = pgTable(
  'ledger_journal_entries',
  {
    id: rowId(),
    coopId: coopId(),
    /** The fiscal year holding the entry date (a trigger checks it): its numbering series. */
    fiscalYearId: uuid().notNull(),
    /**
     * The FEC's EcritureNum: 1, 2, 3… per coop and fiscal year in the order of posting, with no
     * gap, taken with takeNextNumber in the posting transaction (series `ledger:<year id>`).
     */
    number: integer().notNull(),
    journalCode: varchar({ length: 4 }).notNull(),
    entryDate: date({ mode: 'string' }).notNull(),
    label: varchar({ length: 300 }).notNull(),
    /** The document the entry comes from ('invoice', 'payment', 'manual'…) and its id. */
    sourceType: varchar({ length: 40 }).notNull(),
    sourceId: uuid(),
    /** The FEC's PieceRef: the number of the document the entry comes from (invoice, credit note), when it has one. */
    documentRef: varchar({ length: 40 }),
    reversesEntryId: uuid(),
    postedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    // Lines copy the entry date; this key lets their foreign key prove the copy is right.
    unique('ledger_journal_entries_coop_id_date_key').on(t.coopId, t.id, t.entryDate),
    unique('ledger_journal_entries_year_number_key').on(t.coopId, t.fiscalYearId, t.number),
    // An entry is reversed once at most.
    unique('ledger_journal_entries_reverses_key').on(t.coopId, t.reversesEntryId),
    foreignKey({ name: 'ledger_journal_entries_journal_fk', columns: [t.coopId, t.journalCode], foreignColumns: [journals.coopId, journals.code] }),
    foreignKey({ name: 'ledger_journal_entries_fiscal_year_fk', columns: [t.coopId, t.fiscalYearId], foreignColumns: [fiscalYears.coopId, fiscalYears.id] }),
    foreignKey({ name: 'ledger_journal_entries_reverses_fk', columns: [t.coopId, t.reversesEntryId], foreignColumns: [t.coopId, t.id] }),
    index('ledger_journal_entries_date_idx').on(t.coopId, t.entryDate, t.number),
    index('ledger_journal_entries_source_idx').on(t.coopId, t.sourceType, t.sourceId),
    // One opening entry (à-nouveaux) per fiscal year: closing the previous year twice, or two
    // closings at once, never carry the balances forward twice (its reversal is not counted).
    uniqueIndex('ledger_journal_entries_opening_key').on(t.coopId, t.fiscalYearId).where(sql`${t.sourceType} = 'carried_forward' and ${t.reversesEntryId} is null`),
  ],
);

/**
 * Lines of an entry: one account, a debit or a credit in cents, and the activity (analytic
 * code) the money belongs to. The coop, account and date are copied on each line so
 * balances by account, activity and period read one index (covering indexes with the
 * amounts are created in the ledger_integrity migration).
 */
export const journalEntryLines = pgTable(
  'ledger_journal_entry_lines',
  {
    coopId: coopId(),
    entryId: uuid().notNull(),
    lineNo: smallint().notNull(),
    accountNumber: varchar({ length: 12 }).notNull(),
    activityId: uuid(),
    debitCents: cents().notNull().default(0),
    creditCents: cents().notNull().default(0),
    label: varchar({ length: 300 }),
    entryDate: date({ mode: 'string' }).notNull(),
    /** The client's (or supplier's) auxiliary account of a 411 (401) line. */
    auxiliaryNumber: varchar({ length: 17 }),
    /**
     * The invoice a 411 line belongs to: its own sales entry, a payment settling it, a credit
     * note correcting it. Lines of one key that sum to zero are lettered together in the FEC
     * (EcritureLet): the invoice is cleared. Written at posting, from what the poster knows.
     */
    letteringKey: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.entryId, t.lineNo] }),
    foreignKey({ name: 'ledger_lines_auxiliary_fk', columns: [t.coopId, t.auxiliaryNumber], foreignColumns: [auxiliaryAccounts.coopId, auxiliaryAccounts.number] }),
    index('ledger_lines_lettering_idx').on(t.coopId, t.letteringKey).where(sql`${t.letteringKey} is not null`),
    foreignKey({
      name: 'ledger_lines_entry_fk',
      columns: [t.coopId, t.entryId, t.entryDate],
      foreignColumns: [journalEntries.coopId, journalEntries.id, journalEntries.entryDate],
    }),
    foreignKey({ name: 'ledger_lines_account_fk', columns: [t.coopId, t.accountNumber], foreignColumns: [accounts.coopId, accounts.number] }),
    // A plain foreign key to another module's table; no ORM relation reaches into it.
    foreignKey({ name: 'ledger_lines_activity_fk', columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    check('ledger_lines_amounts_check', sql`${t.debitCents} >= 0 and ${t.creditCents} >= 0 and (${t.debitCents} > 0) <> (${t.creditCents} > 0)`),
    check('ledger_lines_line_no_check', sql`${t.lineNo} >= 1`),
  ],
);

/**
 * Debits and credits summed by month, account and activity, kept by a statement trigger on
 * the lines (migration ledger_monthly_totals) in the transaction that posts them. A balance
 * over whole months reads these rows instead of every line: a coop-wide trial balance over
 * millions of lines stays a scan of a few thousand rows. Lines are immutable, so the totals
 * only ever grow by inserts; a test compares them with the lines.
 */
export const monthlyTotals = pgTable(
  'ledger_monthly_totals',
  {
    coopId: coopId(),
    /** First day of the month. */
    month: date({ mode: 'string' }).notNull(),
    accountNumber: varchar({ length: 12 }).notNull(),
    activityId: uuid(),
    debitCents: cents().notNull(),
    creditCents: cents().notNull(),
    lineCount: integer().notNull(),
  },
  (t) => [
    // One row per month, account and activity, the entries without activity included.
    unique('ledger_monthly_totals_key').on(t.coopId, t.month, t.accountNumber, t.activityId).nullsNotDistinct(),
    index('ledger_monthly_totals_activity_idx').on(t.coopId, t.activityId, t.month),
    check('ledger_monthly_totals_month_check', sql`extract(day from ${t.month}) = 1`),
  ],
);

/**
 * Debits and credits of the whole coop summed by day and account, kept by the same trigger:
 * a coop-wide balance over any period, cut inside months or not, reads a few rows a day.
 */
export const dailyTotals = pgTable(
  'ledger_daily_totals',
  {
    coopId: coopId(),
    day: date({ mode: 'string' }).notNull(),
    accountNumber: varchar({ length: 12 }).notNull(),
    debitCents: cents().notNull(),
    creditCents: cents().notNull(),
    lineCount: integer().notNull(),
  },
  (t) => [primaryKey({ name: 'ledger_daily_totals_pk', columns: [t.coopId, t.day, t.accountNumber] })],
);

/**
 * Debits and credits of the VAT accounts (class 445) summed by day, account and line label,
 * kept by a statement trigger on the lines (migration vat_daily_totals) in the transaction that
 * posts them. The label is kept because a VAT line names its rate in it (`vatLineLabel`): the
 * CA3 return splits collected VAT by rate, so a quarter's boxes read about 90 rows per account
 * and rate instead of the hundreds of thousands of VAT lines a busy coop posts in a quarter.
 * Opening entries are left out, as in the other kept totals.
 */
export const dailyVatTotals = pgTable(
  'ledger_daily_vat_totals',
  {
    coopId: coopId(),
    day: date({ mode: 'string' }).notNull(),
    accountNumber: varchar({ length: 12 }).notNull(),
    label: varchar({ length: 300 }),
    debitCents: cents().notNull(),
    creditCents: cents().notNull(),
    lineCount: integer().notNull(),
  },
  (t) => [
    unique('ledger_daily_vat_totals_key').on(t.coopId, t.accountNumber, t.day, t.label).nullsNotDistinct(),
    check('ledger_daily_vat_totals_account_check', sql`${t.accountNumber} like '445%'`),
  ],
);

/**
 * Debits and credits of each activity summed by account over all time, kept by the same
 * statement trigger as the monthly totals (migration activity_treasury). The coop-wide
 * treasury ranks 10,000 activities by what each may pay out: reading one row per activity
 * and account (a few tens of thousands) keeps it within 100 ms where the monthly totals
 * (one row per month as well) would be ten times as many rows. Lines dated after the day
 * asked for are taken off by the reader. The treasury now keeps its own balances per activity
 * and group (treasury_activity_balances), built from these totals when it was added.
 */
export const activityTotals = pgTable(
  'ledger_activity_totals',
  {
    coopId: coopId(),
    activityId: uuid().notNull(),
    accountNumber: varchar({ length: 12 }).notNull(),
    debitCents: cents().notNull(),
    creditCents: cents().notNull(),
    lineCount: integer().notNull(),
  },
  (t) => [
    primaryKey({ name: 'ledger_activity_totals_pk', columns: [t.coopId, t.activityId, t.accountNumber] }),
    foreignKey({ name: 'ledger_activity_totals_activity_fk', columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
  ],
);

export type AccountRow = typeof accounts.$inferSelect;
export type FiscalYearRow = typeof fiscalYears.$inferSelect;
export type JournalEntryRow = typeof journalEntries.$inferSelect;
export type JournalEntryLineRow = typeof journalEntryLines.$inferSelect;
