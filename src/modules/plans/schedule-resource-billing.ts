import { todayFromClock } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { allCoopIds } from '../coops/index.js';
import { billResourceMonth, type ChargeableBookingsOf } from './bill-resource-month.js';
import { monthOf, previousMonth } from './domain/subscription-cycle.js';
import { resourceBillingRuns } from './schema.js';

export const BILL_RESOURCE_MONTH = 'plans.bill_month';

/**
 * Queues, once per coop, the billing of the month that just ended (its bookings are all known
 * then): the run's row and its job are written in one transaction, so however many instances or
 * ticks ask, a month is queued once and survives a crash. The billing is idempotent itself.
 */
export async function queueResourceBillingRuns(db: Db, today: string): Promise<number> {
  const month = previousMonth(monthOf(today));
  let queued = 0;
  for (const coopId of await allCoopIds(db)) {
    await db.transaction(async (tx) => {
      const [run] = await tx.insert(resourceBillingRuns).values({ coopId, month }).onConflictDoNothing().returning({ coopId: resourceBillingRuns.coopId });
      if (!run) return;
      await enqueueJob(tx, { coopId, kind: BILL_RESOURCE_MONTH, payload: { month } });
      queued++;
    });
  }
  return queued;
}

const HOUR = 60 * 60 * 1000;

/** Queues last month's run now, then checks every hour (the first tick of a month queues it). */
export function scheduleResourceBilling(args: { db: Db; log: { error(obj: object, msg: string): void }; everyMs?: number }): () => void {
  const tick = () => void queueResourceBillingRuns(args.db, todayFromClock()).catch((err) => args.log.error({ err }, 'resource billing runs could not be queued'));
  tick();
  const timer = setInterval(tick, args.everyMs ?? HOUR);
  return () => clearInterval(timer);
}

export const billResourceMonthJob =
  (db: Db, storage: FileStorage, bookingsOf: ChargeableBookingsOf): JobHandler =>
  async (job) => {
    const today = todayFromClock();
    const month = typeof job.payload.month === 'string' ? job.payload.month : previousMonth(monthOf(today));
    await billResourceMonth(db, storage, { coopId: job.coopId, userId: null }, month, today, bookingsOf);
  };
