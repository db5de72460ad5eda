/**
 * The units a line may count in, by their UN/ECE Recommendation 20 code: the code is what the
 * Factur-X XML carries (BT-130, `unitCode`), so a buyer's software reads "3 MTK" as three
 * square metres whatever language the PDF is in. Each code names the unit itself, not a
 * "piece" standing for it: a page is ZP, a word D68, a person IE, a lump sum LS.
 *
 * French labels print on the PDF, singular and plural; the web has its own catalogues for
 * French and English (src/web/modules/documents/i18n.*.ts), keyed by the same codes.
 */
export const LINE_UNITS = {
  C62: ['unité', 'unités'],
  HUR: ['heure', 'heures'],
  DAY: ['jour', 'jours'],
  WEE: ['semaine', 'semaines'],
  MON: ['mois', 'mois'],
  ANN: ['an', 'ans'],
  LS: ['forfait', 'forfaits'],
  IE: ['personne', 'personnes'],
  ZP: ['page', 'pages'],
  D68: ['mot', 'mots'],
  H87: ['pièce', 'pièces'],
  LO: ['lot', 'lots'],
  KMT: ['km', 'km'],
  MTR: ['m', 'm'],
  MTK: ['m²', 'm²'],
  MTQ: ['m³', 'm³'],
  KGM: ['kg', 'kg'],
  LTR: ['litre', 'litres'],
  MIN: ['minute', 'minutes'],
} as const satisfies Record<string, readonly [string, string]>;

export type LineUnit = keyof typeof LINE_UNITS;
export const LINE_UNIT_CODES = Object.keys(LINE_UNITS) as LineUnit[];
export const isLineUnit = (code: string): code is LineUnit => Object.hasOwn(LINE_UNITS, code);

/**
 * The unit as a French reader writes it after the quantity: singular below two ("1,5 heure",
 * the French rule), plural from two ("3 jours"). A code from elsewhere (an older line, an
 * imported document) prints as it is.
 */
export function frenchUnitLabel(code: string, quantityMilli: number): string {
  if (!isLineUnit(code)) return code;
  const [one, many] = LINE_UNITS[code];
  return Math.abs(quantityMilli) < 2000 ? one : many;
}
