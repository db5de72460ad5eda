import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoopRowForMigrationTest } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { databaseBeforeMigration, type DatabaseBefore } from '../../../test/support/migration-harness.js';
import type { Database } from '../../platform/db/client.js';
import { distributionKeyViolations } from '../../platform/db/distribution-keys.js';
import { migrateDatabase } from '../../platform/db/migrate.js';
import { numberSeries } from '../../platform/numbering/schema.js';
import { postEntry } from './index.js';
import { journalEntries } from './schema.js';

/** The last migration before the counters moved (numbering) and the keys changed. */
const BEFORE = 23;

let database: Database;
let before: DatabaseBefore;

const run = (query: ReturnType<typeof sql>) => database.db.execute(query);

/** An entry written as the old schema numbered it: by the shared identity sequence. */
async function oldEntry(coopId: string, date: string, label: string, opts: { rollback?: boolean } = {}): Promise<void> {
  await database.db
    .transaction(async (tx) => {
      const result = (await tx.execute(
        sql`insert into ledger_journal_entries (coop_id, journal_code, entry_date, label, source_type) values (${coopId}, 'OD', ${date}, ${label}, 'manual') returning id`,
      )) as unknown as { rows: { id: string }[] };
      const id = result.rows[0]!.id;
      await tx.execute(sql`insert into ledger_journal_entry_lines (coop_id, entry_id, line_no, account_number, debit_cents, credit_cents, entry_date)
        values (${coopId}, ${id}, 1, '512', 100, 0, ${date}), (${coopId}, ${id}, 2, '708', 0, 100, ${date})`);
      if (opts.rollback) throw new Error('rolled back');
    })
    .catch((err: Error) => {
      if (!opts.rollback || err.message !== 'rolled back') throw err;
    });
}

beforeAll(async () => {
  before = await databaseBeforeMigration(BEFORE);
  database = before.database;
});
afterAll(async () => {
  await before?.close();
});

describe('the migration to per-year entry numbers and coop keys', () => {
  it('renumbers existing entries 1..N per coop and fiscal year in posting order, and moves the document counters', async () => {
    const a = await createCoopRowForMigrationTest(database.db, 'migrate-a');
    const b = await createCoopRowForMigrationTest(database.db, 'migrate-b');
    await setUpLedger(database.db, a.id);
    await setUpLedger(database.db, b.id);
    await run(sql`insert into ledger_fiscal_years (coop_id, start_date, end_date) values (${a.id}, '2025-01-01', '2025-12-31')`);
    await oldEntry(a.id, '2026-01-10', 'A1');
    await oldEntry(b.id, '2026-01-10', 'B1');
    await oldEntry(a.id, '2026-01-05', 'A2');
    await oldEntry(a.id, '2026-01-11', 'lost', { rollback: true });
    await oldEntry(a.id, '2025-12-01', 'A 2025');
    await oldEntry(b.id, '2026-01-12', 'B2');
    await oldEntry(a.id, '2026-01-12', 'A3');
    await run(sql`insert into invoice_series (coop_id, series_key, last_seq) values (${a.id}, '2026', 7), (${b.id}, 'all', 3)`);
    await run(sql`insert into quote_series (coop_id, series_key, last_seq) values (${a.id}, '2026', 2)`);

    await migrateDatabase(database);

    const labels = async (coopId: string, yearStart: string) =>
      (
        (await run(sql`select e.label, e.number from ledger_journal_entries e join ledger_fiscal_years y on y.coop_id = e.coop_id and y.id = e.fiscal_year_id
                        where e.coop_id = ${coopId} and y.start_date = ${yearStart} order by e.number`)) as unknown as { rows: { label: string; number: number }[] }
      ).rows.map((r) => `${r.number} ${r.label}`);
    expect(await labels(a.id, '2026-01-01')).toEqual(['1 A1', '2 A2', '3 A3']);
    expect(await labels(a.id, '2025-01-01')).toEqual(['1 A 2025']);
    expect(await labels(b.id, '2026-01-01')).toEqual(['1 B1', '2 B2']);

    const series = await database.db.select().from(numberSeries).orderBy(asc(numberSeries.series));
    const of = (coopId: string) => series.filter((s) => s.coopId === coopId).map((s) => `${s.series.startsWith('ledger:') ? 'ledger' : s.series}=${s.lastNumber}`);
    expect(of(a.id).sort()).toEqual(['invoice:2026=7', 'ledger=1', 'ledger=3', 'quote:2026=2']);
    expect(of(b.id).sort()).toEqual(['invoice:all=3', 'ledger=2']);

    // The series go on from there, and posted entries are immutable again.
    await database.db.transaction((tx) =>
      postEntry(tx, { coopId: a.id, userId: null }, { journal: 'OD', date: '2026-02-01', label: 'A4', source: { type: 'manual' }, lines: [{ account: '512', debitCents: 5 }, { account: '708', creditCents: 5 }] }),
    );
    const [a4] = await database.db.select({ number: journalEntries.number }).from(journalEntries).where(and(eq(journalEntries.coopId, a.id), eq(journalEntries.label, 'A4')));
    expect(a4!.number).toBe(4);
    await expect(run(sql`update ledger_journal_entries set label = 'changé' where coop_id = ${a.id}`)).rejects.toThrow();
    expect(await distributionKeyViolations(database.db)).toEqual([]);
  });
});
