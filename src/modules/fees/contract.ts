import { z } from 'zod';
import { bilingual } from '../../platform/http/messages.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import { bicSchema, ibanSchema } from '../../platform/identifiers/zod.js';
import { FEE_VAT_RATES_BP, MAX_FEE_CENTS } from './domain/fee-amounts.js';
import { PAIN_VERSIONS } from './domain/pain008.js';
import { isValidCreditorId, isValidMandateReference, normalizeCreditorId } from './domain/sepa-identifiers.js';

// Shared by the routes and the web client: the API's types are written once, here.
export { FEE_VAT_RATES_BP, MAX_FEE_CENTS, PAIN_VERSIONS };

const isoDate = z.iso.date({ error: bilingual({ fr: 'Date invalide (AAAA-MM-JJ).', en: 'Invalid date (YYYY-MM-DD).' }) });
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: bilingual({ fr: 'Mois invalide (AAAA-MM).', en: 'Invalid month (YYYY-MM).' }) });
const BILLABLE_TYPES = ['entrepreneur_salarie', 'independent', 'coworker'] as const;

export const feeSettingsView = z.object({
  monthlyFeeCents: z.number().int(),
  billedTypes: z.array(z.enum(BILLABLE_TYPES)),
  vatRateBp: z.number().int(),
  creditorId: z.string().nullable(),
  prenotificationDays: z.number().int(),
  painVersion: z.enum(PAIN_VERSIONS),
});
export type FeeSettingsView = z.infer<typeof feeSettingsView>;

export const updateFeeSettingsBody = z.object({
  billedTypes: z.array(z.enum(BILLABLE_TYPES, { error: bilingual({ fr: 'Type de membre inconnu.', en: 'Unknown membership type.' }) })).max(3).optional(),
  vatRateBp: z
    .number()
    .int()
    .refine((r) => (FEE_VAT_RATES_BP as readonly number[]).includes(r), { error: bilingual({ fr: 'Taux de TVA : 0, 2,1, 5,5, 10 ou 20 %.', en: 'VAT rate: 0, 2.1, 5.5, 10 or 20 %.' }) })
    .optional(),
  creditorId: z
    .string()
    .transform(normalizeCreditorId)
    .refine(isValidCreditorId, { error: bilingual({ fr: 'ICS invalide (FRkk ZZZ nnnnnn, clé contrôlée).', en: 'Invalid creditor identifier (FRkk ZZZ nnnnnn, key checked).' }) })
    .nullable()
    .optional(),
  prenotificationDays: z.number().int().min(2, { error: bilingual({ fr: '2 jours au moins.', en: '2 days at least.' }) }).max(30, { error: bilingual({ fr: '30 jours au plus.', en: '30 days at most.' }) }).optional(),
  painVersion: z.enum(PAIN_VERSIONS).optional(),
});
export type UpdateFeeSettingsBody = z.infer<typeof updateFeeSettingsBody>;

export const memberFeeOverrideBody = z.object({
  /** null: back to the coop's fee; 0: exempt. */
  amountCents: z
    .number()
    .int({ error: bilingual({ fr: 'Montant en centimes entiers.', en: 'Amount in whole cents.' }) })
    .min(0, { error: bilingual({ fr: 'Le montant ne peut pas être négatif.', en: 'The amount cannot be negative.' }) })
    .max(MAX_FEE_CENTS, { error: bilingual({ fr: 'Montant trop élevé.', en: 'Amount too large.' }) })
    .nullable(),
});

export const billMonthBody = z.object({ month });
export const billMonthResult = z.object({ month: z.string(), billed: z.number().int(), alreadyBilled: z.number().int() });

export const FEE_STATUSES = ['unpaid', 'paid'] as const;
export const memberFee = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  month: z.string(),
  number: z.string(),
  issueDate: z.string(),
  dueDate: z.string(),
  netCents: z.number().int(),
  vatRateBp: z.number().int(),
  vatCents: z.number().int(),
  grossCents: z.number().int(),
  status: z.enum(FEE_STATUSES),
  paidOn: z.string().nullable(),
  /** In a collection not yet credited nor returned. */
  inCollection: z.boolean(),
  lastReturn: z.object({ code: z.string(), fr: z.string(), en: z.string() }).nullable(),
});
export type MemberFee = z.infer<typeof memberFee>;
export const memberFeeListQuery = pageQuery.extend({
  status: z.enum(FEE_STATUSES).optional(),
  memberId: z.uuid().optional(),
  month: month.optional(),
});
export type MemberFeeListQuery = z.infer<typeof memberFeeListQuery>;
export const memberFeePage = pageOf(memberFee);
export type MemberFeePage = z.infer<typeof memberFeePage>;

