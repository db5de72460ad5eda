import { z } from 'zod';
import { bicSchema, ibanSchema, siretSchema } from '../../platform/identifiers/zod.js';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { DOCUMENT_KINDS } from './domain/documents.js';
import { MEMBER_STATUSES, MEMBERSHIP_TYPES } from './domain/lifecycle.js';

// Shared by the routes and the web client: the API's types are written once, here.

export { DOCUMENT_KINDS, MEMBER_STATUSES, MEMBERSHIP_TYPES };

// Pure rules the web applies while the user types, the same code the server decides with.
export { acceptedTypesOf, SELF_UPLOAD_KINDS, type DocumentKind } from './domain/documents.js';
export { allowedMoves, earliestLeavingDate, fieldsOfMove, latestCapeEnd, type MemberStatus, type MembershipType } from './domain/lifecycle.js';

const isoDate = z.iso.date();
const personName = z.string().trim().min(1).max(100);
const email = z.string().trim().toLowerCase().pipe(z.email().max(254));
const tags = z
  .array(z.string().trim().min(1).max(60))
  .max(50)
  .refine((a) => new Set(a.map((s) => s.toLowerCase())).size === a.length, {
    message: bilingual({ fr: 'Une valeur est en double.', en: 'A value appears twice.' }),
  });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** Independents keep their own company: the coop works with it, so it must be identified. */
const companyRequiredOfIndependents = <T extends { membershipType?: string; companyName?: string | null; siret?: string | null }>(v: T, ctx: z.RefinementCtx) => {
  if (v.membershipType !== 'independent') return;
  if (!v.companyName) ctx.addIssue({ code: 'custom', path: ['companyName'], message: bilingual({ fr: 'Raison sociale obligatoire pour un indépendant.', en: 'Company name required for an independent.' }) });
  if (!v.siret) ctx.addIssue({ code: 'custom', path: ['siret'], message: bilingual({ fr: 'SIRET obligatoire pour un indépendant.', en: 'SIRET required for an independent.' }) });
};

/** What a new member needs; other modules (admission, people) create members with it too. */
export const newMember = z.object({
  firstName: personName,
  lastName: personName,
  email,
  membershipType: z.enum(MEMBERSHIP_TYPES),
  userId: z.uuid().nullable().optional(),
  phone: optionalText(40),
  pole: optionalText(60),
  skills: tags.optional(),
  trades: tags.optional(),
  advisorUserId: z.uuid().nullable().optional(),
  companyName: z.string().trim().min(1).max(200).nullable().optional(),
  siret: siretSchema.nullable().optional(),
});
export type NewMember = z.infer<typeof newMember>;

/** The body of POST /api/members. */
export const createMemberBody = newMember.omit({ userId: true }).superRefine(companyRequiredOfIndependents);
export type CreateMemberBody = z.infer<typeof createMemberBody>;

/** What members may change of their own profile. */
export const SELF_EDITABLE_FIELDS = ['phone', 'addressLine1', 'addressLine2', 'postalCode', 'city', 'bio', 'skills', 'trades', 'pole', 'iban', 'bic'] as const;

export const updateMemberBody = z.strictObject({
  firstName: personName.optional(),
  lastName: personName.optional(),
  email: email.optional(),
  membershipType: z.enum(MEMBERSHIP_TYPES).optional(),
  phone: optionalText(40),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  postalCode: z.string().trim().regex(/^[0-9A-Za-z -]{3,16}$/).nullable().optional(),
  city: optionalText(120),
  bio: optionalText(4000),
  skills: tags.optional(),
  trades: tags.optional(),
  pole: optionalText(60),
  advisorUserId: z.uuid().nullable().optional(),
  companyName: z.string().trim().min(1).max(200).nullable().optional(),
  siret: siretSchema.nullable().optional(),
  iban: ibanSchema.nullable().optional(),
  bic: bicSchema.nullable().optional(),
});
export type UpdateMemberBody = z.infer<typeof updateMemberBody>;

export const memberListQuery = pageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(MEMBER_STATUSES).optional(),
  type: z.enum(MEMBERSHIP_TYPES).optional(),
  skill: z.string().trim().min(1).max(60).optional(),
  pole: z.string().trim().min(1).max(60).optional(),
  advisorId: z.uuid().optional(),
  sort: z.enum(['name', 'status', 'createdAt']).default('name'),
});
export type MemberListQuery = z.infer<typeof memberListQuery>;

