export { luhnValid } from './luhn.js';
export {
  LA_POSTE_HEAD_OFFICE_SIRET,
  LA_POSTE_SIREN,
  isValidSiren,
  isValidSiret,
  normalizeDigits,
  sirenOfSiret,
} from './siren.js';
export {
  EU_VAT_PREFIXES,
  frenchVatNumberFromSiren,
  isValidEuVatNumber,
  isValidFrenchVatNumber,
  normalizeVatNumber,
} from './vat.js';
export { formatIban, ibanLengthOf, isValidBic, isValidIban, normalizeBic, normalizeIban } from './iban.js';
export {
  BIC_MESSAGE,
  DIRECTORY_ADDRESS_MESSAGE,
  IBAN_MESSAGE,
  SIREN_MESSAGE,
  SIRET_MESSAGE,
  VAT_NUMBER_MESSAGE,
  bicSchema,
  directoryAddressSchema,
  ibanSchema,
  sirenSchema,
  siretSchema,
  vatNumberSchema,
} from './zod.js';
export {
  DIRECTORY_ADDRESS_MAX_LENGTH,
  DIRECTORY_ADDRESS_SCHEME,
  isDirectoryAddressOf,
  isValidDirectoryAddress,
  normalizeDirectoryAddress,
} from './directory-address.js';
