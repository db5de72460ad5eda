import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { engine } from '../../../test/support/database.js';
import { createCoopRowForMigrationTest } from '../../../test/support/fixtures.js';
import { withDatabase } from '../../../test/support/global-setup.js';
import { untilNoSession } from '../../../test/support/pg-sessions.js';
import { openPglite, openPostgres, type Database } from '../../platform/db/client.js';
import { migrateDatabase, migrationsFolder } from '../../platform/db/migrate.js';

// Same harness as ledger/entry-numbers-migration.int.test.ts: an empty database migrated up to
// the migration under test, rows written as the old schema had them, then the rest applied.
const TAG = 'bank_accounts_and_debits';

let database: Database;
let folder: string;

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

/** The migrations folder cut before the bank accounts migration (found by its tag: the lead may renumber it). */
async function migrationsBeforeBankAccounts(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mutualise-migrations-'));
  await fs.cp(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(await fs.readFile(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const idx = journal.entries.find((e) => e.tag.endsWith(TAG))!.idx;
  journal.entries = journal.entries.filter((e) => e.idx < idx);
  await fs.writeFile(journalFile, JSON.stringify(journal));
  return dir;
}

const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  database = await openEmptyDatabase();
  folder = await migrationsBeforeBankAccounts();
  if (database.kind === 'pglite') await migratePglite(database.db as never, { migrationsFolder: folder });
  else await migratePg(database.db as never, { migrationsFolder: folder });
});
afterAll(async () => {
  await database.close();
  await fs.rm(folder, { recursive: true, force: true });
});

describe('the migration to bank accounts', () => {
  it('gives every coop its settings IBAN as main account, an account to each other IBAN already imported, and every statement its account', async () => {
    const a = await createCoopRowForMigrationTest(database.db, 'migrate-bank-a');
    const b = await createCoopRowForMigrationTest(database.db, 'migrate-bank-b');
    const statement = (coopId: string, iban: string, ref: string) =>
      database.db.execute(sql`insert into bank_statements (coop_id, format, account_iban, statement_ref, file_sha256) values (${coopId}, 'camt053', ${iban}, ${ref}, ${'0'.repeat(64)})`);
    await statement(a.id, 'FR7630006000011234567890189', 'main');
    await statement(a.id, 'FR7630004000031234567890143', 'other');

    await migrateDatabase(database);

    const accounts = await rows<{ coop_id: string; label: string; iban: string; ledger_account: string; journal_code: string; currency: string }>(
      sql`select coop_id, label, iban, ledger_account, journal_code, currency from bank_accounts order by coop_id, iban`,
    );
    expect(accounts.filter((r) => r.coop_id === a.id).map((r) => [r.label, r.iban, r.ledger_account, r.journal_code, r.currency])).toEqual([
      ['Compte 0143', 'FR7630004000031234567890143', '512', 'BQ', 'EUR'],
      ['Compte principal', 'FR7630006000011234567890189', '512', 'BQ', 'EUR'],
    ]);
    expect(accounts.filter((r) => r.coop_id === b.id).map((r) => r.label)).toEqual(['Compte principal']);
    const statements = await rows<{ statement_ref: string; iban: string }>(
      sql`select s.statement_ref, a.iban from bank_statements s join bank_accounts a on a.coop_id = s.coop_id and a.id = s.bank_account_id order by s.statement_ref`,
    );
    expect(statements).toEqual([
      { statement_ref: 'main', iban: 'FR7630006000011234567890189' },
      { statement_ref: 'other', iban: 'FR7630004000031234567890143' },
    ]);
  });
});
