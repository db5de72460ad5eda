import {
  computeLineAmounts,
  computeTotals,
  isLineUnit,
  LINE_UNIT_CODES,
  lineProblems,
  totalsLineOf,
  type DocumentLine,
  type DocumentLineInput,
  type DocumentTotals,
  type LineProblem,
  type LineUnit,
  type VatCategory,
} from '../../../modules/documents/contract';

// The lines of any document as people type them (invoice, quote…): parsed from their digits,
// checked and totalled with the server's own pure rules while they type.

/**
 * Parses a decimal typed by a person ("1 234,56", "1234.5", "12") into an integer scaled by
 * 10^decimals, from its digits and never through a float: 0,1 + 0,2 must make 0,30 €
 * exactly, as the server counts it. Null when the text is not such a number or has more
 * decimals than allowed.
 */
export function parseScaled(text: string, decimals: number, opts: { allowNegative?: boolean } = {}): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/€$/, '');
  const m = /^(-)?(\d*)(?:[.,](\d*))?$/.exec(compact);
  if (!m || (!m[2] && !m[3])) return null;
  if (m[1] && !opts.allowNegative) return null;
  const fraction = m[3] ?? '';
  if (fraction.length > decimals) return null;
  const digits = `${m[2] || '0'}${fraction.padEnd(decimals, '0')}`;
  const value = Number(BigInt(digits));
  if (!Number.isSafeInteger(value)) return null;
  return m[1] ? -value : value;
}

