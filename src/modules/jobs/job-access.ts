import { and, eq, exists, inArray, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, whereInScope, type ActivityScope, type Viewer } from '../activities/index.js';
import { jobErrors } from './errors.js';
import { clientJobs, jobParticipants, type JobRow } from './schema.js';

/**
 * The jobs a scope sees (see `activityScopeOf`, the one rule): the whole coop's for the team,
 * for a member the jobs one of their activities works on or brought. Null when it sees none.
 */
export function visibleJobs(db: Executor, coopId: string, scope: ActivityScope): SQL | null {
  return whereInScope(scope, eq(clientJobs.coopId, coopId), (ids) =>
    or(
      inArray(clientJobs.bringerActivityId, ids),
      exists(
        db
          .select({ one: jobParticipants.jobId })
          .from(jobParticipants)
          .where(and(eq(jobParticipants.coopId, coopId), eq(jobParticipants.jobId, clientJobs.id), inArray(jobParticipants.activityId, ids))),
      ),
    )!,
  );
}

/** The job if the person may see it, with their scope; locked when `lock` (edits take turns). 404 otherwise, whoever's it is. */
export async function visibleJob(db: Executor, viewer: Viewer, id: string, opts: { lock?: boolean } = {}): Promise<{ row: JobRow; scope: ActivityScope }> {
  const scope = await activityScopeOf(db, viewer);
  const visible = visibleJobs(db, viewer.coopId, scope);
  if (!visible) throw jobErrors.JOB_NOT_FOUND();
  const query = db.select().from(clientJobs).where(and(visible, eq(clientJobs.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw jobErrors.JOB_NOT_FOUND();
  return { row, scope };
}
