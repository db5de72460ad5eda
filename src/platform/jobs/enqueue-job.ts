import type { Executor } from '../db/client.js';
import { jobs } from './schema.js';

export interface NewJob {
  coopId: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Not before then (a monthly installment queued for its month); now when absent. */
  runAfter?: Date;
}

/**
 * Queues work in the caller's transaction: it runs only if the action commits, and it runs
 * even if the process dies right after the commit. The handler must be idempotent (a job
 * may run again after a crash mid-way).
 */
export async function enqueueJob(tx: Executor, job: NewJob): Promise<string> {
  const [row] = await tx.insert(jobs).values({ coopId: job.coopId, kind: job.kind, payload: job.payload, ...(job.runAfter ? { runAfter: job.runAfter } : {}) }).returning({ id: jobs.id });
  return row.id;
}