export const memberListItem = z.object({
  id: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  membershipType: z.enum(MEMBERSHIP_TYPES),
  status: z.enum(MEMBER_STATUSES),
  statusSince: isoDate,
  pole: z.string().nullable(),
  skills: z.array(z.string()),
  companyName: z.string().nullable(),
  advisorUserId: z.string().nullable(),
  advisorName: z.string().nullable(),
  createdAt: z.date(),
});
export type MemberListItem = z.infer<typeof memberListItem>;
export const memberPage = pageOf(memberListItem);
export type MemberPage = z.infer<typeof memberPage>;

export const statusChange = z.object({
  id: z.string(),
  fromStatus: z.enum(MEMBER_STATUSES).nullable(),
  toStatus: z.enum(MEMBER_STATUSES),
  effectiveDate: isoDate,
  note: z.string().nullable(),
  byUserId: z.string().nullable(),
  byName: z.string().nullable(),
  at: z.date(),
});
export type StatusChange = z.infer<typeof statusChange>;

export const memberDocument = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  signedOn: isoDate.nullable(),
  year: z.number().int().nullable(),
  declaredRevenueCents: z.number().int().nullable(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.date(),
});
export type MemberDocument = z.infer<typeof memberDocument>;

export const memberDetail = memberListItem.extend({
  userId: z.string().nullable(),
  phone: z.string().nullable(),
  trades: z.array(z.string()),
  bio: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  siret: z.string().nullable(),
  /** The account the coop pays the member to: only on the detail (the member and staff), never in lists. */
  iban: z.string().nullable(),
  bic: z.string().nullable(),
  supportStartDate: isoDate.nullable(),
  supportEndDate: isoDate.nullable(),
  employmentStartDate: isoDate.nullable(),
  associateSince: isoDate.nullable(),
  noticeDate: isoDate.nullable(),
  leavingDate: isoDate.nullable(),
  /** While leaving: the status to go back to if the notice is withdrawn. */
  statusBeforeLeaving: z.enum(MEMBER_STATUSES).nullable(),
  updatedAt: z.date(),
  history: z.array(statusChange),
  documents: z.array(memberDocument),
});
export type MemberDetail = z.infer<typeof memberDetail>;

export const transitionBody = z.object({
  to: z.enum(MEMBER_STATUSES),
  effectiveDate: isoDate,
  contractStartDate: isoDate.nullable().optional(),
  contractEndDate: isoDate.nullable().optional(),
  noticeDate: isoDate.nullable().optional(),
  leavingDate: isoDate.nullable().optional(),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type TransitionBody = z.infer<typeof transitionBody>;

/** The text fields of a document upload (multipart, next to the file). */
export const documentFields = z.object({
  kind: z.enum(DOCUMENT_KINDS, { error: bilingual({ fr: 'Type de document inconnu.', en: 'Unknown document kind.' }) }),
  title: z.string({ error: bilingual({ fr: 'Titre obligatoire.', en: 'Title required.' }) }).trim().min(1).max(200, { error: bilingual({ fr: '200 caractères au plus.', en: '200 characters at most.' }) }),
  signedOn: z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) }).optional(),
  year: z.coerce.number({ error: bilingual({ fr: 'Année invalide.', en: 'Invalid year.' }) }).int().min(1900).max(2200).optional(),
  /** A fiscal statement's total revenue of the year, in cents (at most 1 billion euros). */
  declaredRevenueCents: z.coerce
    .number({ error: bilingual({ fr: 'Montant invalide.', en: 'Invalid amount.' }) })
    .int({ error: bilingual({ fr: 'Montant en centimes entiers.', en: 'Amount in whole cents.' }) })
    .min(0, { error: bilingual({ fr: 'Le montant ne peut pas être négatif.', en: 'The amount cannot be negative.' }) })
    .max(100_000_000_000, { error: bilingual({ fr: 'Montant trop élevé.', en: 'Amount too large.' }) })
    .optional(),
});
export type DocumentFields = z.infer<typeof documentFields>;

export const memberOption = z.object({ id: z.string(), name: z.string(), status: z.enum(MEMBER_STATUSES) });
export type MemberOption = z.infer<typeof memberOption>;

export const memberIdParams = z.object({ id: z.uuid() });
export const documentParams = z.object({ id: z.uuid(), docId: z.uuid() });

/** A person who may coach members: staff or admin of the coop. */
export const advisorOption = z.object({ userId: z.string(), name: z.string() });
export type AdvisorOption = z.infer<typeof advisorOption>;
