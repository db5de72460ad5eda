import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { MemberStatus } from './domain/lifecycle.js';
import { members } from './schema.js';

/**
 * Every member of the cooperative for the pickers of other modules' forms, by name. Members who
 * left are included (with their status) so older records can still be filtered by them.
 */
export async function listMemberOptions(db: Executor, coopId: string): Promise<{ id: string; name: string; status: MemberStatus }[]> {
  return db
    .select({ id: members.id, name: sql<string>`${members.firstName} || ' ' || ${members.lastName}`, status: members.status })
    .from(members)
    .where(eq(members.coopId, coopId))
    // French alphabetical order (É with E), the expressions of members_coop_name_idx.
    .orderBy(asc(sql`lower(f_unaccent(${members.lastName}))`), asc(sql`lower(f_unaccent(${members.firstName}))`), asc(members.id));
}
