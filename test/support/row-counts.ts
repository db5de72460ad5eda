import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/platform/db/client.js';

const rowsOf = async <T>(db: Executor, query: ReturnType<typeof sql>): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** How many rows every table of the app's schema holds, by table name. */
export async function rowCountsOfEveryTable(db: Executor): Promise<Record<string, number>> {
  const tables = await rowsOf<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = current_schema() order by 1`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rowsOf<{ n: number | string }>(db, sql`select count(*) as n from ${sql.identifier(name)}`);
    counts[name] = Number(row!.n);
  }
  return counts;
}

/** The tables whose row count moved between two snapshots, with the difference. */
export function rowCountChanges(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const changes: Record<string, number> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const delta = (after[name] ?? 0) - (before[name] ?? 0);
    if (delta !== 0) changes[name] = delta;
  }
  return changes;
}

/**
 * A fingerprint of every table of the app's schema, by table name: its row count and a digest
 * of all its rows, so an update or a delete shows as well as an insert.
 */
export async function tableFingerprints(db: Executor): Promise<Record<string, string>> {
  const tables = await rowsOf<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = current_schema() order by 1`);
  const prints: Record<string, string> = {};
  for (const { name } of tables) {
    const t = sql.identifier(name);
    const [row] = await rowsOf<{ n: number | string; digest: string }>(
      db,
      sql`select count(*) as n, md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as digest from ${t} as r`,
    );
    prints[name] = `${Number(row!.n)}:${row!.digest}`;
  }
  return prints;
}

/** The tables whose fingerprint differs between two snapshots. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((name) => before[name] !== after[name]).sort();
}
