import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestCoop } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { createActivity } from '../activities/index.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import { activityTreasury } from './index.js';
import { treasuryMonths } from './treasury-months.js';

let t: TestApp;
let coopId: string;
let mine: string;
let other: string;
const system = () => ({ coopId, userId: null });

async function post(date: string, lines: { account: string; debitCents?: number; creditCents?: number; activityId?: string }[]) {
  await t.database.db.transaction((tx) => postEntry(tx, system(), { journal: JOURNALS.misc, date, label: 'Test', source: { type: 'manual' }, lines }));
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const coop = await createTestCoop(db, 'treasury-fn');
  coopId = coop.id;
  await setUpLedger(db, coopId);
  const m = await insertMember(db, coopId, { firstName: 'Tess', lastName: 'Trésor' });
  mine = (await db.transaction((tx) => createActivity(tx, system(), { name: 'Trésorerie', holders: [{ memberId: m.id, shareBp: 10_000 }] }))).id;
  other = (await db.transaction((tx) => createActivity(tx, system(), { name: 'Voisine', holders: [{ memberId: m.id, shareBp: 10_000 }] }))).id;
  // A sale of 1,000 € + VAT on the activity, half paid; the neighbour's sale must not show.
  await post('2026-03-10', [
    { account: ACCOUNTS.clientReceivables, debitCents: 120_000, activityId: mine },
    { account: ACCOUNTS.serviceRevenue, creditCents: 100_000, activityId: mine },
    { account: ACCOUNTS.vatCollected, creditCents: 20_000, activityId: mine },
  ]);
  await post('2026-03-20', [
    { account: ACCOUNTS.bank, debitCents: 60_000 },
    { account: ACCOUNTS.clientReceivables, creditCents: 60_000, activityId: mine },
  ]);
  await post('2026-03-21', [
    { account: ACCOUNTS.contributionCharge, debitCents: 10_000, activityId: mine },
    { account: ACCOUNTS.contributionIncome, creditCents: 10_000 },
  ]);
  await post('2026-04-02', [
    { account: ACCOUNTS.advancesGranted, debitCents: 20_000, activityId: mine },
    { account: ACCOUNTS.fundAdvancesOutstanding, creditCents: 20_000 },
  ]);
  await post('2026-04-02', [
    { account: ACCOUNTS.advanceFeeCharge, debitCents: 400, activityId: mine },
    { account: ACCOUNTS.fundIncome, creditCents: 400 },
  ]);
  await post('2026-03-10', [
    { account: ACCOUNTS.clientReceivables, debitCents: 999_900, activityId: other },
    { account: ACCOUNTS.serviceRevenue, creditCents: 999_900, activityId: other },
  ]);
  // Salaries dated later in the month than `today`: not spent yet on the 15th.
  await post('2026-04-28', [
    { account: ACCOUNTS.grossSalaries, debitCents: 5_000, activityId: mine },
    { account: ACCOUNTS.salariesPayable, creditCents: 5_000, activityId: mine },
  ]);
});
afterAll(() => t?.close());

describe('the treasury of one activity', () => {
  it('reads its own entries up to today and makes the collected part available', async () => {
    const tr = await activityTreasury(t.database.db, coopId, mine, { today: '2026-04-15' });
    expect(tr).toMatchObject({
      activityId: mine,
      asOf: '2026-04-15',
      invoicedCents: 100_000,
      collectedCents: 50_000,
      owedCents: 50_000,
      receivableCents: 60_000,
      contributionCents: 10_000,
      advancesOutstandingCents: 20_000,
      advanceFeesCents: 400,
      salariesCents: 0,
      availableCents: 50_000 - 10_000 + 20_000 - 400,
    });
  });

  it('counts the salaries once their date has come, and takes off what is asked for', async () => {
    const tr = await activityTreasury(t.database.db, coopId, mine, { today: '2026-04-30', reservedCents: 1_000 });
    expect(tr.salariesCents).toBe(5_000);
    expect(tr.availableCents).toBe(50_000 - 10_000 + 20_000 - 400 - 5_000 - 1_000);
  });
});

describe('the twelve months of the chart', () => {
  it('add up whole months from the monthly totals and the current one up to today', async () => {
    const { months } = await treasuryMonths(t.database.db, coopId, mine, '2026-04-15');
    expect(months.map((m) => m.month)).toEqual(['2025-05-01', '2025-06-01', '2025-07-01', '2025-08-01', '2025-09-01', '2025-10-01', '2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01', '2026-03-01', '2026-04-01']);
    expect(months[10]).toEqual({ month: '2026-03-01', invoicedCents: 100_000, collectedCents: 50_000, chargesCents: 10_000 });
    // The advance fee of 2 April counts; the salary of the 28th is not there yet.
    expect(months[11]).toEqual({ month: '2026-04-01', invoicedCents: 0, collectedCents: 0, chargesCents: 400 });
    expect(months.slice(0, 10).every((m) => m.invoicedCents === 0 && m.chargesCents === 0)).toBe(true);
  });
});

describe('the per-activity totals the treasury reads', () => {
  it('are the sums of the lines, kept in the posting transaction', async () => {
    const rowsOf = async (query: SQL) => ((await t.database.db.execute(query)) as unknown as { rows: unknown[] }).rows;
    const drift = await rowsOf(sql`
      (select activity_id, account_number, debit_cents, credit_cents, line_count from ledger_activity_totals where coop_id = ${coopId}
       except
       select activity_id, account_number, sum(debit_cents), sum(credit_cents), count(*)::int from ledger_journal_entry_lines
       where coop_id = ${coopId} and activity_id is not null group by 1, 2)
      union all
      (select activity_id, account_number, sum(debit_cents), sum(credit_cents), count(*)::int from ledger_journal_entry_lines
       where coop_id = ${coopId} and activity_id is not null group by 1, 2
       except
       select activity_id, account_number, debit_cents, credit_cents, line_count from ledger_activity_totals where coop_id = ${coopId})`);
    expect(drift).toEqual([]);
    const [{ n }] = (await rowsOf(sql`select count(*)::int as n from ledger_activity_totals where coop_id = ${coopId}`)) as { n: number }[];
    expect(n).toBeGreaterThan(5);
  });
});
