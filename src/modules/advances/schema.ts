import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';
import { coops } from '../coops/schema.js';
import { invoices } from '../invoicing/schema.js';
import { members } from '../members/schema.js';
import { quotes } from '../quotes/schema.js';
import { journalEntries } from '../ledger/schema.js';
import { DEFAULT_FUND_SETTINGS as D, FUND_BOUNDS as B } from './domain/fund-settings.js';

const between = (col: unknown, b: { min: number; max: number }) => sql`${col} between ${sql.raw(String(b.min))} and ${sql.raw(String(b.max))}`;

/**
 * The rules of a coop's guarantee fund (see `FundSettings`). A coop without a row follows
 * DEFAULT_FUND_SETTINGS. The row is also the fund's lock: an approval takes it FOR UPDATE.
 */
export const advanceFundSettings = pgTable(
  'advance_fund_settings',
  {
    coopId: uuid()
      .primaryKey()
      .references(() => coops.id),
    feeRateBp: integer().notNull().default(D.feeRateBp),
    ceilingRevenueShareBp: integer().notNull().default(D.ceilingRevenueShareBp),
    ceilingMaxCents: cents().notNull().default(D.ceilingMaxCents),
    maxInvoiceShareBp: integer().notNull().default(D.maxInvoiceShareBp),
    minBalanceCents: cents().notNull().default(D.minBalanceCents),
    writeOffAfterDays: integer().notNull().default(D.writeOffAfterDays),
    /** Only a quote the client accepted online, through the portal, may be advanced (not one recorded by the team). */
    quotesAcceptedOnlineOnly: boolean().notNull().default(D.quotesAcceptedOnlineOnly),
    updatedBy: uuid(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('advance_fund_settings_fee_check', between(t.feeRateBp, B.feeRateBp)),
    check('advance_fund_settings_ceiling_share_check', between(t.ceilingRevenueShareBp, B.ceilingRevenueShareBp)),
    check('advance_fund_settings_ceiling_max_check', between(t.ceilingMaxCents, B.ceilingMaxCents)),
    check('advance_fund_settings_invoice_share_check', between(t.maxInvoiceShareBp, B.maxInvoiceShareBp)),
    check('advance_fund_settings_min_balance_check', between(t.minBalanceCents, B.minBalanceCents)),
    check('advance_fund_settings_write_off_check', between(t.writeOffAfterDays, B.writeOffAfterDays)),
  ],
);

export const ADVANCE_STATUSES = ['requested', 'approved', 'refused', 'paid', 'settled', 'written_off'] as const;
export type AdvanceStatus = (typeof ADVANCE_STATUSES)[number];
/** Statuses of an advance still open on its document: one at most per invoice or quote. */
export const OPEN_ADVANCE_STATUSES = ['requested', 'approved', 'paid'] as const satisfies readonly AdvanceStatus[];

/**
 * A prefinancing by the guarantee fund of an issued invoice, or of a quote the client accepted
 * (exactly one of the two). Asked by a member, approved (and paid at once) or refused by the
 * team, settled as the client pays (the quote's invoices, for a quote), or written off.
 */
export const advances = pgTable(
  'advances',
  {
    coopId: coopId(),
    id: rowId(),
    activityId: uuid().notNull(),
    memberId: uuid().notNull(),
    invoiceId: uuid(),
    quoteId: uuid(),
    amountCents: cents().notNull(),
    /** Fixed when it is paid, at the rate of the day. */
    feeCents: cents().notNull().default(0),
    settledCents: cents().notNull().default(0),
    /**
     * What the client had paid of the invoice (of the quote's invoices, for a quote) when the
     * fund paid the advance: the advance is settled by what he pays after it, in proportion of
     * what was then left to pay.
     */
    invoicePaidAtAdvanceCents: cents().notNull().default(0),
    writtenOffCents: cents().notNull().default(0),
    status: varchar({ length: 16 }).$type<AdvanceStatus>().notNull().default('requested'),
    /** Why it was refused or written off. */
    reason: varchar({ length: 1000 }),
    requestedBy: uuid().notNull(),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid(),
    decidedAt: timestamp({ withTimezone: true }),
    paidEntryId: uuid(),
    writtenOffBy: uuid(),
    writtenOffAt: timestamp({ withTimezone: true }),
    writeOffEntryId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    foreignKey({ columns: [t.coopId, t.invoiceId], foreignColumns: [invoices.coopId, invoices.id] }),
    foreignKey({ columns: [t.coopId, t.quoteId], foreignColumns: [quotes.coopId, quotes.id] }),
    foreignKey({ columns: [t.coopId, t.paidEntryId], foreignColumns: [journalEntries.coopId, journalEntries.id] }),
    foreignKey({ columns: [t.coopId, t.writeOffEntryId], foreignColumns: [journalEntries.coopId, journalEntries.id] }),
    // One open advance per invoice: the same receivable is never prefinanced twice, even by two requests at once.
    uniqueIndex('advances_open_invoice_key').on(t.coopId, t.invoiceId).where(sql`${t.status} in ('requested', 'approved', 'paid')`),
    uniqueIndex('advances_open_quote_key').on(t.coopId, t.quoteId).where(sql`${t.status} in ('requested', 'approved', 'paid')`),
    check('advances_document_check', sql`(${t.invoiceId} is null) <> (${t.quoteId} is null)`),
    index('advances_activity_idx').on(t.coopId, t.activityId),
    index('advances_member_idx').on(t.coopId, t.memberId),
    check('advances_status_check', sql`${t.status} in ('requested', 'approved', 'refused', 'paid', 'settled', 'written_off')`),
    check('advances_amount_check', sql`${t.amountCents} between 1 and 100000000`),
    check('advances_fee_check', sql`${t.feeCents} >= 0 and ${t.feeCents} <= ${t.amountCents}`),
    check('advances_settled_check', sql`${t.settledCents} >= 0 and ${t.writtenOffCents} >= 0 and ${t.settledCents} + ${t.writtenOffCents} <= ${t.amountCents}`),
    check('advances_paid_check', sql`(${t.status} in ('paid', 'settled', 'written_off')) = (${t.paidEntryId} is not null)`),
  ],
);

/**
 * What one payment of the client settled of an advance, with its entry. The unique (advance,
 * payment) makes settling idempotent; a cancelled payment reverses its entry and keeps the row.
 */
export const advanceSettlements = pgTable(
  'advance_settlements',
  {
    coopId: coopId(),
    id: rowId(),
    advanceId: uuid().notNull(),
    paymentId: uuid().notNull(),
    amountCents: cents().notNull(),
    entryId: uuid().notNull(),
    reversalEntryId: uuid(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.advanceId], foreignColumns: [advances.coopId, advances.id] }),
    foreignKey({ columns: [t.coopId, t.entryId], foreignColumns: [journalEntries.coopId, journalEntries.id] }),
    foreignKey({ columns: [t.coopId, t.reversalEntryId], foreignColumns: [journalEntries.coopId, journalEntries.id] }),
    unique('advance_settlements_payment_key').on(t.coopId, t.advanceId, t.paymentId),
    check('advance_settlements_amount_check', sql`${t.amountCents} > 0`),
  ],
);

