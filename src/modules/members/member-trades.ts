import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { members } from './schema.js';

/** Name and trades of members of a cooperative, by id: for groups that mix trades (workclubs). */
export async function memberTrades(db: Executor, coopId: string, ids: string[]): Promise<Map<string, { name: string; trades: string[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: members.id, name: sql<string>`${members.firstName} || ' ' || ${members.lastName}`, trades: members.trades })
    .from(members)
    .where(and(eq(members.coopId, coopId), inArray(members.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, { name: r.name, trades: r.trades }]));
}