/** "1234,5" (fr) or "1234.5" (en) from 123450 scaled by 100: what an input shows for a stored amount. */
export function scaledToInput(value: number, decimals: number, lang: string): string {
  const negative = value < 0;
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `${lang === 'fr' ? ',' : '.'}${fraction}` : ''}`;
}

export const eurosToCents = (text: string) => parseScaled(text, 2);

/** The VAT choices of a line: the four French rates, then the cases without VAT. */
export const VAT_CHOICES = ['S:2000', 'S:1000', 'S:550', 'S:210', 'E:0', 'AE:0', 'Z:0', 'K:0', 'G:0', 'O:0'] as const;
export type VatChoice = (typeof VAT_CHOICES)[number];

type VatLabel = `invoices.vatChoice.${'S_2000' | 'S_1000' | 'S_550' | 'S_210' | 'E_0' | 'AE_0' | 'Z_0' | 'K_0' | 'G_0' | 'O_0'}`;

/** The UN/ECE Rec. 20 units a line may count in, as the server knows them (documents/domain/line-units.ts). */
export const UNITS: readonly LineUnit[] = LINE_UNIT_CODES;
export type Unit = LineUnit;
export const isKnownUnit = isLineUnit;

export type UnitKey = `documents.units.${Unit}`;

/**
 * The unit after a quantity, in the person's language and number: "3 jours", "1,5 heure",
 * "2 people"; without a quantity, the name of the unit (a choice in the editor). A code the
 * catalogue does not know shows as it is.
 */
export function unitLabel(t: (key: UnitKey, options: { count: number }) => string, unit: string, quantityMilli = 1000): string {
  return isKnownUnit(unit) ? t(`documents.units.${unit}`, { count: Math.abs(quantityMilli) / 1000 }) : unit;
}

/** The catalogue key naming a VAT group, or null for a group the editor does not offer. */
export function vatLabelKey(category: string, rateBp: number): VatLabel | null {
  const choice = `${category}:${rateBp}`;
  return (VAT_CHOICES as readonly string[]).includes(choice) ? (`invoices.vatChoice.${category}_${rateBp}` as VatLabel) : null;
}

/** The reason printed by default for each case without VAT (BT-120). */
export const DEFAULT_EXEMPTION: Partial<Record<VatCategory, string>> = {
  E: 'TVA non applicable, art. 293 B du CGI',
  AE: 'Autoliquidation',
  K: 'Exonération de TVA, art. 262 ter I du CGI',
  G: 'Exonération de TVA, art. 262 I du CGI',
};

export type DiscountKind = 'none' | 'percent' | 'amount';

export interface LineValues {
  description: string;
  quantity: string;
  unit: string;
  unitPrice: string;
  discountKind: DiscountKind;
  discount: string;
  vat: VatChoice;
  exemptionReason: string;
}

export const emptyLine = (): LineValues => ({ description: '', quantity: '1', unit: 'C62', unitPrice: '', discountKind: 'none', discount: '', vat: 'S:2000', exemptionReason: '' });

export type TypingKey = 'invoices.editor.badQuantity' | 'invoices.editor.badAmount' | 'invoices.editor.badDiscount';

export interface ParsedLines {
  lines: DocumentLineInput[];
  /** Form path → message key, for what the person typed that is not a number. */
  typing: { path: string; key: TypingKey }[];
}

/** The lines as the API takes them; the unreadable inputs are listed instead of guessed. */
export function parseLines(values: readonly LineValues[]): ParsedLines {
  const typing: ParsedLines['typing'] = [];
  const lines = values.map((v, i): DocumentLineInput => {
    const quantityMilli = parseScaled(v.quantity, 3, { allowNegative: true });
    if (quantityMilli === null || quantityMilli === 0) typing.push({ path: `lines.${i}.quantity`, key: 'invoices.editor.badQuantity' });
    const unitPriceCents = eurosToCents(v.unitPrice);
    if (unitPriceCents === null) typing.push({ path: `lines.${i}.unitPrice`, key: 'invoices.editor.badAmount' });
    const [category, rate] = v.vat.split(':') as [VatCategory, string];
    let discount: Pick<DocumentLineInput, 'discountBp' | 'discountCents'> = {};
    if (v.discountKind !== 'none' && v.discount.trim() !== '') {
      const scaled = parseScaled(v.discount, 2);
      if (scaled === null || (v.discountKind === 'percent' && scaled > 10_000)) typing.push({ path: `lines.${i}.discount`, key: 'invoices.editor.badDiscount' });
      else discount = v.discountKind === 'percent' ? { discountBp: scaled } : { discountCents: scaled };
    }
    return {
      description: v.description.trim(),
      quantityMilli: quantityMilli ?? 0,
      unit: v.unit || 'C62',
      unitPriceCents: unitPriceCents ?? 0,
      ...discount,
      vatCategory: category,
      vatRateBp: Number(rate),
      exemptionReason: category === 'S' ? null : v.exemptionReason.trim() || null,
    };
  });
  return { lines, typing };
}

export interface LiveTotals {
  /** Of the lines that can be computed; the others are listed in `problems` or not yet readable. */
  totals: DocumentTotals;
  /** Problems by form path (`lines.0.vatRateBp` becomes `lines.0.vat`). */
  problems: LineProblem[];
}

const FORM_FIELD: Record<string, string> = { vatRateBp: 'vat', discountBp: 'discount', discountCents: 'discount', quantityMilli: 'quantity', unitPriceCents: 'unitPrice' };
export const formPathOf = (apiPath: string) => apiPath.replace(/^(lines\.\d+\.)(\w+)$/, (_, head: string, field: string) => `${head}${FORM_FIELD[field] ?? field}`);

/**
 * The totals the server will compute, with the same pure `computeTotals`, and what it would
 * refuse in the lines: shown while the person types, before any validation.
 */
export function liveTotals(values: readonly LineValues[]): LiveTotals {
  const { lines, typing } = parseLines(values);
  const linePrefix = (i: number) => `lines.${i}.`;
  const readable = lines.map((line, i) => ({ line, i })).filter(({ i }) => !typing.some((p) => p.path.startsWith(linePrefix(i))));
  // lineProblems judges each line on its own, so a line checked alone gets its index back.
  const problems = readable.flatMap(({ line, i }) => lineProblems([totalsLineOf(line)]).map((p) => ({ ...p, path: formPathOf(p.path.replace(/^lines\.0\./, linePrefix(i))) })));
  const sound = readable.filter(({ i }) => !problems.some((p) => p.path.startsWith(linePrefix(i))));
  return { totals: computeTotals({ lines: sound.map(({ line }) => totalsLineOf(line)) }), problems };
}

/** A stored line as the form shows it, amounts as people type them ("1234,5"); a rate the form does not offer reads as 20 %. */
export function lineValuesOf(l: Omit<DocumentLine, 'position' | 'netCents'>, lang: string, choices: readonly VatChoice[] = VAT_CHOICES): LineValues {
  const vat = `${l.vatCategory}:${l.vatRateBp}`;
  return {
    description: l.description,
    quantity: scaledToInput(l.quantityMilli, 3, lang),
    unit: l.unit,
    unitPrice: scaledToInput(l.unitPriceCents, 2, lang),
    discountKind: l.discountBp != null ? 'percent' : l.discountCents != null ? 'amount' : 'none',
    discount: l.discountBp != null ? scaledToInput(l.discountBp, 2, lang) : l.discountCents != null ? scaledToInput(l.discountCents, 2, lang) : '',
    vat: (choices as readonly string[]).includes(vat) ? (vat as VatChoice) : 'S:2000',
    exemptionReason: l.exemptionReason ?? '',
  };
}

/** A line's net amount as the server will compute it; null while it cannot be read. */
export function lineNetCents(line: LineValues): number | null {
  const { lines, typing } = parseLines([line]);
  if (typing.length) return null;
  try {
    return computeLineAmounts(totalsLineOf(lines[0]!)).netCents;
  } catch {
    return null;
  }
}
