import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { amongMatches, FEW_MATCHES, likeEscape } from '../../platform/db/search.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import type { MemberListItem, MemberListQuery } from './contract.js';
import { MEMBER_STATUSES } from './domain/lifecycle.js';
import { members, type MemberRow } from './schema.js';
import { userNames } from './user-names.js';


/** Names in French alphabetical order (É with E), by the expressions of members_coop_name_idx. */
const lastNameOrder = sql`lower(f_unaccent(${members.lastName}))`;
const firstNameOrder = sql`lower(f_unaccent(${members.firstName}))`;

/** Orders by the path through the coop rather than by the alphabet of the status codes. */
const statusRank = sql.raw(`case members.status ${MEMBER_STATUSES.map((s, i) => `when '${s}' then ${i}`).join(' ')} end`);

export function toListItem(row: MemberRow, advisorName: string | null): MemberListItem {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    membershipType: row.membershipType as MemberListItem['membershipType'],
    status: row.status,
    statusSince: row.statusSince,
    pole: row.pole,
    skills: row.skills,
    companyName: row.companyName,
    advisorUserId: row.advisorUserId,
    advisorName,
    createdAt: row.createdAt,
  };
}

/** The members of the coop the actor may see (a member sees only themself), filtered and paged. */
export async function listMembers(db: Executor, actor: Actor, q: MemberListQuery): Promise<Page<MemberListItem>> {
  const filters: SQL[] = [eq(members.coopId, actor.coopId)];
  if (!isStaff(actor)) filters.push(eq(members.userId, actor.userId));
  if (q.q) {
    // Names are typed without their accents as often as with them ("Helene" for "Hélène").
    // The expression is the one members_search_idx indexes (trigrams): keep them identical.
    const needle = `%${likeEscape(q.q.toLowerCase())}%`;
    filters.push(
      sql`f_unaccent(lower(${members.firstName} || ' ' || ${members.lastName} || ' ' || ${members.email} || ' ' || coalesce(${members.companyName}, ''))) like f_unaccent(${needle})`,
    );
  }
  if (q.status) filters.push(eq(members.status, q.status));
  if (q.type) filters.push(eq(members.membershipType, q.type));
  if (q.skill) filters.push(sql`${members.skills} @> array[${q.skill}]::text[]`);
  if (q.pole) filters.push(eq(members.pole, q.pole));
  if (q.advisorId) filters.push(eq(members.advisorUserId, q.advisorId));
  const where = and(...filters);

  const order =
    q.sort === 'status'
      ? [asc(statusRank), asc(lastNameOrder), asc(firstNameOrder), asc(members.id)]
      : q.sort === 'createdAt'
        ? [desc(members.createdAt), asc(members.id)]
        : [asc(lastNameOrder), asc(firstNameOrder), asc(members.id)];

  const [{ total }] = await db.select({ total: count() }).from(members).where(where);
  // A search with few matches finds them first, then sorts them (see amongMatches).
  const page = q.q && total <= FEW_MATCHES ? and(eq(members.coopId, actor.coopId), amongMatches(members.id, db.select({ id: members.id }).from(members).where(where))) : where;
  const rows = await db
    .select()
    .from(members)
    .where(page)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const names = await userNames(db, rows.map((r) => r.advisorUserId));
  return {
    items: rows.map((r) => toListItem(r, r.advisorUserId ? (names.get(r.advisorUserId) ?? null) : null)),
    total: Number(total),
    page: q.page,
    pageSize: q.pageSize,
  };
}
