/** 12.5 → "12,5 %" in French, "12.5%" in English: a rate in basis points as people read it. */
export function formatRate(rateBp: number, lang: string): string {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'fr-FR', { style: 'percent', maximumFractionDigits: 2 }).format(rateBp / 10_000);
}

/** A bound typed in euros (empty: none) as cents; undefined when it is not an amount the API takes. */
export function boundCentsOf(value: number | string): number | null | undefined {
  if (value === '' || value === null) return null;
  const euros = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  if (!Number.isFinite(euros) || euros < 0 || euros > 1_000_000) return undefined;
  return Math.round(euros * 100);
}
