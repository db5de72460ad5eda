import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.js';

/**
 * The package root: the nearest folder above this file holding package.json. The same folder
 * whether this file runs from src/ (tsx, tests) or from the built dist/server/, one level deeper.
 */
function packageRoot(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error('no package.json above the migrations runner');
  }
}

export const migrationsFolder = path.join(packageRoot(), 'drizzle');

/**
 * Applies pending migrations. On PostgreSQL an advisory lock makes two app instances that
 * start together apply them once, one after the other.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as never, { migrationsFolder });
    return;
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7246183)`);
    await migratePg(tx as never, { migrationsFolder });
  });
}
