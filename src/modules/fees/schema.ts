import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { coops } from '../coops/schema.js';
import { members } from '../members/schema.js';

/**
 * The coop's settings of member fees and direct debits. One row per coop, written on the first
 * change (the defaults apply until then). The fee amount itself is the coop's
 * `monthly_member_fee_cents` (its settings page).
 */
export const feeSettings = pgTable(
  'fee_settings',
  {
    coopId: coopId()
      .primaryKey()
      .references(() => coops.id),
    /** The membership types billed each month. */
    billedTypes: text().array().notNull().default(sql`array['independent', 'coworker']::text[]`),
    /** VAT on the fee, in basis points (2000 = 20 %). */
    vatRateBp: integer().notNull().default(2000),
    /** The SEPA creditor identifier (ICS) the Banque de France gave the coop; null until set. */
    creditorId: varchar({ length: 35 }),
    /** Days between the pre-notification and the collection: 14 unless the mandate agreed fewer. */
    prenotificationDays: integer().notNull().default(14),
    /** The pain.008 version the coop's bank reads. */
    painVersion: varchar({ length: 16 }).notNull().default('pain.008.001.08'),
    updatedAt: updatedAt(),
  },
  (t) => [
    check('fee_settings_vat_check', sql`${t.vatRateBp} in (0, 210, 550, 1000, 2000)`),
    check('fee_settings_prenotification_check', sql`${t.prenotificationDays} between 2 and 30`),
    check('fee_settings_version_check', sql`${t.painVersion} in ('pain.008.001.08', 'pain.008.001.02')`),
    check('fee_settings_types_check', sql`${t.billedTypes} <@ array['entrepreneur_salarie', 'independent', 'coworker']::text[]`),
  ],
);

/** A member's own monthly amount, instead of the coop's: 0 exempts them. */
export const memberFeeOverrides = pgTable(
  'member_fee_overrides',
  {
    coopId: coopId(),
    memberId: uuid().notNull(),
    amountCents: cents().notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.memberId] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    check('member_fee_overrides_amount_check', sql`${t.amountCents} between 0 and 10000000`),
  ],
);

/**
 * A month's fee of a member: a sale of the coop's own funds, with its invoice (own series
 * COT-YYYY-NNNN, PDF stored). One per (member, month): the lock that makes the monthly run
 * bill nothing twice.
 */
export const memberFees = pgTable(
  'member_fees',
  {
    coopId: coopId(),
    id: rowId(),
    memberId: uuid().notNull(),
    /**
     * 'fee' the monthly membership fee (one per member and month); 'resources' an invoice of the
     * resources the member used (plans, bookings), billed by the plans module when the coop chose
     * member invoices: the same document, series kind and direct debit as a fee.
     */
    kind: varchar({ length: 16 }).$type<'fee' | 'resources'>().notNull().default('fee'),
    /** YYYY-MM, the month the fee is for. */
    month: varchar({ length: 7 }).notNull(),
    number: varchar({ length: 40 }).notNull(),
    issueDate: date().notNull(),
    dueDate: date().notNull(),
    netCents: cents().notNull(),
    vatRateBp: integer().notNull(),
    vatCents: cents().notNull(),
    grossCents: cents().notNull(),
    status: varchar({ length: 16 }).$type<'unpaid' | 'paid'>().notNull().default('unpaid'),
    salesEntryId: uuid().notNull(),
    paidOn: date(),
    paymentEntryId: uuid(),
    /** The last return or reject of a direct debit of this fee (reason code), shown until paid. */
    lastReturnCode: varchar({ length: 4 }),
    storageKey: varchar({ length: 300 }).notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    // One fee per member and month; a month's resources may take several invoices (one per run and VAT rate).
    uniqueIndex('member_fees_month_key').on(t.coopId, t.memberId, t.month).where(sql`${t.kind} = 'fee'`),
    unique('member_fees_number_key').on(t.coopId, t.number),
    index('member_fees_status_idx').on(t.coopId, t.status, t.dueDate),
    check('member_fees_month_check', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$' and ${t.kind} in ('fee', 'resources')`),
    check('member_fees_amounts_check', sql`${t.netCents} > 0 and ${t.netCents} <= 10000000 and ${t.vatCents} >= 0 and ${t.grossCents} = ${t.netCents} + ${t.vatCents} and ${t.vatRateBp} in (0, 210, 550, 1000, 2000)`),
    check('member_fees_status_check', sql`${t.status} in ('unpaid', 'paid') and (${t.status} = 'paid') = (${t.paidOn} is not null)`),
  ],
);

/** The scheduler's record of the monthly runs queued per coop: a month is queued once. */
export const feeRuns = pgTable(
  'fee_runs',
  {
    coopId: coopId(),
    month: varchar({ length: 7 }).notNull(),
    queuedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.coopId, t.month] })],
);