export const markFeePaidBody = z.object({ paidOn: isoDate });

const mandateReference = z
  .string({ error: bilingual({ fr: 'Référence obligatoire.', en: 'Reference required.' }) })
  .trim()
  .refine(isValidMandateReference, { error: bilingual({ fr: 'RUM : 1 à 35 caractères (lettres, chiffres, / - ? : ( ) . , \' +), sans espace.', en: "Mandate reference: 1 to 35 characters (letters, digits, / - ? : ( ) . , ' +), no space." }) });
const debtorName = z
  .string({ error: bilingual({ fr: 'Nom du débiteur obligatoire.', en: 'Debtor name required.' }) })
  .trim()
  .min(1, { error: bilingual({ fr: 'Nom du débiteur obligatoire.', en: 'Debtor name required.' }) })
  .max(70, { error: bilingual({ fr: '70 caractères au plus.', en: '70 characters at most.' }) });

export const createMandateBody = z.object({
  memberId: z.uuid({ error: bilingual({ fr: 'Membre obligatoire.', en: 'Member required.' }) }),
  reference: mandateReference,
  debtorName,
  iban: ibanSchema,
  bic: bicSchema.nullable().optional(),
  signedOn: isoDate,
});
export type CreateMandateBody = z.infer<typeof createMandateBody>;
export const amendMandateBody = z.object({ iban: ibanSchema, bic: bicSchema.nullable().optional(), debtorName: debtorName.optional() });
export type AmendMandateBody = z.infer<typeof amendMandateBody>;
export const revokeMandateBody = z.object({ reason: z.string().trim().min(1, { error: bilingual({ fr: 'Motif obligatoire.', en: 'Reason required.' }) }).max(200) });

export const mandate = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  reference: z.string(),
  debtorName: z.string(),
  /** Masked outside the staff: the member knows their own, the list needs no more. */
  iban: z.string(),
  bic: z.string().nullable(),
  signedOn: z.string(),
  status: z.enum(['active', 'revoked']),
  lastCollectedOn: z.string().nullable(),
  nextSequence: z.enum(['FRST', 'RCUR', 'lapsed']),
  amended: z.boolean(),
  revokedOn: z.string().nullable(),
  revokedReason: z.string().nullable(),
});
export type Mandate = z.infer<typeof mandate>;
export const mandateList = z.object({ items: z.array(mandate) });

export const buildCollectionBody = z.object({
  collectionDate: isoDate,
  feeIds: z.array(z.uuid()).min(1, { error: bilingual({ fr: 'Choisissez au moins une cotisation.', en: 'Choose at least one fee.' }) }).max(1000),
});
export type BuildCollectionBody = z.infer<typeof buildCollectionBody>;

export const collectable = z.object({
  earliestCollectionDate: z.string(),
  prenotificationDays: z.number().int(),
  creditorId: z.string().nullable(),
  items: z.array(z.object({ feeId: z.string(), number: z.string(), memberName: z.string(), grossCents: z.number().int(), dueDate: z.string(), mandateReference: z.string(), sequenceType: z.enum(['FRST', 'RCUR']) })),
});
export type Collectable = z.infer<typeof collectable>;

export const collectionItem = z.object({
  id: z.string(),
  feeId: z.string(),
  feeNumber: z.string(),
  memberName: z.string(),
  endToEndId: z.string(),
  sequenceType: z.enum(['FRST', 'RCUR']),
  amountCents: z.number().int(),
  status: z.enum(['pending', 'paid', 'returned']),
  returnReason: z.object({ code: z.string(), fr: z.string(), en: z.string() }).nullable(),
});
export const collection = z.object({
  id: z.string(),
  messageId: z.string(),
  collectionDate: z.string(),
  painVersion: z.enum(PAIN_VERSIONS),
  itemCount: z.number().int(),
  totalCents: z.number().int(),
  createdAt: z.date(),
  items: z.array(collectionItem),
});
export type Collection = z.infer<typeof collection>;
export const collectionList = z.object({ items: z.array(collection) });

/** What the bank statement says of one debit: credited, or returned with its reason. */
export const settleDebitBody = z.object({
  endToEndId: z.string().trim().min(1).max(35),
  bookedOn: isoDate,
  returnCode: z
    .string()
    .regex(/^[A-Z0-9]{4}$/, { error: bilingual({ fr: 'Code motif ISO à 4 caractères.', en: 'Four-character ISO reason code.' }) })
    .optional(),
});
export type SettleDebitBody = z.infer<typeof settleDebitBody>;

export const idParams = z.object({ id: z.uuid() });
export const memberParams = z.object({ memberId: z.uuid() });
