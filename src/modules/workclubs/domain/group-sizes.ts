/**
 * How many people each proposed group holds. A workclub is four people; when the number of
 * applicants is not a multiple of four, the number of groups is n/4 rounded to the nearest
 * (a half rounds up) and the sizes are spread as evenly as possible, larger groups first.
 * Every size is then 3, 4 or 5 (n = 3 gives one group of 3, n = 5 one of 5, n = 6 two of 3,
 * n = 7 a 4 and a 3, n = 9 a 5 and a 4, n = 10 a 4 and two 3s): with g >= 2 groups the
 * surplus or shortfall against 4g is at most 2 < g, so no group moves more than one from 4.
 * Fewer than three applicants make no group: a workclub needs peers.
 */
export const MIN_GROUP_SIZE = 3;
export const MAX_GROUP_SIZE = 5;

export function groupSizes(applicants: number): number[] {
  if (!Number.isInteger(applicants) || applicants < MIN_GROUP_SIZE) return [];
  const groups = Math.max(1, Math.round(applicants / 4));
  const base = Math.floor(applicants / groups);
  const larger = applicants - base * groups;
  return Array.from({ length: groups }, (_, i) => (i < larger ? base + 1 : base));
}
