import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { members } from './schema.js';

/**
 * Members who left the coop (status `left`), with the day they left (the planned leaving date
 * when one was recorded, else the day the status took effect). Lists of the coop's people
 * (the directory) drop them: they are no longer colleagues anyone can call on.
 */
export async function memberDepartures(db: Executor, coopId: string, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, leftOn: sql<string>`coalesce(${members.leavingDate}, ${members.statusSince})::text` })
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.id, ids), eq(members.status, 'left')));
  return new Map(rows.map((r) => [r.id, r.leftOn]));
}

/**
 * A condition for another module's query: the member named by these two columns has left the
 * coop. In SQL so a paged list filters them before the page is cut (its counts stay right).
 */
export function memberHasLeft(coopId: SQLWrapper, memberId: SQLWrapper): SQL {
  return sql`exists (select 1 from ${members} where ${members.coopId} = ${coopId} and ${members.id} = ${memberId} and ${members.status} = 'left')`;
}
