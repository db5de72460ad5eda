import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import type { Database } from '../db/client.js';
import { enqueueJob } from './enqueue-job.js';
import { runDueJobs, type JobHandler, type JobRunnerOptions } from './run-due-jobs.js';
import { jobs } from './schema.js';

let database: Database;
const coopId = randomUUID();
const quiet = { warn: () => {}, error: () => {} };
const runner = (handlers: Record<string, JobHandler>, extra: Partial<JobRunnerOptions> = {}): JobRunnerOptions => ({ db: database.db, handlers, log: quiet, ...extra });
const jobOf = async (id: string) => (await database.db.select().from(jobs).where(and(eq(jobs.coopId, coopId), eq(jobs.id, id))))[0]!;

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('the job runner', () => {
  it('runs a job queued by a transaction that committed, once, and marks it done', async () => {
    const seen: unknown[] = [];
    const id = await database.db.transaction((tx) => enqueueJob(tx, { coopId, kind: 'test.committed', payload: { n: 1 } }));
    const opts = runner({ 'test.committed': async (job) => void seen.push(job.payload) });
    expect(await runDueJobs(opts)).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(await runDueJobs(opts)).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(seen).toEqual([{ n: 1 }]);
    expect(await jobOf(id)).toMatchObject({ status: 'done', attempts: 1, lastError: null, finishedAt: expect.any(Date) });
  });

  it('never runs a job queued by a transaction that rolled back', async () => {
    let ran = 0;
    await expect(
      database.db.transaction(async (tx) => {
        await enqueueJob(tx, { coopId, kind: 'test.rolled_back', payload: {} });
        throw new Error('the business action failed');
      }),
    ).rejects.toThrow('the business action failed');
    expect(await runDueJobs(runner({ 'test.rolled_back': async () => void ran++ }))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(ran).toBe(0);
    expect(await database.db.select().from(jobs).where(eq(jobs.kind, 'test.rolled_back'))).toEqual([]);
  });

  it('retries a failing handler after a growing wait, then marks the job failed with its error', async () => {
    let calls = 0;
    const id = await enqueueJob(database.db, { coopId, kind: 'test.failing', payload: {} });
    const opts = runner({ 'test.failing': async () => void (calls++, (() => { throw new Error(`render failed #${calls}`); })()) }, { maxAttempts: 3, backoffMs: (n) => n * 60_000 });
    // The job is due from the database's now(), kept to the microsecond: this process's clock,
    // to the millisecond, may read the same instant as just before it.
    const t0 = new Date((await jobOf(id)).runAfter.getTime() + 1);
    expect(await runDueJobs(opts, t0)).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await jobOf(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('render failed #1') });
    // Not due again before its wait is over.
    expect(await runDueJobs(opts, new Date(t0.getTime() + 30_000))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await runDueJobs(opts, new Date(t0.getTime() + 61_000))).toEqual({ done: 0, retried: 1, failed: 0 });
    expect(await runDueJobs(opts, new Date(t0.getTime() + 61_000 + 121_000))).toEqual({ done: 0, retried: 0, failed: 1 });
    expect(calls).toBe(3);
    expect(await jobOf(id)).toMatchObject({ status: 'failed', attempts: 3, lastError: expect.stringContaining('render failed #3'), finishedAt: expect.any(Date) });
    expect(await runDueJobs(opts, new Date(t0.getTime() + 86_400_000))).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(calls).toBe(3);
  });

  it('takes again a job whose runner died mid-way, once its lease is over', async () => {
    const id = await enqueueJob(database.db, { coopId, kind: 'test.crashed', payload: {} });
    // What a runner killed during the handler leaves: the job taken, its lease running.
    const t0 = new Date();
    await database.db.update(jobs).set({ status: 'running', runAfter: new Date(t0.getTime() + 600_000) }).where(eq(jobs.id, id));
    let ran = 0;
    const opts = runner({ 'test.crashed': async () => void ran++ });
    expect(await runDueJobs(opts, t0)).toEqual({ done: 0, retried: 0, failed: 0 });
    expect(await runDueJobs(opts, new Date(t0.getTime() + 600_001))).toEqual({ done: 1, retried: 0, failed: 0 });
    expect(ran).toBe(1);
  });

  it('a job of a kind nobody handles fails with that reason rather than vanish', async () => {
    const id = await enqueueJob(database.db, { coopId, kind: 'test.unknown', payload: {} });
    await runDueJobs(runner({}, { maxAttempts: 1 }));
    expect(await jobOf(id)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('no handler registered for jobs of kind test.unknown') });
  });

  it('two runners at once take each job once', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 30; i++) ids.add(await enqueueJob(database.db, { coopId, kind: 'test.concurrent', payload: { i } }));
    const runs: string[] = [];
    const handler: JobHandler = async (job) => {
      runs.push(job.id);
      // A render takes a while: the other runner meets the locked and leased rows meanwhile.
      await new Promise((resolve) => setImmediate(resolve));
    };
    const [a, b] = await Promise.all([runDueJobs(runner({ 'test.concurrent': handler })), runDueJobs(runner({ 'test.concurrent': handler }))]);
    expect(a.done + b.done).toBe(30);
    expect(runs.sort()).toEqual([...ids].sort());
    const rows = await database.db.select().from(jobs).where(eq(jobs.kind, 'test.concurrent'));
    expect(rows.every((r) => r.status === 'done' && r.attempts === 1)).toBe(true);
  });
});
