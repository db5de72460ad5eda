import { and, asc, count, desc, eq, exists, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { likeEscape } from '../../platform/db/search.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import { activityScopeOf, scopeHolds } from '../activities/index.js';
import { clientNames } from '../clients/index.js';
import { memberNames } from '../members/index.js';
import type { JobSummary, ListJobsQuery } from './contract.js';
import { visibleJobs } from './job-access.js';
import { clientJobs, jobParticipants } from './schema.js';

const SORT_COLUMNS = { reference: clientJobs.reference, title: clientJobs.title, createdAt: clientJobs.createdAt } as const;

/** The jobs a person may see (see `visibleJobs`), filtered by status, activity, client or text, newest first unless sorted. */
export async function listJobs(db: Executor, actor: Actor, q: ListJobsQuery): Promise<Page<JobSummary>> {
  const empty = { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const scope = await activityScopeOf(db, actor);
  const visible = visibleJobs(db, actor.coopId, scope);
  if (!visible) return empty;
  // The filter narrows the member's own jobs, never widens what they learn: whether another
  // activity works on a job they see is not theirs to know, so an activity outside their scope
  // finds nothing (as the invoice and quote lists answer for one).
  if (q.activityId && !scopeHolds(scope, q.activityId)) return empty;
  const filters: SQL[] = [visible];
  if (q.status) filters.push(eq(clientJobs.status, q.status));
  if (q.clientId) filters.push(eq(clientJobs.clientId, q.clientId));
  if (q.activityId) {
    const worksOn = db
      .select({ one: jobParticipants.jobId })
      .from(jobParticipants)
      .where(and(eq(jobParticipants.coopId, actor.coopId), eq(jobParticipants.jobId, clientJobs.id), eq(jobParticipants.activityId, q.activityId)));
    filters.push(or(eq(clientJobs.bringerActivityId, q.activityId), exists(worksOn))!);
  }
  if (q.q) {
    const pattern = `%${likeEscape(q.q)}%`;
    filters.push(or(ilike(clientJobs.reference, pattern), sql`f_unaccent(${clientJobs.title}) ilike f_unaccent(${pattern})`)!);
  }
  const where = and(...filters);
  const [{ total }] = await db.select({ total: count() }).from(clientJobs).where(where);
  const order = q.sort ? [(q.dir === 'desc' ? desc : asc)(SORT_COLUMNS[q.sort]), asc(clientJobs.id)] : [desc(clientJobs.createdAt), asc(clientJobs.id)];
  const rows = await db.select().from(clientJobs).where(where).orderBy(...order).limit(q.pageSize).offset(offsetOf(q));
  const ids = rows.map((r) => r.id);
  const counts = ids.length
    ? await db
        .select({ jobId: jobParticipants.jobId, n: count() })
        .from(jobParticipants)
        .where(and(eq(jobParticipants.coopId, actor.coopId), inArray(jobParticipants.jobId, ids)))
        .groupBy(jobParticipants.jobId)
    : [];
  const countOf = new Map(counts.map((c) => [c.jobId, c.n]));
  const clients = await clientNames(db, actor.coopId, [...new Set(rows.map((r) => r.clientId))]);
  const bringers = await memberNames(db, actor.coopId, [...new Set(rows.flatMap((r) => (r.bringerMemberId ? [r.bringerMemberId] : [])))]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      title: r.title,
      status: r.status,
      clientId: r.clientId,
      clientName: clients.get(r.clientId) ?? '',
      bringerMemberId: r.bringerMemberId,
      bringerName: r.bringerMemberId ? bringers.get(r.bringerMemberId) ?? null : null,
      participantCount: countOf.get(r.id) ?? 0,
      createdAt: r.createdAt,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
