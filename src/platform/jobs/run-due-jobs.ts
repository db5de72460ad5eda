import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { jobs } from './schema.js';

export interface JobToRun {
  coopId: string;
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  /** Runs before this one (0 the first time). */
  attempts: number;
}

/** Does the work of one kind of job; idempotent, since a job cut short by a crash runs again. */
export type JobHandler = (job: JobToRun) => Promise<void>;

export interface JobLog {
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobRunnerOptions {
  db: Db;
  /** One handler per kind, given by the composition root (platform knows no module). */
  handlers: Record<string, JobHandler>;
  /**
   * Durable queues of their own that are not a coop's (the jobs table is keyed by coop), by
   * name: each is drained after the jobs, on every run. A drain handles what it holds (and
   * may say how much); what it cannot handle stays queued for the next run.
   */
  drains?: Record<string, () => Promise<unknown>>;
  log: JobLog;
  maxAttempts?: number;
  /** Wait before the next attempt, after `attempts` failed ones. */
  backoffMs?: (attempts: number) => number;
  /** How long a runner holds a job it took; past it, another runner may take it again. */
  leaseMs?: number;
}

export interface JobsRun {
  done: number;
  retried: number;
  failed: number;
}

const MAX_ATTEMPTS = 5;
/** 30 s, 1 min, 2 min… capped at an hour: a render failing for a passing reason gets over it. */
const defaultBackoff = (attempts: number) => Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
const LEASE_MS = 10 * 60_000;

/**
 * Runs every job due at `now`, one at a time, until none is left. A job is taken with
 * FOR UPDATE SKIP LOCKED and marked running with a lease in a short transaction, so two app
 * instances never take the same job and the handler runs outside any lock (a render does
 * not hold the database while it draws a PDF). A handler that throws is retried with a
 * growing wait, then marked failed with its error once it has failed `maxAttempts` times.
 */
export async function runDueJobs(opts: JobRunnerOptions, at?: Date): Promise<JobsRun> {
  // The database's clock, not this process's: jobs are queued at the database's now(), with
  // microseconds, and another app instance's clock may run a little behind; a job queued a
  // few microseconds "later" than a millisecond Date would otherwise wait for the next poll.
  const now = at ?? (await databaseNow(opts.db));
  const result: JobsRun = { done: 0, retried: 0, failed: 0 };
  // Ends: a job taken leaves the due set (done, failed, leased or put off until later), and
  // even with no wait between attempts it fails for good after maxAttempts.
  for (;;) {
    const job = await takeDueJob(opts.db, now, opts.leaseMs ?? LEASE_MS);
    if (!job) break;
    result[await runOne(opts, job, now)]++;
  }
  for (const [name, drain] of Object.entries(opts.drains ?? {})) {
    try {
      await drain();
    } catch (err) {
      opts.log.warn({ err, queue: name }, 'a queue could not be drained entirely; what is left is tried at the next run');
    }
  }
  return result;
}

async function databaseNow(db: Db): Promise<Date> {
  const { rows } = (await db.execute(sql`select (extract(epoch from clock_timestamp()) * 1000)::float8 as ms`)) as unknown as { rows: { ms: number | string }[] };
  // Rounded up: a job queued within the current millisecond is due.
  return new Date(Math.ceil(Number(rows[0]!.ms)));
}

async function takeDueJob(db: Db, now: Date, leaseMs: number): Promise<JobToRun | null> {
  return db.transaction(async (tx) => {
    const [job] = await tx
      .select({ coopId: jobs.coopId, id: jobs.id, kind: jobs.kind, payload: jobs.payload, attempts: jobs.attempts })
      .from(jobs)
      .where(and(inArray(jobs.status, ['pending', 'running']), lte(jobs.runAfter, now)))
      .orderBy(asc(jobs.runAfter))
      .limit(1)
      .for('update', { skipLocked: true });
    if (!job) return null;
    await tx
      .update(jobs)
      .set({ status: 'running', runAfter: new Date(now.getTime() + leaseMs) })
      .where(and(eq(jobs.coopId, job.coopId), eq(jobs.id, job.id)));
    return job;
  });
}

async function runOne(opts: JobRunnerOptions, job: JobToRun, now: Date): Promise<'done' | 'retried' | 'failed'> {
  const key = and(eq(jobs.coopId, job.coopId), eq(jobs.id, job.id));
  try {
    const handler = opts.handlers[job.kind];
    if (!handler) throw new Error(`no handler registered for jobs of kind ${job.kind}`);
    await handler(job);
    await opts.db.update(jobs).set({ status: 'done', attempts: sql`${jobs.attempts} + 1`, lastError: null, finishedAt: new Date() }).where(key);
    return 'done';
  } catch (err) {
    const attempts = job.attempts + 1;
    const failed = attempts >= (opts.maxAttempts ?? MAX_ATTEMPTS);
    const lastError = err instanceof Error ? (err.stack ?? err.message) : String(err);
    if (failed) opts.log.error({ err, jobId: job.id, kind: job.kind, coopId: job.coopId, attempts }, 'job failed for good; it will not be tried again');
    else opts.log.warn({ err, jobId: job.id, kind: job.kind, coopId: job.coopId, attempts }, 'job failed; it will be tried again');
    await opts.db
      .update(jobs)
      .set(
        failed
          ? { status: 'failed', attempts, lastError, finishedAt: new Date() }
          : { status: 'pending', attempts, lastError, runAfter: new Date(now.getTime() + (opts.backoffMs ?? defaultBackoff)(attempts)) },
      )
      .where(key);
    return failed ? 'failed' : 'retried';
  }
}
