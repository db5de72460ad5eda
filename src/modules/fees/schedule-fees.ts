import { todayFromClock } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { allCoopIds } from '../coops/index.js';
import { billMonthlyFees } from './bill-monthly-fees.js';
import { monthOf } from './domain/fee-amounts.js';
import { feeRuns } from './schema.js';

export const BILL_MONTHLY_FEES = 'fees.bill_month';

/**
 * Queues, once per coop and month, the month's billing: the run's row (coop, month) is written
 * with its job in one transaction, so however many instances or ticks ask, a month is queued
 * once, and a queued one survives a crash. The billing itself is idempotent too (one fee per
 * member and month), should the job run again after a crash mid-way.
 */
export async function queueMonthlyFeeRuns(db: Db, today: string): Promise<number> {
  const month = monthOf(today);
  let queued = 0;
  for (const coopId of await allCoopIds(db)) {
    await db.transaction(async (tx) => {
      const [run] = await tx.insert(feeRuns).values({ coopId, month }).onConflictDoNothing().returning({ coopId: feeRuns.coopId });
      if (!run) return;
      await enqueueJob(tx, { coopId, kind: BILL_MONTHLY_FEES, payload: { month } });
      queued++;
    });
  }
  return queued;
}

const HOUR = 60 * 60 * 1000;

/** Queues the month's run now, then checks every hour (the first tick of a month queues it). */
export function scheduleFees(args: { db: Db; log: { error(obj: object, msg: string): void }; everyMs?: number }): () => void {
  const tick = () => void queueMonthlyFeeRuns(args.db, todayFromClock()).catch((err) => args.log.error({ err }, 'fee runs could not be queued'));
  tick();
  const timer = setInterval(tick, args.everyMs ?? HOUR);
  return () => clearInterval(timer);
}

/** The handler of the monthly run: bills the month it was queued for, dated the day it runs. */
export const billMonthlyFeesJob =
  (db: Db, storage: FileStorage): JobHandler =>
  async (job) => {
    const today = todayFromClock();
    const month = typeof job.payload.month === 'string' ? job.payload.month : monthOf(today);
    await billMonthlyFees(db, storage, { coopId: job.coopId, userId: null }, month, today);
  };
