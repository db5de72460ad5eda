import { sql } from 'drizzle-orm';
import { todayFromClock } from '../../platform/calendar/index.js';
import type { Database } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { runDunningForAllCoops, type DunningLog } from './run-dunning.js';

/** Any fixed 64-bit number: the advisory lock that tells app instances one of them is dunning. */
const DUNNING_LOCK = 4_242_001;
const HOUR = 60 * 60 * 1000;

/**
 * Runs the dunning of every coop now, then every hour (steps are per day; hourly runs make a
 * restart or a missed hour cost little, and a run with nothing due costs a few reads).
 *
 * On PostgreSQL an advisory lock lets one instance run while the others skip that hour: it
 * saves work, it is not what prevents a double mail (the unique idempotency key of each step
 * does that, even if two runs overlap). PGlite is embedded in one process, which runs alone.
 */
export function scheduleDunning(args: { database: Database; storage: FileStorage; log: DunningLog & { info(obj: object, msg: string): void }; everyMs?: number }): () => void {
  const { database, storage, log } = args;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Dunning steps count calendar days in France, where the coops and their clients are.
      const today = todayFromClock();
      const run = () => runDunningForAllCoops(database.db, storage, today, { log });
      const results =
        database.kind === 'postgres'
          ? await database.db.transaction(async (tx) => {
              const result = (await tx.execute(sql`select pg_try_advisory_xact_lock(${DUNNING_LOCK}) as locked`)) as unknown as { rows: { locked: boolean }[] };
              const row = result.rows[0];
              return row?.locked ? run() : null;
            })
          : await run();
      const taken = results?.reduce((n, r) => n + r.items.filter((i) => i.action !== 'skipped').length, 0) ?? 0;
      if (taken > 0) log.info({ today, steps: taken }, 'dunning steps taken');
    } catch (err) {
      log.error({ err }, 'dunning run failed');
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), args.everyMs ?? HOUR);
  return () => clearInterval(timer);
}