/**
 * A SEPA direct debit mandate a member signed (on paper, kept by the coop). Its reference
 * (RUM) is unique in the coop and never changes; an IBAN amended keeps it and is recorded.
 */
export const mandates = pgTable(
  'mandates',
  {
    coopId: coopId(),
    id: rowId(),
    memberId: uuid().notNull(),
    reference: varchar({ length: 35 }).notNull(),
    debtorName: varchar({ length: 70 }).notNull(),
    iban: varchar({ length: 34 }).notNull(),
    bic: varchar({ length: 11 }),
    signedOn: date().notNull(),
    status: varchar({ length: 16 }).$type<'active' | 'revoked'>().notNull().default('active'),
    /** The day of its last collection: FRST until there is one, lapsed 36 months after it. */
    lastCollectedOn: date(),
    /** The IBAN before an amendment not yet carried by a collection (AmdmntInd). */
    amendedFromIban: varchar({ length: 34 }),
    revokedOn: date(),
    revokedReason: varchar({ length: 200 }),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    unique('mandates_reference_key').on(t.coopId, t.reference),
    // One active mandate per member: the collection knows which one to use.
    uniqueIndex('mandates_active_member_key').on(t.coopId, t.memberId).where(sql`${t.status} = 'active'`),
    check('mandates_status_check', sql`${t.status} in ('active', 'revoked') and (${t.status} = 'revoked') = (${t.revokedOn} is not null)`),
  ],
);

/** A pain.008 file of collections, built once with its date and its creditor identifier. */
export const collections = pgTable(
  'collections',
  {
    coopId: coopId(),
    id: rowId(),
    /** GrpHdr/MsgId: unique per creditor, as the bank requires. */
    messageId: varchar({ length: 35 }).notNull(),
    collectionDate: date().notNull(),
    painVersion: varchar({ length: 16 }).notNull(),
    creditorId: varchar({ length: 35 }).notNull(),
    bankAccountId: uuid().notNull(),
    itemCount: integer().notNull(),
    totalCents: cents().notNull(),
    storageKey: varchar({ length: 300 }).notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('collections_message_key').on(t.coopId, t.messageId),
    check('collections_amounts_check', sql`${t.itemCount} > 0 and ${t.totalCents} > 0`),
  ],
);

/** One fee debited in a collection: pending until the bank credits it, then paid or returned. */
export const collectionItems = pgTable(
  'collection_items',
  {
    coopId: coopId(),
    id: rowId(),
    collectionId: uuid().notNull(),
    feeId: uuid().notNull(),
    mandateId: uuid().notNull(),
    endToEndId: varchar({ length: 35 }).notNull(),
    sequenceType: varchar({ length: 4 }).$type<'FRST' | 'RCUR'>().notNull(),
    amountCents: cents().notNull(),
    status: varchar({ length: 16 }).$type<'pending' | 'paid' | 'returned'>().notNull().default('pending'),
    returnCode: varchar({ length: 4 }),
    returnedOn: date(),
    paymentEntryId: uuid(),
    mandateRevoked: boolean().notNull().default(false),
    /** When the debtor's pre-notification was queued (the job that writes it runs once per item). */
    prenotifiedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.collectionId], foreignColumns: [collections.coopId, collections.id] }),
    foreignKey({ columns: [t.coopId, t.feeId], foreignColumns: [memberFees.coopId, memberFees.id] }),
    foreignKey({ columns: [t.coopId, t.mandateId], foreignColumns: [mandates.coopId, mandates.id] }),
    unique('collection_items_end_to_end_key').on(t.coopId, t.endToEndId),
    // A fee is in at most one live collection: collected once, again only after a return.
    uniqueIndex('collection_items_live_fee_key').on(t.coopId, t.feeId).where(sql`${t.status} <> 'returned'`),
    index('collection_items_collection_idx').on(t.coopId, t.collectionId),
    check('collection_items_amount_check', sql`${t.amountCents} > 0 and ${t.amountCents} <= 10000000`),
    check('collection_items_status_check', sql`${t.status} in ('pending', 'paid', 'returned') and ${t.sequenceType} in ('FRST', 'RCUR') and (${t.status} = 'returned') = (${t.returnCode} is not null)`),
  ],
);

export type MemberFeeRow = typeof memberFees.$inferSelect;
export type MandateRow = typeof mandates.$inferSelect;
export type CollectionRow = typeof collections.$inferSelect;
export type CollectionItemRow = typeof collectionItems.$inferSelect;
