import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId } from '../../platform/db/columns.js';

export type StatementFormat = 'camt053' | 'csv';
/** `booked`: a debit (or any line no client pays) booked to an account of the chart by a ledger entry of its own. */
export type StatementLineStatus = 'unmatched' | 'matched' | 'ignored' | 'booked';

/**
 * A bank account of the coop: a statement belongs to one, found by the IBAN (or the bank's
 * other identifier) the file names, and its money is booked on the account's own 512
 * sub-account in its journal. Its currency is the currency of every line of its statements.
 */
export const bankAccounts = pgTable(
  'bank_accounts',
  {
    id: rowId(),
    coopId: coopId(),
    label: varchar({ length: 100 }).notNull(),
    iban: varchar({ length: 34 }).notNull(),
    /** The identifier some banks give in camt.053 `Acct/Id/Othr/Id` instead of the IBAN. */
    otherId: varchar({ length: 34 }),
    bic: varchar({ length: 11 }),
    currency: varchar({ length: 3 }).notNull().default('EUR'),
    ledgerAccount: varchar({ length: 12 }).notNull().default('512'),
    journalCode: varchar({ length: 8 }).notNull().default('BQ'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('bank_accounts_coop_iban_key').on(t.coopId, t.iban),
    unique('bank_accounts_coop_other_id_key').on(t.coopId, t.otherId),
    check('bank_accounts_ledger_account_check', sql`${t.ledgerAccount} ~ '^512[0-9]{0,9}$'`),
    check('bank_accounts_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  ],
);
export type BankAccountRow = typeof bankAccounts.$inferSelect;

/** One uploaded bank file, kept with its hash so the file behind every booked line can be found again. */
export const bankStatements = pgTable(
  'bank_statements',
  {
    id: rowId(),
    coopId: coopId(),
    format: varchar({ length: 8 }).$type<StatementFormat>().notNull(),
    bankAccountId: uuid().notNull(),
    accountIban: varchar({ length: 34 }).notNull(),
    /** The account's currency when imported: every amount of the statement is in it. */
    currency: varchar({ length: 3 }).notNull().default('EUR'),
    /** The balances the bank states (camt.053); a CSV states none. */
    openingBalanceCents: cents(),
    closingBalanceCents: cents(),
    statementRef: varchar({ length: 200 }),
    importedBy: uuid(),
    importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    fileSha256: varchar({ length: 64 }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    index('bank_statements_coop_imported_idx').on(t.coopId, t.importedAt),
    foreignKey({ columns: [t.coopId, t.bankAccountId], foreignColumns: [bankAccounts.coopId, bankAccounts.id] }),
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
    /** The ledger entry that booked the line (status `booked`); an unbooked line's entry is reversed, never deleted. */
    entryId: uuid(),
    /**
     * The module whose entry booked the line when it is not banking's own (a payout's transfer
     * paid, booked by the payouts module): undoing it is that module's business, not a bare reversal.
     */
    bookedBy: varchar({ length: 32 }),
    /** camt.053 `EndToEndId` of the transfer or debit (the id the coop gave it in its pain file). */
    endToEndId: varchar({ length: 35 }),
    /** `PmtInfId` / `MsgId` of the coop's batch a line of several transfers paid. */
    batchRef: varchar({ length: 35 }),
    /** The payment came back (returned or rejected), with the bank's reason code. */
    isReturn: boolean().notNull().default(false),
    returnReason: varchar({ length: 35 }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('bank_statement_lines_coop_fingerprint_key').on(t.coopId, t.fingerprint),
    foreignKey({ columns: [t.coopId, t.statementId], foreignColumns: [bankStatements.coopId, bankStatements.id] }),
    index('bank_statement_lines_coop_statement_idx').on(t.coopId, t.statementId, t.bookingDate),
    index('bank_statement_lines_coop_end_to_end_idx').on(t.coopId, t.endToEndId),
    index('bank_statement_lines_coop_batch_ref_idx').on(t.coopId, t.batchRef),
    check('bank_statement_lines_status_check', sql`${t.status} in ('unmatched', 'matched', 'ignored', 'booked')`),
    check('bank_statement_lines_payment_check', sql`(${t.status} = 'matched') = (${t.paymentId} is not null or ${t.remittanceId} is not null) and (${t.paymentId} is null or ${t.remittanceId} is null)`),
    check('bank_statement_lines_entry_check', sql`(${t.status} = 'booked') = (${t.entryId} is not null)`),
  ],
);

/**
 * What staff book a recurring bank line to, saved once: a line whose label contains
 * `labelContains` (URSSAF, FRAIS TENUE DE COMPTE) is proposed this account, activity and VAT.
 */
export const bankRules = pgTable(
  'bank_rules',
  {
    id: rowId(),
    coopId: coopId(),
    labelContains: varchar({ length: 100 }).notNull(),
    account: varchar({ length: 12 }).notNull(),
    /** Null: the coop's own expense, on no member's activity. */
    activityId: uuid(),
    vatRateBp: integer(),
    thirdParty: varchar({ length: 100 }),
    createdBy: uuid(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.id] }), unique('bank_rules_coop_label_key').on(t.coopId, t.labelContains)],
);
export type BankRuleRow = typeof bankRules.$inferSelect;

export type BankStatementLineRow = typeof bankStatementLines.$inferSelect;
