/**
 * The ids of an ordered list once `id` is put at rank `index` (0 first; beyond the end means
 * last), the others keeping their order. Chapters are renumbered from it, so their positions
 * stay 0..n-1 whatever the moves: "move up" is one request, and two chapters never tie.
 */
export function orderAt(ids: readonly string[], id: string, index: number): string[] {
  const rest = ids.filter((x) => x !== id);
  const at = Math.max(0, Math.min(index, rest.length));
  return [...rest.slice(0, at), id, ...rest.slice(at)];
}
