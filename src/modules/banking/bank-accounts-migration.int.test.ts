import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoopRowForMigrationTest } from '../../../test/support/fixtures.js';
import { databaseBeforeMigration, type DatabaseBefore } from '../../../test/support/migration-harness.js';
import type { Database } from '../../platform/db/client.js';
import { migrateDatabase } from '../../platform/db/migrate.js';

// The migration under test on the schema a running instance had (test/support/migration-harness.ts).
const TAG = 'bank_accounts_and_debits';

let database: Database;
let before: DatabaseBefore;

const rows = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  before = await databaseBeforeMigration(TAG);
  database = before.database;
});
afterAll(async () => {
  await before?.close();
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
