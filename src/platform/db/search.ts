import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/** Text typed in a search box, made literal inside a LIKE pattern (its % and _ match themselves). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Up to this many matches, a searched list sorts its matches (a few milliseconds even at the bound). */
export const FEW_MATCHES = 2_000;

/**
 * `id = any(array(matches))`: the rows of a search, found first.
 *
 * The matches of a search gather in the order of the list (every "Pâtisserie …" client under
 * P, the codes of one family together), which the planner cannot know. Given an index in the
 * list's order and a LIMIT, it reads that index and tests each row, betting the matches are
 * spread, and at 20,000 clients read half of them for one page. Once a count has said the
 * matches are few, a list adds this condition: the subquery runs once, through the search
 * (trigram) indexes, the planner expects a handful of ids, and the page sorts only them.
 * With many matches, reading the index in order finds a page quickly: leave it out.
 * `matches` carries every condition of the list, so the page need not test them again.
 */
export function amongMatches(id: AnyPgColumn, matches: SQLWrapper): SQL {
  return sql`${id} = any(array(${matches}))`;
}
