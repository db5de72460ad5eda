import { bpToPercent, evenSplit, FULL_SHARE_BP, percentToBp } from '../../../modules/activities/contract';

/** A holder being edited: the share is typed in percent, sent in basis points. */
export interface HolderDraft {
  memberId: string;
  percent: number | string;
}

const asNumber = (value: number | string) => (typeof value === 'number' ? value : Number(String(value).replace(',', '.')));

/** The same holders with 100 % split evenly between them (3 → 33.34 / 33.33 / 33.33). */
export function splitEvenly(holders: readonly HolderDraft[]): HolderDraft[] {
  const shares = evenSplit(holders.length);
  return holders.map((holder, i) => ({ ...holder, percent: bpToPercent(shares[i] ?? 0) }));
}

/** Total of the typed shares, in basis points (NaN-safe: an empty input counts as 0). */
export function totalBp(holders: readonly HolderDraft[]): number {
  return holders.reduce((sum, h) => sum + (Number.isFinite(asNumber(h.percent)) ? percentToBp(asNumber(h.percent)) : 0), 0);
}

export const isFullTotal = (holders: readonly HolderDraft[]) => totalBp(holders) === FULL_SHARE_BP;

/** The holders as the API takes them. */
export function toHoldersInput(holders: readonly HolderDraft[]) {
  return holders.map((h) => ({ memberId: h.memberId, shareBp: percentToBp(asNumber(h.percent) || 0) }));
}

export const fromHolders = (holders: readonly { memberId: string; shareBp: number }[]): HolderDraft[] =>
  holders.map((h) => ({ memberId: h.memberId, percent: bpToPercent(h.shareBp) }));

/** A share in basis points as a percentage in the UI language, without the sign: "33,34". */
export const formatShare = (bp: number, lang: string) => new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(bpToPercent(bp));
