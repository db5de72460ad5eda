import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database.js';
import { createTestCoop } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import type { Database } from '../../platform/db/client.js';
import { numberSeries } from '../../platform/numbering/schema.js';
import { openFiscalYear, postEntry, reverseEntry, type NewEntry } from './index.js';
import { fiscalYears, journalEntries } from './schema.js';

let database: Database;
const system = (coopId: string) => ({ coopId, userId: null });
const entry = (date: string, label: string): NewEntry => ({
  journal: 'OD',
  date,
  label,
  source: { type: 'manual' },
  lines: [
    { account: '512', debitCents: 1_000 },
    { account: '708', creditCents: 1_000 },
  ],
});
const post = (coopId: string, date: string, label: string) => database.db.transaction((tx) => postEntry(tx, system(coopId), entry(date, label)));

/** The numbers of a coop's entries in one fiscal year, in the order they were posted. */
async function numbersOf(coopId: string, yearStart = '2026-01-01'): Promise<number[]> {
  const rows = await database.db
    .select({ number: journalEntries.number })
    .from(journalEntries)
    .innerJoin(fiscalYears, and(eq(fiscalYears.coopId, journalEntries.coopId), eq(fiscalYears.id, journalEntries.fiscalYearId)))
    .where(and(eq(journalEntries.coopId, coopId), eq(fiscalYears.startDate, yearStart)))
    .orderBy(asc(journalEntries.postedAt), asc(journalEntries.number));
  return rows.map((r) => r.number);
}
const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('journal entry numbers (EcritureNum)', () => {
  it('run 1..N per coop with no gap, however the postings of two coops interleave', async () => {
    const a = await createTestCoop(database.db, 'numbers-a');
    const b = await createTestCoop(database.db, 'numbers-b');
    await setUpLedger(database.db, a.id);
    await setUpLedger(database.db, b.id);
    for (let i = 0; i < 5; i++) {
      await post(a.id, '2026-03-01', `A ${i}`);
      await post(b.id, '2026-03-01', `B ${i}`);
      if (i % 2 === 0) await post(b.id, '2026-03-02', `B bis ${i}`);
    }
    expect(await numbersOf(a.id)).toEqual(oneTo(5));
    expect(await numbersOf(b.id)).toEqual(oneTo(8));
  });

  it('start again at 1 in another fiscal year of the same coop', async () => {
    const c = await createTestCoop(database.db, 'numbers-years');
    await setUpLedger(database.db, c.id);
    await database.db.transaction((tx) => openFiscalYear(tx, system(c.id), { startDate: '2025-01-01', endDate: '2025-12-31' }));
    await post(c.id, '2026-02-01', 'Année 2026');
    await post(c.id, '2025-11-01', 'Année 2025');
    await post(c.id, '2026-02-02', 'Année 2026 encore');
    const { id } = await post(c.id, '2025-11-02', 'Année 2025 encore');
    // A reversal dated in the other year takes that year's next number.
    await database.db.transaction((tx) => reverseEntry(tx, system(c.id), id, '2026-02-03'));
    expect(await numbersOf(c.id, '2025-01-01')).toEqual([1, 2]);
    expect(await numbersOf(c.id, '2026-01-01')).toEqual([1, 2, 3]);
  });

  it('are not consumed by a posting that rolls back', async () => {
    const d = await createTestCoop(database.db, 'numbers-rollback');
    await setUpLedger(database.db, d.id);
    await post(d.id, '2026-04-01', 'Avant');
    const rolledBack = database.db.transaction(async (tx) => {
      await postEntry(tx, system(d.id), entry('2026-04-02', 'Annulée'));
      throw new Error('the caller gives up after posting');
    });
    await expect(rolledBack).rejects.toThrow('the caller gives up');
    // A refused entry (unknown account) takes no number either: it is checked before.
    await expect(database.db.transaction((tx) => postEntry(tx, system(d.id), { ...entry('2026-04-02', 'Refusée'), lines: [{ account: '999', debitCents: 1 }, { account: '708', creditCents: 1 }] }))).rejects.toThrow();
    await post(d.id, '2026-04-03', 'Après');
    expect(await numbersOf(d.id)).toEqual([1, 2]);
    const [series] = await database.db.select().from(numberSeries).where(eq(numberSeries.coopId, d.id));
    expect(series).toMatchObject({ lastNumber: 2 });
    expect(series!.series).toMatch(/^ledger:/);
  });

  it('run 1..20 with no gap and no duplicate under 20 postings at once', async () => {
    const e = await createTestCoop(database.db, 'numbers-concurrent');
    const other = await createTestCoop(database.db, 'numbers-concurrent-other');
    await setUpLedger(database.db, e.id);
    await setUpLedger(database.db, other.id);
    // On PostgreSQL each posting runs on its own connection of the pool (25): they truly race.
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => post(e.id, '2026-05-01', `Concurrente ${i}`)),
      ...Array.from({ length: 4 }, (_, i) => post(other.id, '2026-05-01', `Autre coop ${i}`)),
    ]);
    expect([...(await numbersOf(e.id))].sort((x, y) => x - y)).toEqual(oneTo(20));
    expect([...(await numbersOf(other.id))].sort((x, y) => x - y)).toEqual(oneTo(4));
  });
});
