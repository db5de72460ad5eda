import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client.js';
import { GLOBAL_TABLES } from './global-tables.js';

interface TableRow {
  name: string;
  coop_nullable: boolean | null;
}
interface KeyRow {
  table_name: string;
  key_name: string;
  kind: string;
  has_coop: boolean;
}
interface ForeignKeyRow {
  table_name: string;
  key_name: string;
  target: string;
  coop_to_coop: boolean;
}

const rowsOf = async <T>(db: Executor, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * Reads the catalog and lists every breach of the distribution rule, one sentence each (none
 * is the goal): a table that is neither global (global-tables.ts) nor keyed by a NOT NULL
 * coop_id; a coop table whose primary key, a unique key or index, or an exclusion constraint
 * lacks coop_id (two coops' rows could then clash across nodes, or the key could not be
 * checked on one node); a foreign key between coop tables that does not match coop_id with
 * coop_id (it could join two coops' rows); a global table pointing at a coop table.
 */
export async function distributionKeyViolations(
  db: Executor,
  opts: { schema?: string; globalTables?: Readonly<Record<string, string>> } = {},
): Promise<string[]> {
  const schema = opts.schema ?? 'public';
  const globals = opts.globalTables ?? GLOBAL_TABLES;
  const problems: string[] = [];

  const tables = await rowsOf<TableRow>(
    db,
    sql`select c.relname as name, (select not a.attnotnull from pg_attribute a where a.attrelid = c.oid and a.attname = 'coop_id' and not a.attisdropped) as coop_nullable
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ${schema} and c.relkind in ('r', 'p') order by 1`,
  );
  const coopTables = new Set<string>();
  for (const t of tables) {
    if (t.name in globals) continue;
    if (t.coop_nullable === null) {
      problems.push(`${t.name}: no coop_id column and not listed in GLOBAL_TABLES`);
      continue;
    }
    if (t.coop_nullable) problems.push(`${t.name}: coop_id may be null`);
    coopTables.add(t.name);
  }
  const present = new Set(tables.map((t) => t.name));
  for (const name of Object.keys(globals)) if (!present.has(name)) problems.push(`${name}: listed in GLOBAL_TABLES but no such table`);

  // Primary keys, unique keys and unique indexes (partial or on expressions too), exclusion constraints.
  const keys = await rowsOf<KeyRow>(
    db,
    sql`select t.relname as table_name, ix.relname as key_name,
               case when i.indisprimary then 'primary key' when i.indisexclusion then 'exclusion constraint' else 'unique key' end as kind,
               exists (select 1 from pg_attribute a where a.attrelid = t.oid and a.attname = 'coop_id' and a.attnum = any (i.indkey::int2[])) as has_coop
        from pg_index i
        join pg_class t on t.oid = i.indrelid
        join pg_class ix on ix.oid = i.indexrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = ${schema} and (i.indisunique or i.indisexclusion) order by 1, 2`,
  );
  for (const k of keys) if (coopTables.has(k.table_name) && !k.has_coop) problems.push(`${k.table_name}: ${k.kind} ${k.key_name} lacks coop_id`);

  // Foreign keys: between coop tables, coop_id must be matched with coop_id.
  const foreignKeys = await rowsOf<ForeignKeyRow>(
    db,
    sql`select t.relname as table_name, c.conname as key_name, r.relname as target,
               exists (select 1 from unnest(c.conkey, c.confkey) as k(src, dst)
                       join pg_attribute sa on sa.attrelid = c.conrelid and sa.attnum = k.src
                       join pg_attribute da on da.attrelid = c.confrelid and da.attnum = k.dst
                       where sa.attname = 'coop_id' and da.attname = 'coop_id') as coop_to_coop
        from pg_constraint c
        join pg_class t on t.oid = c.conrelid
        join pg_class r on r.oid = c.confrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = ${schema} and c.contype = 'f' order by 1, 2`,
  );
  for (const f of foreignKeys) {
    if (!coopTables.has(f.target)) continue;
    if (!coopTables.has(f.table_name)) problems.push(`${f.table_name}: global table with foreign key ${f.key_name} to the coop table ${f.target}`);
    else if (!f.coop_to_coop) problems.push(`${f.table_name}: foreign key ${f.key_name} to ${f.target} does not match coop_id with coop_id`);
  }
  return problems;
}
