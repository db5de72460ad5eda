import { z } from 'zod';
import { directoryAddressSchema, sirenSchema, siretSchema, vatNumberSchema } from '../../platform/identifiers/zod.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ADDRESS_KINDS } from './domain/address-rules.js';
import { CLIENT_KINDS } from './domain/client-identity.js';
import { optionalText } from '../../platform/http/text-fields.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { ADDRESS_KINDS, CLIENT_KINDS };
export type { AddressKind } from './domain/address-rules.js';
export type { ClientKind } from './domain/client-identity.js';

// Pure rules the web applies while the user types, the same code the server decides with.
export { derivedVatNumber } from './domain/client-identity.js';

const email = z.email().max(254);

const addressFields = {
  kind: z.enum(ADDRESS_KINDS),
  line1: z.string().trim().min(1).max(200),
  line2: optionalText(200),
  postalCode: z.string().trim().regex(/^[0-9A-Za-z -]{3,16}$/),
  city: z.string().trim().min(1).max(120),
  country: z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/),
  isDefault: z.boolean(),
};

export const addressInput = z.object({ ...addressFields, country: addressFields.country.default('FR'), isDefault: addressFields.isDefault.optional() });
export type AddressInput = z.input<typeof addressInput>;
export const updateAddressBody = z.object(addressFields).partial();
export type UpdateAddressBody = z.infer<typeof updateAddressBody>;

const contactFields = {
  firstName: optionalText(100),
  lastName: z.string().trim().min(1).max(100),
  role: optionalText(100),
  email: email.nullable().optional(),
  phone: optionalText(40),
  isPrimary: z.boolean().optional(),
};

export const contactInput = z.object(contactFields);
export type ContactInput = z.input<typeof contactInput>;
export const updateContactBody = z.object(contactFields).partial();
export type UpdateContactBody = z.infer<typeof updateContactBody>;

const identityFields = {
  kind: z.enum(CLIENT_KINDS),
  name: z.string().trim().min(1).max(200),
  legalForm: optionalText(60),
  siren: sirenSchema.nullable().optional(),
  siret: siretSchema.nullable().optional(),
  vatNumber: vatNumberSchema.nullable().optional(),
  /** A French company's e-invoicing directory address (its SIREN when left out). */
  electronicAddress: directoryAddressSchema.nullable().optional(),
  email: email.nullable().optional(),
  phone: optionalText(40),
  website: optionalText(200),
  notes: optionalText(5000),
};

export const createClientBody = z.object({
  ...identityFields,
  /** The activity that works with this client; a member must name one of their own. */
  activityId: z.uuid().optional(),
  addresses: z.array(addressInput).max(10).optional(),
  contacts: z.array(contactInput).max(20).optional(),
});
export type CreateClientBody = z.input<typeof createClientBody>;
/** What `createClient` receives: the POST body once parsed. */
export type NewClient = z.infer<typeof createClientBody>;

export const updateClientBody = z.object(identityFields).partial();
export type UpdateClientBody = z.infer<typeof updateClientBody>;

export const linkActivitiesBody = z.object({ activityIds: z.array(z.uuid()).max(100) });
export type LinkActivitiesBody = z.infer<typeof linkActivitiesBody>;

export const clientAddress = z.object({
  id: z.string(),
  kind: z.enum(ADDRESS_KINDS),
  line1: z.string(),
  line2: z.string().nullable(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  isDefault: z.boolean(),
});
export type ClientAddress = z.infer<typeof clientAddress>;

export const clientContact = z.object({
  id: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isPrimary: z.boolean(),
});
export type ClientContact = z.infer<typeof clientContact>;

export const linkedActivity = z.object({ id: z.string(), code: z.string(), name: z.string(), status: z.enum(['active', 'suspended', 'closed']) });
export type LinkedActivity = z.infer<typeof linkedActivity>;

export const clientSummary = z.object({
  id: z.string(),
  kind: z.enum(CLIENT_KINDS),
  name: z.string(),
  siren: z.string().nullable(),
  vatNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  archivedAt: z.date().nullable(),
  activities: z.array(linkedActivity),
});
export type ClientSummary = z.infer<typeof clientSummary>;

export const client = z.object({
  id: z.string(),
  kind: z.enum(CLIENT_KINDS),
  name: z.string(),
  legalForm: z.string().nullable(),
  siren: z.string().nullable(),
  siret: z.string().nullable(),
  vatNumber: z.string().nullable(),
  electronicAddress: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  notes: z.string().nullable(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  addresses: z.array(clientAddress),
  contacts: z.array(clientContact),
  activities: z.array(linkedActivity),
});
export type Client = z.infer<typeof client>;

export const listClientsQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(CLIENT_KINDS).optional(),
  activityId: z.uuid().optional(),
  /** Archived clients are left out unless asked for. */
  archived: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type ListClientsQuery = z.infer<typeof listClientsQuery>;

export const clientParams = z.object({ id: z.uuid() });
export const addressParams = clientParams.extend({ addressId: z.uuid() });
export const contactParams = clientParams.extend({ contactId: z.uuid() });
