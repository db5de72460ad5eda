import type { LocalizedText } from '../../../platform/errors.js';

export const ADDRESS_KINDS = ['billing', 'delivery'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];

/**
 * Why a postal code does not fit its country, or null. French codes are five digits
 * (La Poste); elsewhere the formats vary too much to check beyond the schema.
 */
export function postalCodeProblem(country: string, postalCode: string): LocalizedText | null {
  if (country === 'FR' && !/^\d{5}$/.test(postalCode)) {
    return { fr: 'Un code postal français compte 5 chiffres.', en: 'A French postal code has 5 digits.' };
  }
  return null;
}

/**
 * Which addresses of a new client are the default of their kind: the one marked so, else
 * the first of the kind, so that an invoice always has a billing address to print. Two
 * marked defaults of one kind are refused (null).
 */
export function defaultAddressFlags(addresses: readonly { kind: AddressKind; isDefault?: boolean }[]): boolean[] | null {
  const flags = addresses.map((a) => a.isDefault === true);
  for (const kind of ADDRESS_KINDS) {
    const indexes = addresses.flatMap((a, i) => (a.kind === kind ? [i] : []));
    const marked = indexes.filter((i) => flags[i]);
    if (marked.length > 1) return null;
    if (marked.length === 0 && indexes.length > 0) flags[indexes[0]!] = true;
  }
  return flags;
}

/** Which contact of a new client is the primary one: the one marked so, else the first. */
export function primaryContactFlags(contacts: readonly { isPrimary?: boolean }[]): boolean[] | null {
  const flags = contacts.map((c) => c.isPrimary === true);
  const marked = flags.filter(Boolean).length;
  if (marked > 1) return null;
  if (marked === 0 && flags.length > 0) flags[0] = true;
  return flags;
}
