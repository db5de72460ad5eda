import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { cents, createdAt, id, updatedAt } from '../../platform/db/columns.js';

/**
 * The cooperative: the tenant every other row belongs to, with its legal identity and the
 * settings that make one structure differ from another (rates, fees, numbering, types).
 */
export const coops = pgTable(
  'coops',
  {
    id: id(),
    name: varchar({ length: 200 }).notNull(),
    legalForm: varchar({ length: 32 }).notNull(),
    siren: varchar({ length: 9 }).notNull(),
    siret: varchar({ length: 14 }).notNull(),
    vatNumber: varchar({ length: 16 }).notNull(),
    addressLine1: varchar({ length: 200 }).notNull(),
    addressLine2: varchar({ length: 200 }),
    postalCode: varchar({ length: 16 }).notNull(),
    city: varchar({ length: 120 }).notNull(),
    country: varchar({ length: 2 }).notNull().default('FR'),
    email: varchar({ length: 254 }),
    phone: varchar({ length: 40 }),
    /** The register it is entered in (Code de commerce R123-237): RCS or RM; null for an association. */
    registryKind: varchar({ length: 3 }).$type<'RCS' | 'RM'>(),
    /** The city of that registry (greffe), printed after it: "RCS Lyon 732 829 320". */
    registryCity: varchar({ length: 80 }),
    /** BT-34: its address in the e-invoicing directory (scheme 0225), its SIREN unless told otherwise. */
    electronicAddress: varchar({ length: 125 }).notNull(),
    iban: varchar({ length: 34 }).notNull(),
    bic: varchar({ length: 11 }).notNull(),
    /** Share of revenue excl. VAT moved to the coop's own funds, in basis points (1000 = 10 %). */
    contributionRateBp: integer().notNull().default(1000),
    contributionBasis: varchar({ length: 16 }).notNull().default('validation'),
    /** Commission of a member who brought a deal, in basis points of revenue invoiced. */
    dealBringerRateBp: integer().notNull().default(800),
    monthlyMemberFeeCents: cents().notNull().default(0),
    invoiceNumberFormat: varchar({ length: 40 }).notNull().default('F{YYYY}-{SEQ:5}'),
    paymentTermsDays: integer().notNull().default(30),
    paymentTermsEndOfMonth: boolean().notNull().default(false),
    /** Late-payment penalty rate printed on invoices, in basis points a year (art. L441-10 C. com.). */
    latePenaltyRateBp: integer().notNull().default(1215),
    /** Notice a member gives before leaving, in months (one by default). */
    leavingNoticeMonths: integer().notNull().default(1),
    membershipTypes: text().array().notNull().default(sql`array['entrepreneur_salarie']::text[]`),
    poles: text().array().notNull().default(sql`array[]::text[]`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('coops_siren_key').on(t.siren),
    check('coops_rates_check', sql`${t.contributionRateBp} between 0 and 10000 and ${t.dealBringerRateBp} between 0 and 10000 and ${t.latePenaltyRateBp} between 0 and 10000`),
    check('coops_fee_check', sql`${t.monthlyMemberFeeCents} >= 0`),
    check('coops_terms_check', sql`${t.paymentTermsDays} between 0 and 60 and ${t.leavingNoticeMonths} between 0 and 12`),
    check('coops_registry_check', sql`(${t.registryKind} is null) = (${t.registryCity} is null) and (${t.registryKind} is null or ${t.registryKind} in ('RCS', 'RM'))`),
    check('coops_basis_check', sql`${t.contributionBasis} in ('validation', 'payment')`),
    check('coops_types_check', sql`cardinality(${t.membershipTypes}) > 0 and ${t.membershipTypes} <@ array['entrepreneur_salarie', 'independent', 'coworker']::text[]`),
  ],
);

export type CoopRow = typeof coops.$inferSelect;
