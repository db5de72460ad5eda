import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/client.js';
import { migrationsFolder } from '../../src/platform/db/migrate.js';
import { engine } from './database.js';
import { withDatabase } from './global-setup.js';
import { untilNoSession } from './pg-sessions.js';

/**
 * A migration that changes existing rows is tested on the schema a running instance had: an
 * empty database (on the project's engine) migrated up to just before it, rows written as the
 * old schema held them, then `migrateDatabase` applies the rest.
 */
export interface DatabaseBefore {
  database: Database;
  /** Drops the database and the cut migrations folder. */
  close(): Promise<void>;
}

/** An empty database, not migrated, on the engine of the project. */
async function openEmptyDatabase(): Promise<Database> {
  if (engine === 'pglite') return openPglite(undefined);
  const url = process.env.TEST_DATABASE_URL!;
  const name = `mutualise_t${randomBytes(4).toString('hex')}_${inject('postgresTemplate').split('_').pop()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const opened = await openPostgres(withDatabase(url, name), 4);
  return {
    ...opened,
    async close() {
      await opened.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await untilNoSession(a, name);
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * The database migrated up to the migration named `before`: its tag's end (the lead may
 * renumber a migration when branches merge) or its index in the journal.
 */
export async function databaseBeforeMigration(before: string | number): Promise<DatabaseBefore> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-migrations-'));
  await fs.cp(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(await fs.readFile(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const idx = typeof before === 'number' ? before : journal.entries.find((e) => e.tag.endsWith(before))!.idx;
  journal.entries = journal.entries.filter((e) => e.idx < idx);
  await fs.writeFile(journalFile, JSON.stringify(journal));
  const database = await openEmptyDatabase();
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: folder });
  else await migratePg(database.db as never, { migrationsFolder: folder });
  return {
    database,
    async close() {
      await database.close();
      await fs.rm(folder, { recursive: true, force: true });
    },
  };
}
