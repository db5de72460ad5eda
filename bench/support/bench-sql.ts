import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/client.js';

/** The rows of a raw query (the benches load and check volume with set-based SQL). */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Columns of a table in order, without those the database fills itself (identity, generated). */
export async function columnsOf(db: Db, table: string): Promise<string[]> {
  const list = await rows<{ column_name: string }>(
    db,
    sql`select column_name from information_schema.columns
        where table_schema = 'public' and table_name = ${table} and is_identity = 'NO' and is_generated = 'NEVER' order by ordinal_position`,
  );
  return list.map((c) => c.column_name);
}

/**
 * `INSERT INTO table (cols) SELECT <override or t.col> FROM table t, generate_series(from, to) g
 * WHERE <template>`: clones a template row once per g, each override an expression of g.
 */
export function cloneStatement(table: string, columns: string[], overrides: Record<string, string>, where: string, from: number, to: number): string {
  const select = columns.map((c) => overrides[c] ?? `t.${c}`).join(', ');
  return `insert into ${table} (${columns.join(', ')}) select ${select} from ${table} t, generate_series(${from}, ${to}) g where ${where}`;
}
