import type { FieldError, LocalizedText } from '../../../platform/errors.js';
import { isDirectoryAddressOf } from '../../../platform/identifiers/directory-address.js';
import { isValidSiren } from '../../../platform/identifiers/siren.js';
import { frenchVatNumberFromSiren } from '../../../platform/identifiers/vat.js';

export const CLIENT_KINDS = ['company', 'individual'] as const;
export type ClientKind = (typeof CLIENT_KINDS)[number];

export interface ClientIdentity {
  kind: ClientKind;
  legalForm: string | null;
  siren: string | null;
  siret: string | null;
  vatNumber: string | null;
  /** Its address in the e-invoicing directory (scheme 0225, BT-49): its SIREN unless told otherwise. */
  electronicAddress: string | null;
}

export type IdentityCheck = { ok: true; identity: ClientIdentity } | { ok: false; fields: FieldError[] };

const NOT_FOR_INDIVIDUALS: Record<'legalForm' | 'siren' | 'siret' | 'vatNumber' | 'electronicAddress', LocalizedText> = {
  legalForm: { fr: "Un particulier n'a pas de forme juridique.", en: 'An individual has no legal form.' },
  siren: { fr: "Un particulier n'a pas de SIREN.", en: 'An individual has no SIREN.' },
  siret: { fr: "Un particulier n'a pas de SIRET.", en: 'An individual has no SIRET.' },
  vatNumber: { fr: "Un particulier n'a pas de numéro de TVA intracommunautaire.", en: 'An individual has no EU VAT number.' },
  electronicAddress: {
    fr: "Un particulier n'a pas d'adresse dans l'annuaire de la facturation électronique : ses factures lui parviennent à son e-mail.",
    en: 'An individual has no address in the e-invoicing directory: invoices reach them at their email.',
  },
};

/**
 * The VAT number a French company has from its SIREN (art. 286 ter CGI), or null when the
 * SIREN is not (yet) a valid one. The form shows it as soon as the SIREN is typed.
 */
export function derivedVatNumber(siren: string | null | undefined): string | null {
  const digits = (siren ?? '').replace(/[\s.\-]/gu, '');
  return isValidSiren(digits) ? frenchVatNumberFromSiren(digits) : null;
}

/**
 * Completes and checks who a client is, from identifiers already valid one by one.
 * A company's SIRET is one of its establishments, so it starts with its SIREN (which is
 * taken from the SIRET when only that was typed); its VAT number is derived from a French
 * SIREN, and a French VAT number that was typed must be that one. Foreign companies may
 * have a VAT number alone. An individual has none of these: the buyer's SIREN printed on
 * an invoice (e-invoicing reform) must never be a private person's. A French company's
 * directory address (e-invoicing) follows its SIREN the same way.
 */
export function checkClientIdentity(input: ClientIdentity): IdentityCheck {
  const fields: FieldError[] = [];
  if (input.kind === 'individual') {
    for (const key of ['legalForm', 'siren', 'siret', 'vatNumber', 'electronicAddress'] as const) {
      if (input[key] !== null) fields.push({ path: key, message: NOT_FOR_INDIVIDUALS[key] });
    }
    return fields.length ? { ok: false, fields } : { ok: true, identity: input };
  }

  const siren = input.siren ?? (input.siret ? input.siret.slice(0, 9) : null);
  if (input.siret && siren && !input.siret.startsWith(siren)) {
    fields.push({ path: 'siret', message: { fr: 'Le SIRET doit commencer par le SIREN.', en: 'The SIRET must start with the SIREN.' } });
  }
  const derived = derivedVatNumber(siren);
  if (siren && !derived) fields.push({ path: 'siren', message: { fr: 'SIREN invalide.', en: 'Invalid SIREN.' } });
  const vatNumber = input.vatNumber ?? derived;
  if (derived && vatNumber?.startsWith('FR') && vatNumber !== derived) {
    fields.push({
      path: 'vatNumber',
      message: { fr: `Ce numéro de TVA ne correspond pas au SIREN (attendu : ${derived}).`, en: `This VAT number does not match the SIREN (expected ${derived}).` },
    });
  }
  // The directory address of a French company: its SIREN by default, or the SIREN and a suffix
  // (BR-FR-21: the buyer's address starts with its SIREN). The directory knows no company abroad.
  const electronicAddress = input.electronicAddress ?? (derived ? siren : null);
  if (input.electronicAddress !== null && !siren) {
    fields.push({ path: 'electronicAddress', message: { fr: "Seule une entreprise française (avec SIREN) a une adresse dans l'annuaire.", en: 'Only a French company (with a SIREN) has a directory address.' } });
  } else if (electronicAddress && siren && !isDirectoryAddressOf(electronicAddress, siren)) {
    fields.push({ path: 'electronicAddress', message: { fr: `L'adresse de l'annuaire doit commencer par le SIREN (${siren}).`, en: `The directory address must start with the SIREN (${siren}).` } });
  }
  return fields.length ? { ok: false, fields } : { ok: true, identity: { ...input, siren, vatNumber, electronicAddress } };
}
