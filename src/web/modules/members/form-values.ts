/** Inputs hold '' (a cleared Select: null) for "nothing"; the API wants null for a cleared optional field. */
export const orNull = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/** Options of a Select for the coop's poles, keeping a pole the member has that the coop dropped. */
export function poleOptions(poles: readonly string[], current: string | null | undefined, label: (p: string) => string) {
  const all = current && !poles.includes(current) ? [...poles, current] : poles;
  return all.map((p) => ({ value: p, label: label(p) }));
}
