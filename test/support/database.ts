import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type Database } from '../../src/platform/db/client.js';
import { withDatabase } from './global-setup.js';
import { untilNoSession } from './pg-sessions.js';

/** Which engine this test project runs on: `TEST_DB=postgres` in the PostgreSQL project. */
export const engine = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** A fresh, migrated, empty database for one test file, on the engine of the project. */
export async function openTestDatabase(): Promise<Database> {
  if (engine === 'pglite') {
    const bytes = await fs.readFile(inject('pgliteTemplate'));
    return openPglite(undefined, new Blob([bytes]));
  }
  return clonePostgres(inject('postgresTemplate'));
}

/**
 * A fresh PostgreSQL database cloned from `template` (CREATE DATABASE … TEMPLATE copies the
 * files: much cheaper than migrating or seeding again), dropped when closed.
 */
export async function clonePostgres(template: string): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || !template) throw new Error('TEST_DATABASE_URL is required for the postgres project');
  const name = `mutualise_t${randomBytes(4).toString('hex')}_${template.split('_').pop()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const database = await openPostgres(withDatabase(url, name), 25);
  return {
    ...database,
    async close() {
      await database.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      // pg's pool resolves end() before its sockets are closed; forcing the drop while a backend
      // is still saying goodbye makes that client emit an uncaught "terminating connection".
      await untilNoSession(a, name);
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
