/** An analytic code: printed on journal entries and in the FEC, so plain ASCII only. */
export const ACTIVITY_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]*$/;
export const ACTIVITY_CODE_MAX = 20;

// Letters that Unicode decomposition does not reduce to ASCII.
const LIGATURES: Record<string, string> = { Œ: 'OE', Æ: 'AE', ß: 'SS', Ø: 'O', Ł: 'L', Đ: 'D', Þ: 'TH' };

/**
 * The code an activity gets from its name when none is given: "Atelier bois & co" →
 * "ATELIER-BOIS-CO". Accents are dropped, anything else becomes a dash. Kept short enough
 * that a "-NN" suffix still fits the column.
 */
export function codeFromName(name: string): string {
  const ascii = name
    .toUpperCase()
    .replace(/[ŒÆßØŁĐÞ]/g, (c) => LIGATURES[c] ?? c)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
  const base = ascii
    .replace(/[^A-Z0-9]+/g, '-')
    .slice(0, ACTIVITY_CODE_MAX - 3)
    .replace(/^-+|-+$/g, '');
  return base || 'ACTIVITE';
}

/**
 * The first of `base`, `base-2`, `base-3`… that no activity of the cooperative uses yet.
 * The unique key in the database stays the guard when two creations race.
 */
export function firstFreeCode(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = base.slice(0, ACTIVITY_CODE_MAX - suffix.length).replace(/-+$/, '') + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}
