/**
 * The characters every SEPA bank must accept in names and remittance texts (EPC "Latin
 * character set" of the SEPA rulebooks): a-z A-Z 0-9 / - ? : ( ) . , ' + and the space.
 * French names carry accents, ligatures and signs the banks may reject the whole file for,
 * so they are transliterated (é → e, œ → oe, & → +) and anything else becomes a space.
 */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'OE', æ: 'ae', Æ: 'AE', ß: 'ss', '&': '+', '’': "'", '‘': "'", '«': '', '»': '', '–': '-', '—': '-', _: '-' };
const SEPA_CHAR = /[A-Za-z0-9/\-?:().,'+ ]/;

export function toSepaText(value: string, maxLength: number): string {
  const transliterated = [...value.normalize('NFD').replace(/\p{M}/gu, '')]
    .map((c) => LIGATURES[c] ?? (SEPA_CHAR.test(c) ? c : ' '))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return transliterated.slice(0, maxLength).trim();
}

/** ISO 20022 identifiers (MsgId, PmtInfId, EndToEndId): at most 35 characters of the SEPA set, no leading or double slash. */
export function isSepaIdentifier(value: string): boolean {
  return /^[A-Za-z0-9\-?:().,'+ ]{1,35}$/.test(value) || (/^[A-Za-z0-9/\-?:().,'+ ]{1,35}$/.test(value) && !value.startsWith('/') && !value.endsWith('/') && !value.includes('//'));
}

/** Cents as the euros ISO 20022 amounts are written in: a dot and two decimals, no float on the way. */
export function centsToDecimal(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`not an amount in cents: ${cents}`);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** Limits of the SEPA Credit Transfer rulebook's fields. */
export const SEPA_LIMITS = { name: 70, remittance: 140 } as const;
