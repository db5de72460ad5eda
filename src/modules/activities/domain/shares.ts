import type { LocalizedText } from '../../../platform/errors.js';

/**
 * The shares of an activity's result, in basis points: 10,000 = 100 %. Whole basis points
 * keep every split exact (no floating point), like cents for money.
 */
export const FULL_SHARE_BP = 10_000;

export interface HolderShare {
  memberId: string;
  shareBp: number;
}

/**
 * Why a set of holders cannot own an activity, or null when it can: at least one holder,
 * each once, each with a positive share, and the shares adding up to exactly 100 % so
 * that every euro of the activity's result belongs to someone. The database checks the
 * sum again at commit (a deferred trigger), which is the guarantee under concurrency.
 */
export function holdersProblem(holders: readonly HolderShare[]): LocalizedText | null {
  if (holders.length === 0) {
    return { fr: "Une activité a au moins un·e titulaire.", en: 'An activity has at least one holder.' };
  }
  if (new Set(holders.map((h) => h.memberId)).size !== holders.length) {
    return { fr: 'Un·e membre figure deux fois parmi les titulaires.', en: 'A member is listed twice among the holders.' };
  }
  if (holders.some((h) => !Number.isInteger(h.shareBp) || h.shareBp <= 0 || h.shareBp > FULL_SHARE_BP)) {
    return { fr: 'Chaque part est positive et au plus de 100 %.', en: 'Each share is positive and at most 100 %.' };
  }
  const total = holders.reduce((sum, h) => sum + h.shareBp, 0);
  if (total !== FULL_SHARE_BP) {
    return {
      fr: `Les parts totalisent ${formatPercent(total, 'fr')} % au lieu de 100 %.`,
      en: `The shares add up to ${formatPercent(total, 'en')} % instead of 100 %.`,
    };
  }
  return null;
}

/**
 * Splits 100 % evenly between `count` holders, cents-style: the basis points left over by
 * the division go one each to the first holders, so the shares always add up to 10,000
 * (3 holders → 3334, 3333, 3333; 1 holder → 10,000).
 */
export function evenSplit(count: number): number[] {
  if (!Number.isInteger(count) || count <= 0) return [];
  const base = Math.floor(FULL_SHARE_BP / count);
  const remainder = FULL_SHARE_BP - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < remainder ? 1 : 0));
}

/** Basis points as a percentage: 3334 → 33.34. */
export const bpToPercent = (bp: number): number => bp / 100;

/** A percentage typed by a person (up to two decimals) as basis points: 33.34 → 3334. */
export const percentToBp = (percent: number): number => Math.round(percent * 100);

function formatPercent(bp: number, lang: 'fr' | 'en'): string {
  const text = bpToPercent(bp).toFixed(2).replace(/\.?0+$/, '');
  return lang === 'fr' ? text.replace('.', ',') : text;
}
