import { z } from 'zod';
import { bicSchema, directoryAddressSchema, ibanSchema, sirenSchema, siretSchema } from '../../platform/identifiers/zod.js';
import { bilingual } from '../../platform/http/messages.js';
import { isValidNumberingFormat } from './domain/numbering-format.js';

// Shared by the routes and the web client: the API's types are written once, here.

// Pure rules the web applies while the user types, the same code the server decides with.
export { isValidNumberingFormat, isYearlySeries, renderNumber } from './domain/numbering-format.js';

export const LEGAL_FORMS = ['scop_sa', 'scop_sarl', 'scop_sas', 'scic_sa', 'scic_sarl', 'scic_sas', 'cae_association', 'association', 'sas', 'sarl', 'other'] as const;
/** The registers a company is entered in: trade and companies (RCS), trades and crafts (RM). */
export const REGISTRY_KINDS = ['RCS', 'RM'] as const;
export const MEMBERSHIP_TYPES = ['entrepreneur_salarie', 'independent', 'coworker'] as const;
export type MembershipType = (typeof MEMBERSHIP_TYPES)[number];

/** The poles Locomotiv' organises its members by; a cooperative may replace the list. */
export const DEFAULT_POLES = ['project_management', 'management_consulting', 'internal_optimisation', 'marketing', 'communication_design', 'technical'];

const basisPoints = z.number().int().min(0).max(10000);

export const coopSettings = z.object({
  id: z.string(),
  name: z.string(),
  legalForm: z.enum(LEGAL_FORMS),
  siren: z.string(),
  siret: z.string(),
  vatNumber: z.string(),
  registryKind: z.enum(REGISTRY_KINDS).nullable(),
  registryCity: z.string().nullable(),
  electronicAddress: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  iban: z.string(),
  bic: z.string(),
  contributionRateBp: z.number().int(),
  contributionBasis: z.enum(['validation', 'payment']),
  dealBringerRateBp: z.number().int(),
  monthlyMemberFeeCents: z.number().int(),
  invoiceNumberFormat: z.string(),
  paymentTermsDays: z.number().int(),
  paymentTermsEndOfMonth: z.boolean(),
  latePenaltyRateBp: z.number().int(),
  leavingNoticeMonths: z.number().int(),
  membershipTypes: z.array(z.enum(MEMBERSHIP_TYPES)),
  poles: z.array(z.string()),
  updatedAt: z.date(),
});
export type CoopSettings = z.infer<typeof coopSettings>;

export const updateCoopSettings = z
  .object({
    name: z.string().trim().min(2).max(200),
    legalForm: z.enum(LEGAL_FORMS),
    siren: sirenSchema,
    siret: siretSchema,
    /** With `registryCity`, both or neither (an association is in no register). */
    registryKind: z.enum(REGISTRY_KINDS).nullable(),
    registryCity: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .regex(/^\p{L}[\p{L} '’-]*$/u, { message: bilingual({ fr: 'Le nom de la ville du greffe : des lettres, espaces, tirets et apostrophes.', en: 'The city of the registry: letters, spaces, hyphens and apostrophes.' }) })
      .nullable(),
    /** BT-34; must start with the SIREN (checked with the SIREN the coop ends up with). */
    electronicAddress: directoryAddressSchema,
    addressLine1: z.string().trim().min(1).max(200),
    addressLine2: z.string().trim().max(200).nullable(),
    postalCode: z.string().trim().regex(/^[0-9A-Za-z -]{3,16}$/),
    city: z.string().trim().min(1).max(120),
    country: z.string().length(2).toUpperCase(),
    email: z.string().trim().email().max(254).nullable(),
    phone: z.string().trim().max(40).nullable(),
    iban: ibanSchema,
    bic: bicSchema,
    contributionRateBp: basisPoints,
    contributionBasis: z.enum(['validation', 'payment']),
    dealBringerRateBp: basisPoints,
    monthlyMemberFeeCents: z.number().int().min(0).max(100_000_00),
    invoiceNumberFormat: z.string().refine(isValidNumberingFormat, {
      message: bilingual({
        fr: 'Format invalide : un seul {SEQ:n}, éventuellement {YYYY} ou {YY}, lettres, chiffres et - _ / .',
        en: 'Invalid format: exactly one {SEQ:n}, optionally {YYYY} or {YY}, letters, digits and - _ / .',
      }),
    }),
    paymentTermsDays: z.number().int().min(0).max(60),
    paymentTermsEndOfMonth: z.boolean(),
    latePenaltyRateBp: basisPoints,
    leavingNoticeMonths: z.number().int().min(0).max(12),
    membershipTypes: z.array(z.enum(MEMBERSHIP_TYPES)).min(1).refine((a) => new Set(a).size === a.length, {
      message: bilingual({ fr: "Un type d'adhésion est en double.", en: 'A membership type appears twice.' }),
    }),
    poles: z.array(z.string().trim().min(1).max(60)).max(30),
  })
  .partial()
  .refine((v) => !v.siret || !v.siren || v.siret.startsWith(v.siren), {
    path: ['siret'],
    message: bilingual({ fr: 'Le SIRET doit commencer par le SIREN.', en: 'The SIRET must start with the SIREN.' }),
  })
  .refine((v) => v.registryKind === undefined || v.registryCity === undefined || (v.registryKind === null) === (v.registryCity === null), {
    path: ['registryCity'],
    message: bilingual({ fr: 'Le registre et la ville du greffe vont ensemble.', en: 'The register and the city of its registry go together.' }),
  });
export type UpdateCoopSettings = z.infer<typeof updateCoopSettings>;
