import { z } from 'zod';
import { bilingual } from '../http/messages.js';
import { isValidIban, isValidBic, normalizeBic, normalizeIban } from './iban.js';
import { isValidDirectoryAddress, normalizeDirectoryAddress } from './directory-address.js';
import { isValidSiren, isValidSiret, normalizeDigits } from './siren.js';
import { isValidEuVatNumber, normalizeVatNumber } from './vat.js';

/*
 * Why `.overwrite()` rather than `.transform()`: overwrite normalizes the
 * value while keeping a plain ZodString (input and output are both `string`),
 * so the schemas stay representable as JSON Schema `{ "type": "string" }` in
 * both directions. That keeps them usable in request *and* response schemas
 * with fastify-type-provider-zod and in generated OpenAPI documents.
 * Normalization runs before the refinement, so the check sees the canonical
 * form and the parsed output is that canonical form.
 */

export const SIREN_MESSAGE = bilingual({ fr: 'SIREN invalide (9 chiffres, clé de Luhn).', en: 'must be a valid SIREN (9 digits, Luhn key)' });
export const SIRET_MESSAGE = bilingual({ fr: 'SIRET invalide (14 chiffres, clé de Luhn).', en: 'must be a valid SIRET (14 digits, Luhn key)' });
export const VAT_NUMBER_MESSAGE = bilingual({ fr: 'Numéro de TVA intracommunautaire invalide.', en: 'must be a valid EU VAT number (country prefix followed by the national number)' });
export const IBAN_MESSAGE = bilingual({ fr: 'IBAN invalide (pays, clé et numéro de compte, ISO 13616).', en: 'must be a valid IBAN (country code, check digits and account number, ISO 13616)' });
export const DIRECTORY_ADDRESS_MESSAGE = bilingual({
  fr: "Adresse de l'annuaire invalide : le SIREN, éventuellement suivi de « _ » et d'un suffixe (lettres, chiffres, + - _ .), 125 caractères au plus.",
  en: 'must be a directory address: the SIREN, optionally followed by "_" and a suffix (letters, digits, + - _ .), at most 125 characters',
});
export const BIC_MESSAGE = bilingual({ fr: 'BIC invalide (8 ou 11 caractères, ISO 9362).', en: 'must be a valid BIC (8 or 11 characters, ISO 9362)' });

/** SIREN; output: 9 digits without separators. */
export const sirenSchema = z
  .string()
  .trim()
  .overwrite(normalizeDigits)
  .refine(isValidSiren, { error: SIREN_MESSAGE });

/** SIRET; output: 14 digits without separators. */
export const siretSchema = z
  .string()
  .trim()
  .overwrite(normalizeDigits)
  .refine(isValidSiret, { error: SIRET_MESSAGE });

/** EU VAT number; output: uppercase, no separators (e.g. "FR44732829320"). */
export const vatNumberSchema = z
  .string()
  .trim()
  .overwrite(normalizeVatNumber)
  .refine(isValidEuVatNumber, { error: VAT_NUMBER_MESSAGE });

/** IBAN; output: electronic form, uppercase without spaces. */
export const ibanSchema = z
  .string()
  .trim()
  .overwrite(normalizeIban)
  .refine(isValidIban, { error: IBAN_MESSAGE });

/** BIC; output: uppercase without spaces. */
export const bicSchema = z
  .string()
  .trim()
  .overwrite(normalizeBic)
  .refine(isValidBic, { error: BIC_MESSAGE });

/** E-invoicing directory address (scheme 0225); output: without spaces. */
export const directoryAddressSchema = z
  .string()
  .trim()
  .overwrite(normalizeDirectoryAddress)
  .refine(isValidDirectoryAddress, { error: DIRECTORY_ADDRESS_MESSAGE });