export const LOAN_KINDS = ['micro_credit', 'treasury', 'subsidy_prefinancing'] as const;
export type LoanKind = (typeof LOAN_KINDS)[number];

/** A loan of the coop to an activity, repaid by monthly installments taken from it. */
export const loans = pgTable(
  'loans',
  {
    coopId: coopId(),
    id: rowId(),
    activityId: uuid().notNull(),
    kind: varchar({ length: 24 }).$type<LoanKind>().notNull(),
    principalCents: cents().notNull(),
    rateBp: integer().notNull(),
    installmentCount: integer().notNull(),
    startMonth: varchar({ length: 7 }).notNull(),
    grantDate: date().notNull(),
    note: varchar({ length: 1000 }),
    grantedBy: uuid().notNull(),
    grantEntryId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    foreignKey({ columns: [t.coopId, t.grantEntryId], foreignColumns: [journalEntries.coopId, journalEntries.id] }),
    index('loans_activity_idx').on(t.coopId, t.activityId),
    check('loans_kind_check', sql`${t.kind} in ('micro_credit', 'treasury', 'subsidy_prefinancing')`),
    check('loans_principal_check', sql`${t.principalCents} between 100 and 100000000`),
    check('loans_rate_check', sql`${t.rateBp} between 0 and 2000`),
    check('loans_installments_check', sql`${t.installmentCount} between 1 and 120`),
    check('loans_start_month_check', sql`${t.startMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/**
 * One monthly installment of a loan. Its repayment is posted once: the job posting it locks
 * the row and skips it once `entry_id` is set, and the entry is unique per installment.
 */
export const loanInstallments = pgTable(
  'loan_installments',
  {
    coopId: coopId(),
    loanId: uuid().notNull(),
    seq: integer().notNull(),
    month: varchar({ length: 7 }).notNull(),
    dueDate: date().notNull(),
    principalCents: cents().notNull(),
    interestCents: cents().notNull(),
    entryId: uuid(),
    postedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.loanId, t.seq] }),
    foreignKey({ columns: [t.coopId, t.loanId], foreignColumns: [loans.coopId, loans.id] }),
    foreignKey({ columns: [t.coopId, t.entryId], foreignColumns: [journalEntries.coopId, journalEntries.id] }),
    unique('loan_installments_entry_key').on(t.coopId, t.entryId),
    index('loan_installments_due_idx').on(t.dueDate).where(sql`${t.entryId} is null`),
    check('loan_installments_amounts_check', sql`${t.principalCents} >= 0 and ${t.interestCents} >= 0`),
  ],
);

export type AdvanceRow = typeof advances.$inferSelect;
export type LoanRow = typeof loans.$inferSelect;
export type InstallmentRow = typeof loanInstallments.$inferSelect;
