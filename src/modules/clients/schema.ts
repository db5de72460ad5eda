import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { coopId, createdAt, rowId, updatedAt } from '../../platform/db/columns.js';
import { activities } from '../activities/schema.js';

/** A client of the cooperative: a company (SIREN/SIRET, VAT number) or an individual. */
export const clients = pgTable(
  'clients',
  {
    id: rowId(),
    coopId: coopId(),
    kind: varchar({ length: 16 }).$type<'company' | 'individual'>().notNull(),
    name: varchar({ length: 200 }).notNull(),
    legalForm: varchar({ length: 60 }),
    siren: varchar({ length: 9 }),
    siret: varchar({ length: 14 }),
    vatNumber: varchar({ length: 16 }),
    /** BT-49 of its invoices: a French company's address in the e-invoicing directory (scheme 0225), its SIREN unless told otherwise. */
    electronicAddress: varchar({ length: 125 }),
    email: varchar({ length: 254 }),
    phone: varchar({ length: 40 }),
    website: varchar({ length: 200 }),
    notes: text(),
    archivedAt: timestamp({ withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    // One record per company in a cooperative: a second client with the same SIREN is refused.
    uniqueIndex('clients_coop_siren_key').on(t.coopId, t.siren).where(sql`${t.siren} is not null`),
    index('clients_coop_name_idx').on(t.coopId, t.name),
    check('clients_kind_check', sql`${t.kind} in ('company', 'individual')`),
    check('clients_company_ids_check', sql`${t.kind} = 'company' or (${t.siren} is null and ${t.siret} is null)`),
    // The directory holds French companies, by their SIREN: no address without one.
    check('clients_electronic_address_check', sql`${t.electronicAddress} is null or (${t.siren} is not null and left(${t.electronicAddress}, 9) = ${t.siren})`),
  ],
);

export const clientAddresses = pgTable(
  'client_addresses',
  {
    id: rowId(),
    coopId: coopId(),
    clientId: uuid().notNull(),
    kind: varchar({ length: 16 }).$type<'billing' | 'delivery'>().notNull(),
    line1: varchar({ length: 200 }).notNull(),
    line2: varchar({ length: 200 }),
    postalCode: varchar({ length: 16 }).notNull(),
    city: varchar({ length: 120 }).notNull(),
    country: varchar({ length: 2 }).notNull().default('FR'),
    isDefault: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }).onDelete('cascade'),
    index('client_addresses_client_idx').on(t.coopId, t.clientId),
    uniqueIndex('client_addresses_default_key').on(t.coopId, t.clientId, t.kind).where(sql`${t.isDefault}`),
    check('client_addresses_kind_check', sql`${t.kind} in ('billing', 'delivery')`),
  ],
);

export const clientContacts = pgTable(
  'client_contacts',
  {
    id: rowId(),
    coopId: coopId(),
    clientId: uuid().notNull(),
    firstName: varchar({ length: 100 }),
    lastName: varchar({ length: 100 }).notNull(),
    role: varchar({ length: 100 }),
    email: varchar({ length: 254 }),
    phone: varchar({ length: 40 }),
    isPrimary: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }).onDelete('cascade'),
    index('client_contacts_client_idx').on(t.coopId, t.clientId),
    // Quotes and reminders go to one person by default: at most one primary contact.
    uniqueIndex('client_contacts_primary_key').on(t.coopId, t.clientId).where(sql`${t.isPrimary}`),
  ],
);

/** The activities that work with a client: a member sees the clients of their activities. */
export const clientActivities = pgTable(
  'client_activities',
  {
    coopId: coopId(),
    clientId: uuid().notNull(),
    activityId: uuid().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.clientId, t.activityId] }),
    foreignKey({ columns: [t.coopId, t.clientId], foreignColumns: [clients.coopId, clients.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.coopId, t.activityId], foreignColumns: [activities.coopId, activities.id] }),
    index('client_activities_activity_idx').on(t.coopId, t.activityId),
  ],
);

export type ClientRow = typeof clients.$inferSelect;
