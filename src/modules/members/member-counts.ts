import { and, count, eq, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { todayFromClock, yearOf } from '../../platform/calendar/index.js';
import { MEMBER_STATUSES, type MemberStatus } from './domain/lifecycle.js';
import { memberDocuments, members } from './schema.js';

/** How many members of the cooperative are in each status (every status present, 0 when none). */
export async function countMembersByStatus(db: Executor, coopId: string): Promise<Record<MemberStatus, number>> {
  const rows = await db.select({ status: members.status, n: count() }).from(members).where(eq(members.coopId, coopId)).groupBy(members.status);
  const out = Object.fromEntries(MEMBER_STATUSES.map((s) => [s, 0])) as Record<MemberStatus, number>;
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/**
 * Paperwork the cooperative is still waiting for: a signed member charter from every member
 * who has not left, and from every independent the fiscal statement or balance sheet of the
 * last closed year (the performance centre checks each year that the member's own company
 * really trades, so the collaboration cannot be requalified as disguised employment).
 * `year` is that fiscal year; by default the year before `today` (itself today in Paris).
 */
export async function countPendingDocuments(
  db: Executor,
  coopId: string,
  memberId?: string,
  at: { year?: number; today?: string } = {},
): Promise<{ missingCharter: number; missingFiscalStatement: number }> {
  const year = at.year ?? yearOf(at.today ?? todayFromClock()) - 1;
  // Uncorrelated subqueries, each read once and hashed: a correlated EXISTS probed the
  // documents once per member, which cost tens of milliseconds a dashboard at 10,000 members.
  const ofMember = memberId ? sql` and d.member_id = ${memberId}` : sql``;
  const charterSigned = sql`${members.id} in (select d.member_id from ${memberDocuments} d where d.coop_id = ${coopId} and d.kind = 'charter' and d.signed_on is not null${ofMember})`;
  const statementGiven = sql`${members.id} in (select d.member_id from ${memberDocuments} d where d.coop_id = ${coopId} and d.kind in ('fiscal_statement', 'balance_sheet') and d.year = ${year}${ofMember})`;
  const [row] = await db
    .select({
      missingCharter: sql<number>`count(*) filter (where not ${charterSigned})`.mapWith(Number),
      missingFiscalStatement: sql<number>`count(*) filter (where ${members.membershipType} = 'independent' and not ${statementGiven})`.mapWith(Number),
    })
    .from(members)
    .where(and(eq(members.coopId, coopId), ne(members.status, 'left'), memberId ? eq(members.id, memberId) : undefined));
  return { missingCharter: row?.missingCharter ?? 0, missingFiscalStatement: row?.missingFiscalStatement ?? 0 };
}
