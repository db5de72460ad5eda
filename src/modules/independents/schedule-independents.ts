import { todayFromClock } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/client.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { allCoopIds } from '../coops/index.js';
import { checkIndependenceOfCoop } from './check-independence.js';
import { independentsRuns } from './schema.js';

export const CHECK_THRESHOLDS = 'independents.check_thresholds';

/**
 * Queues, once per coop and per day, the daily threshold check: the run's row (coop, kind,
 * day) is written with its job in one transaction, so however many app instances or polls
 * ask, a day's check is queued once, and a queued one survives a crash (the job runner
 * does it at the next start).
 */
export async function queueDailyRuns(db: Db, today: string): Promise<number> {
  let queued = 0;
  for (const coopId of await allCoopIds(db)) {
    await db.transaction(async (tx) => {
      const [run] = await tx.insert(independentsRuns).values({ coopId, kind: CHECK_THRESHOLDS, period: today }).onConflictDoNothing().returning({ coopId: independentsRuns.coopId });
      if (!run) return;
      await enqueueJob(tx, { coopId, kind: CHECK_THRESHOLDS, payload: { today } });
      queued++;
    });
  }
  return queued;
}

const HOUR = 60 * 60 * 1000;

/**
 * Queues the periodic runs now, then every hour (a restart or a missed hour costs a few
 * reads); the job runner does them. Two instances both queuing is harmless: the unique run
 * row of (coop, kind, day) lets one job through.
 */
export function scheduleIndependents(args: { db: Db; log: { error(obj: object, msg: string): void }; everyMs?: number }): () => void {
  const tick = () => void queueDailyRuns(args.db, todayFromClock()).catch((err) => args.log.error({ err }, 'independents runs could not be queued'));
  tick();
  const timer = setInterval(tick, args.everyMs ?? HOUR);
  return () => clearInterval(timer);
}

/** The handler of the daily check: every watched member of the coop, as of the day it was queued for. */
export const checkThresholdsJob =
  (db: Db): JobHandler =>
  async (job) => {
    const today = typeof job.payload.today === 'string' ? job.payload.today : todayFromClock();
    await checkIndependenceOfCoop(db, job.coopId, today);
  };
