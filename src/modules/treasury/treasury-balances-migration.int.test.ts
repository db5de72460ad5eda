import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember } from '../../../test/support/activity-fixtures.js';
import { createCoopRowForMigrationTest } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { databaseBeforeMigration, type DatabaseBefore } from '../../../test/support/migration-harness.js';
import type { Database } from '../../platform/db/client.js';
import { migrateDatabase } from '../../platform/db/migrate.js';
import { createActivity } from '../activities/index.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import { groupBalances, TREASURY_GROUP_NAMES } from './domain/activity-treasury.js';

let database: Database;
let before: DatabaseBefore;

const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

async function linesOf(coopId: string) {
  const rows = await rowsOf<{ activity_id: string; account_number: string; debit_cents: string; credit_cents: string }>(
    sql`select activity_id, account_number, debit_cents, credit_cents from ledger_journal_entry_lines where coop_id = ${coopId} and activity_id is not null`,
  );
  return rows.map((r) => ({ activityId: r.activity_id, account: r.account_number, debitCents: Number(r.debit_cents), creditCents: Number(r.credit_cents) }));
}

async function keptOf(coopId: string): Promise<Map<string, Record<string, number>>> {
  const rows = await rowsOf<Record<string, string>>(sql`select * from treasury_activity_balances where coop_id = ${coopId}`);
  const snake = (g: string) => g.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
  return new Map(rows.map((r) => [r.activity_id!, Object.fromEntries(TREASURY_GROUP_NAMES.map((g) => [g, Number(r[snake(g)])]))]));
}

beforeAll(async () => {
  before = await databaseBeforeMigration('_treasury_balances');
  database = before.database;
});
afterAll(async () => {
  await before?.close();
});

describe('the migration that keeps the treasury balances', () => {
  it('fills them from the lines already posted, then keeps them as lines come', async () => {
    const coop = await createCoopRowForMigrationTest(database.db, 'treasury-balances');
    const actor = { coopId: coop.id, userId: null };
    await setUpLedger(database.db, coop.id);
    const m = await insertMember(database.db, coop.id, { firstName: 'Mina', lastName: 'Migrée' });
    const activity = async (name: string) => (await database.db.transaction((tx) => createActivity(tx, actor, { name, holders: [{ memberId: m.id, shareBp: 10_000 }] }))).id;
    const a = await activity('Avant');
    const b = await activity('Bientôt');
    const post = (date: string, lines: { account: string; debitCents?: number; creditCents?: number; activityId?: string }[]) =>
      database.db.transaction((tx) => postEntry(tx, actor, { journal: JOURNALS.misc, date, label: 'Avant la migration', source: { type: 'manual' }, lines }));
    await post('2026-02-01', [
      { account: ACCOUNTS.clientReceivables, debitCents: 120_000, activityId: a },
      { account: ACCOUNTS.serviceRevenue, creditCents: 100_000, activityId: a },
      { account: ACCOUNTS.vatCollected, creditCents: 20_000, activityId: a },
    ]);
    await post('2026-02-10', [
      { account: ACCOUNTS.bank, debitCents: 50_000 },
      { account: ACCOUNTS.clientReceivables, creditCents: 50_000, activityId: a },
    ]);
    await post('2026-02-28', [
      { account: ACCOUNTS.grossSalaries, debitCents: 30_000, activityId: a },
      { account: ACCOUNTS.salariesPayable, creditCents: 30_000, activityId: a },
    ]);
    await post('2026-03-01', [
      { account: ACCOUNTS.commissionCharge, debitCents: 2_000, activityId: a },
      { account: ACCOUNTS.commissionIncome, creditCents: 2_000, activityId: b },
    ]);
    // Only the bank on this one: no treasury figure, so no row.
    await post('2026-03-02', [
      { account: ACCOUNTS.bank, debitCents: 700, activityId: b },
      { account: ACCOUNTS.bank, creditCents: 700 },
    ]);

    await migrateDatabase(database);

    const lines = await linesOf(coop.id);
    const expectKeptAsLines = async () => {
      const kept = await keptOf(coop.id);
      expect([...kept.keys()].sort()).toEqual([a, b].sort());
      for (const id of [a, b]) expect(kept.get(id)).toEqual(groupBalances((await linesOf(coop.id)).filter((l) => l.activityId === id)));
    };
    expect(lines.length).toBeGreaterThan(8);
    await expectKeptAsLines();
    expect((await keptOf(coop.id)).get(a)).toMatchObject({ revenue: -100_000, receivables: 70_000, vatCollected: -20_000, salaries: 30_000, commissionsOut: 2_000 });

    await post('2026-03-15', [
      { account: '604', debitCents: 4_000, activityId: b },
      { account: ACCOUNTS.suppliers, creditCents: 4_000 },
    ]);
    await expectKeptAsLines();
    expect((await keptOf(coop.id)).get(b)).toMatchObject({ commissionsIn: -2_000, expenses: 4_000 });
  });
});
