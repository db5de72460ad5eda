import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';

/** The query builder every service receives; both engines share the PostgreSQL dialect. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;
/** Either the database or an open transaction: services run their statements on it. */
export type Executor = Db | Tx;

export type DbKind = 'pglite' | 'postgres';

export interface Database {
  kind: DbKind;
  db: Db;
  close(): Promise<void>;
  /** The embedded engine, when it is the one in use (to dump a migrated template in tests). */
  pglite?: PGlite;
}

/**
 * The embedded engine, loaded only when it is the one in use: its code is 16 MB resident,
 * which a server on PostgreSQL has no use for. Contrib extensions must be handed to PGlite
 * explicitly (the migrations CREATE them).
 */
async function loadPglite() {
  const [{ PGlite }, { btree_gist }, { pg_trgm }, { unaccent }, { drizzle }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('drizzle-orm/pglite'),
  ]);
  return { PGlite, extensions: { btree_gist, pg_trgm, unaccent }, drizzle };
}

// PostgreSQL bigint (int8) arrives as a string from `pg`; money is stored in integer cents
// far below 2^53, so the driver returns numbers, like PGlite does. This is the one place.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// DATE columns stay plain 'YYYY-MM-DD' strings: a date has no time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

/**
 * PostgreSQL settings of the embedded engine, added to PGlite's own start parameters.
 * shared_buffers: PGlite keeps PostgreSQL's 128 MB, and its WebAssembly memory is written over
 * as PostgreSQL sets the buffers up, so all of it stays resident for the life of the process
 * (WebAssembly memory never shrinks): 128 MB of a small server for a database of a few tens
 * of MB, whose files the OS caches anyway (PGlite reads them through Node). 8 MB holds a
 * small coop's working set; measured with bench/start-memory.ts, 130 MB less resident.
 */
const PGLITE_SETTINGS = { shared_buffers: '8MB' };

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  const { PGlite, extensions, drizzle } = await loadPglite();
  const startParams = [...PGlite.defaultStartParams, ...Object.entries(PGLITE_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  if (dataDir) {
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await createPgliteDataDir(dataDir, startParams);
  }
  // Passing an undefined dir as first argument makes PGlite ignore the options: say memory://.
  const client = new PGlite(dataDir ?? 'memory://', { extensions, loadDataDir, startParams });
  await client.waitReady;
  return { kind: 'pglite', db: drizzle(client, { casing: 'snake_case' }) as unknown as Db, close: () => client.close(), pglite: client };
}

/**
 * Creates a new embedded database's files in a child process. PGlite runs initdb in two
 * throw-away WebAssembly instances; in this process their memory and compiled code (about
 * 180 MB resident, 800 MB at the peak) would stay until a full collection that may not come
 * for hours, since it lies outside V8's heap. The child gives it all back when it exits.
 */
async function createPgliteDataDir(dataDir: string, startParams: string[]): Promise<void> {
  const script = `const { PGlite } = await import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))});
    await (await PGlite.create(${JSON.stringify(dataDir)}, { startParams: ${JSON.stringify(startParams)} })).close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script]);
}

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  await pool.query('select 1');
  return { kind: 'postgres', db: drizzlePg(pool, { casing: 'snake_case' }) as unknown as Db, close: () => pool.end() };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(path.join(opts.dataDir, 'pglite'));
}

/** The SQLSTATE of a database error, whether Drizzle wrapped it or not. */
export function sqlState(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The constraint a database error names, to map it onto a field. */
export function sqlConstraint(err: unknown): string | undefined {
  const e = err as { constraint?: string; cause?: { constraint?: string } } | undefined;
  return e?.constraint ?? e?.cause?.constraint;
}

export const UNIQUE_VIOLATION = '23505';
export const CHECK_VIOLATION = '23514';
export const FOREIGN_KEY_VIOLATION = '23503';
export const EXCLUSION_VIOLATION = '23P01';
