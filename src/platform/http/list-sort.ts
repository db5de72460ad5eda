import { z } from 'zod';

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/**
 * The query fields of a list that sorts by its columns: `sort` names one of the columns the
 * list allows (an allow-list, so no column name from the URL reaches SQL), `dir` the direction.
 * Without `sort` the list keeps its own order.
 */
export function sortQuery<const K extends readonly [string, ...string[]]>(keys: K) {
  return { sort: z.enum(keys).optional(), dir: z.enum(SORT_DIRECTIONS).default('asc') };
}

/** The most rows one CSV export holds: a spreadsheet of a coop's year, and a bound on the work a GET can ask. */
export const CSV_EXPORT_MAX_ROWS = 20_000;
