import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.js';
import { cents, coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { type DocumentKind } from './domain/documents.js';
import { type MemberStatus } from './domain/lifecycle.js';

export { DOCUMENT_KINDS, type DocumentKind } from './domain/documents.js';
export { MEMBER_STATUSES, type MemberStatus } from './domain/lifecycle.js';

/**
 * An entrepreneur hosted by the cooperative. `membership_type` says how: entrepreneur-salarié
 * (the coop invoices for them and pays a salary), independent (own company, monthly fee),
 * coworker (desks and community only).
 */
export const members = pgTable(
  'members',
  {
    id: rowId(),
    coopId: coopId(),
    /** The account of the person, once they have one. */
    userId: uuid().references(() => users.id),
    firstName: varchar({ length: 100 }).notNull(),
    lastName: varchar({ length: 100 }).notNull(),
    email: varchar({ length: 254 }).notNull(),
    phone: varchar({ length: 40 }),
    membershipType: varchar({ length: 24 }).notNull(),
    status: varchar({ length: 16 }).$type<MemberStatus>().notNull().default('candidate'),
    /** Date the current status took effect. */
    statusSince: date().notNull(),
    pole: varchar({ length: 60 }),
    skills: text().array().notNull().default(sql`array[]::text[]`),
    trades: text().array().notNull().default(sql`array[]::text[]`),
    advisorUserId: uuid().references(() => users.id),
    bio: text(),
    addressLine1: varchar({ length: 200 }),
    addressLine2: varchar({ length: 200 }),
    postalCode: varchar({ length: 16 }),
    city: varchar({ length: 120 }),
    /** Independents keep their own company. */
    companyName: varchar({ length: 200 }),
    siret: varchar({ length: 14 }),
    /** Where the coop pays the member (salary, their invoices, refunds): checked mod 97 and BIC format at the edge. */
    iban: varchar({ length: 34 }),
    bic: varchar({ length: 11 }),
    /** CAPE (contrat d'appui au projet d'entreprise): the test phase before employment. */
    supportStartDate: date(),
    supportEndDate: date(),
    employmentStartDate: date(),
    associateSince: date(),
    noticeDate: date(),
    leavingDate: date(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    unique('members_coop_email_key').on(t.coopId, t.email),
    unique('members_coop_user_key').on(t.coopId, t.userId),
    // The dashboard counts members by status and type, and those missing paperwork, from this index alone.
    index('members_coop_status_idx').on(t.coopId, t.status, t.membershipType, t.id),
    // The list's order to the last tie-breaker, so any page, however deep, is read in order,
    // never sorted: names as a French reader sorts them (Élodie with the E), whatever the
    // database collation (list-members.ts orders by exactly these expressions).
    index('members_coop_name_idx').on(t.coopId, sql`lower(f_unaccent(${t.lastName}))`, sql`lower(f_unaccent(${t.firstName}))`, t.id),
    index('members_skills_idx').using('gin', t.skills),
    check('members_type_check', sql`${t.membershipType} in ('entrepreneur_salarie', 'independent', 'coworker')`),
    check('members_status_check', sql`${t.status} in ('candidate', 'in_support', 'employee', 'associate', 'active', 'leaving', 'left')`),
    check('members_support_dates_check', sql`${t.supportEndDate} is null or ${t.supportStartDate} is null or ${t.supportEndDate} >= ${t.supportStartDate}`),
  ],
);

/** Every move of a member's lifecycle, dated, with who made it. Never updated. */
export const memberStatusChanges = pgTable(
  'member_status_changes',
  {
    id: rowId(),
    coopId: coopId(),
    memberId: uuid().notNull(),
    fromStatus: varchar({ length: 16 }).$type<MemberStatus>(),
    toStatus: varchar({ length: 16 }).$type<MemberStatus>().notNull(),
    effectiveDate: date().notNull(),
    note: text(),
    byUserId: uuid().references(() => users.id),
    at: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    index('member_status_changes_member_idx').on(t.coopId, t.memberId, t.at),
  ],
);


/** Files about a member (signed charter, yearly fiscal statement, contracts); bytes live in storage. */
export const memberDocuments = pgTable(
  'member_documents',
  {
    id: rowId(),
    coopId: coopId(),
    memberId: uuid().notNull(),
    kind: varchar({ length: 24 }).$type<DocumentKind>().notNull(),
    title: varchar({ length: 200 }).notNull(),
    fileName: varchar({ length: 255 }).notNull(),
    contentType: varchar({ length: 100 }).notNull(),
    sizeBytes: integer().notNull(),
    sha256: varchar({ length: 64 }).notNull(),
    storageKey: varchar({ length: 300 }).notNull(),
    /** When the document was signed (the member charter). */
    signedOn: date(),
    /** The fiscal year a statement or balance sheet is about. */
    year: integer(),
    /**
     * The total revenue the member's company declared for that year, on a fiscal statement: what
     * the coop compares the member's volume of work through it with (risk of disguised employment).
     */
    declaredRevenueCents: cents(),
    uploadedBy: uuid().references(() => users.id),
    uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.memberId], foreignColumns: [members.coopId, members.id] }),
    unique('member_documents_coop_key').on(t.coopId, t.storageKey),
    index('member_documents_member_idx').on(t.coopId, t.memberId),
    // Which members gave their charter or their fiscal statement of a year: the dashboard reads it alone.
    index('member_documents_kind_idx').on(t.coopId, t.kind, t.year, t.memberId, t.signedOn),
    check('member_documents_kind_check', sql`${t.kind} in ('charter', 'fiscal_statement', 'balance_sheet', 'contract', 'identity', 'other')`),
    check('member_documents_size_check', sql`${t.sizeBytes} > 0`),
    check('member_documents_revenue_check', sql`${t.declaredRevenueCents} is null or (${t.kind} = 'fiscal_statement' and ${t.declaredRevenueCents} between 0 and 100000000000)`),
  ],
);

export type MemberRow = typeof members.$inferSelect;
