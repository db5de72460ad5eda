import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { untilNoSession } from '../../test/support/pg-sessions.js';

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:55432/postgres';

/**
 * The database a bench loads into: BENCH_DATABASE_URL (or DATABASE_URL), kept; else a fresh
 * `mutualise_bench_<random>` on BENCH_SERVER_URL (default: the development server), dropped
 * at the end unless BENCH_KEEP_DATABASE=1.
 */
export async function prepareBenchDatabase(): Promise<{ url: string; where: string; drop?: () => Promise<void> }> {
  const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  if (given) return { url: given, where: `${process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'DATABASE_URL'} (kept)` };
  const serverUrl = process.env.BENCH_SERVER_URL || DEFAULT_SERVER_URL;
  const name = `mutualise_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const keep = process.env.BENCH_KEEP_DATABASE === '1';
  return {
    url: url.toString(),
    where: `${name} on ${process.env.BENCH_SERVER_URL ? 'BENCH_SERVER_URL' : 'the default BENCH_SERVER_URL'} (${keep ? 'kept' : 'dropped at the end'})`,
    drop: keep
      ? undefined
      : async () => {
          const a = new pg.Client({ connectionString: serverUrl });
          await a.connect();
          await untilNoSession(a, name);
          await a.query(`drop database if exists ${name} with (force)`);
          await a.end();
        },
  };
}

/** Nearest-rank percentile of sorted durations. */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
