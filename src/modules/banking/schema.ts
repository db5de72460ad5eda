import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, pgTable, primaryKey, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, rowId } from '../../platform/db/columns.js';

export type StatementFormat = 'camt053' | 'csv';
export type StatementLineStatus = 'unmatched' | 'matched' | 'ignored';

/** One uploaded bank file, kept with its hash so the file behind every booked line can be found again. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    id: rowId(),
    coopId: coopId(),
    format: varchar({ length: 8 }).$type<StatementFormat>().notNull(),
    accountIban: varchar({ length: 34 }).notNull(),
    statementRef: varchar({ length: 200 }),
    importedBy: uuid(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    fileSha256: varchar({ length: 64 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    index('bank_statements_coop_imported_idx').on(t.coopId, t.importedAt),
    check('bank_statements_format_check', sql`${t.format} in ('camt053', 'csv')`),
  ],
);

/**
 * A movement of the bank account. Its fingerprint is unique per coop: importing a statement
 * again, or one overlapping days already imported, never brings the same line (and so never
 * the same payment) twice.
 */
export const bankStatementLines = pgTable(
  'bank_statement_lines',
  {
    id: rowId(),
    coopId: coopId(),
    statementId: uuid().notNull(),
    fingerprint: varchar({ length: 64 }).notNull(),
    bookingDate: date().notNull(),
    amountCents: cents().notNull(),
    label: varchar({ length: 1000 }).notNull().default(''),
    reference: varchar({ length: 1000 }).notNull().default(''),
    counterparty: varchar({ length: 300 }),
    status: varchar({ length: 16 }).$type<StatementLineStatus>().notNull().default('unmatched'),
    paymentId: uuid(),
    /** A remittance slip of cheques the line credits in one sum (payments module); exclusive with `paymentId`. */
    remittanceId: uuid(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('bank_statement_lines_coop_fingerprint_key').on(t.coopId, t.fingerprint),
    foreignKey({ columns: [t.coopId, t.statementId], foreignColumns: [bankStatements.coopId, bankStatements.id] }),
    index('bank_statement_lines_coop_statement_idx').on(t.coopId, t.statementId, t.bookingDate),
    check('bank_statement_lines_status_check', sql`${t.status} in ('unmatched', 'matched', 'ignored')`),
    check('bank_statement_lines_payment_check', sql`(${t.status} = 'matched') = (${t.paymentId} is not null or ${t.remittanceId} is not null) and (${t.paymentId} is null or ${t.remittanceId} is null)`),
  ],
);

export type BankStatementLineRow = typeof bankStatementLines.$inferSelect;
