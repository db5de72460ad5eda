import { and, eq, inArray, isNotNull, sum, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { clientJobs, jobRevenueParts } from './schema.js';

/** One activity's part of one job, as issued: its revenue (706) and the commission it owes the bringer. */
export interface ActivityJobPart {
  jobId: string;
  reference: string;
  title: string;
  clientId: string;
  activityId: string;
  revenueCents: number;
  commissionOwedCents: number;
}

/**
 * Every job part of the given activities (all of the coop's when 'all'), summed over the job's
 * issued documents (credit notes count negative): what an independent may invoice the coop
 * for starts from here. The caller has applied the reader's scope to `activityIds`; read from
 * the split recorded at issue, as `jobParts` reads it.
 */
export async function activityJobParts(db: Executor, coopId: string, of: { activityIds: string[] | 'all'; jobId?: string }): Promise<ActivityJobPart[]> {
  if (of.activityIds !== 'all' && of.activityIds.length === 0) return [];
  const filters: SQL[] = [eq(jobRevenueParts.coopId, coopId), isNotNull(jobRevenueParts.activityId)];
  if (of.activityIds !== 'all') filters.push(inArray(jobRevenueParts.activityId, of.activityIds));
  if (of.jobId) filters.push(eq(jobRevenueParts.jobId, of.jobId));
  const rows = await db
    .select({
      jobId: jobRevenueParts.jobId,
      reference: clientJobs.reference,
      title: clientJobs.title,
      clientId: clientJobs.clientId,
      activityId: jobRevenueParts.activityId,
      revenueCents: sum(jobRevenueParts.revenueCents).mapWith(Number),
      commissionOwedCents: sum(jobRevenueParts.commissionCents).mapWith(Number),
    })
    .from(jobRevenueParts)
    .innerJoin(clientJobs, and(eq(clientJobs.coopId, jobRevenueParts.coopId), eq(clientJobs.id, jobRevenueParts.jobId)))
    .where(and(...filters))
    .groupBy(jobRevenueParts.jobId, clientJobs.reference, clientJobs.title, clientJobs.clientId, jobRevenueParts.activityId)
    .orderBy(clientJobs.reference, jobRevenueParts.activityId);
  return rows.map((r) => ({ ...r, activityId: r.activityId! }));
}
