/**
 * The electronic address of a French company in the e-invoicing directory (the "annuaire" of the
 * 2026 reform), written with the EAS scheme 0225 as BT-34 (seller) and BT-49 (buyer): the
 * company's SIREN, alone ("732829320") or followed by "_" and a suffix that names an
 * establishment or a service ("732829320_73282932000017", "732829320_FACTURES").
 *
 * The French rules (BR-FR, XP Z12-012 V1.4) accept letters, digits and "+ - _ ." only (BR-FR-23),
 * at most 125 characters (BR-FR-25), and on a B2B invoice an address that starts with the
 * party's SIREN (BR-FR-21/22). The "_" after the SIREN is what the directory uses to separate
 * the levels of an address; it also keeps "7328293201" from passing for the SIREN 732829320.
 */
export const DIRECTORY_ADDRESS_SCHEME = '0225';
export const DIRECTORY_ADDRESS_MAX_LENGTH = 125;

const FORMAT = /^\d{9}(?:_[A-Za-z0-9+\-_.]+)?$/;

/** Spaces people type inside the SIREN ("732 829 320_FACTURES") are not part of the address. */
export const normalizeDirectoryAddress = (s: string): string => s.replace(/\s/gu, '');

/** A SIREN alone or followed by "_suffix", in the characters and length the rules allow. */
export const isValidDirectoryAddress = (s: string): boolean => s.length <= DIRECTORY_ADDRESS_MAX_LENGTH && FORMAT.test(s);

/** The directory address is the one of that SIREN (BR-FR-21/22: it starts with it). */
export const isDirectoryAddressOf = (address: string, siren: string): boolean => isValidDirectoryAddress(address) && address.slice(0, 9) === siren;
