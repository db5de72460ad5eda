import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestCoop } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import type { Executor } from '../../platform/db/client.js';
import { createActivity } from '../activities/index.js';
import { ACCOUNTS, JOURNALS, postEntry, reverseEntry } from '../ledger/index.js';
import { coopTreasury } from './coop-treasury.js';
import { groupBalances, TREASURY_GROUP_NAMES, treasuryFigures, treasuryGroupOf } from './domain/activity-treasury.js';
import { sumFigures } from './domain/coop-table.js';
import { activityTreasury } from './index.js';

const TODAY = '2026-06-30';
let t: TestApp;
let coopId: string;
let a: string;
let b: string;
let c: string;
const system = () => ({ coopId, userId: null });
type Line = { account: string; debitCents?: number; creditCents?: number; activityId?: string };
const entry = (tx: Executor, date: string, label: string, lines: Line[]) => postEntry(tx, system(), { journal: JOURNALS.misc, date, label, source: { type: 'manual' }, lines });
const post = (date: string, label: string, lines: Line[]) => t.database.db.transaction((tx) => entry(tx, date, label, lines));
const rowsOf = async <T>(query: ReturnType<typeof sql>) => ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coopId = (await createTestCoop(db, 'treasury-kept')).id;
  await setUpLedger(db, coopId);
  const m = await insertMember(db, coopId, { firstName: 'Katia', lastName: 'Gardée' });
  const activity = async (name: string) => (await db.transaction((tx) => createActivity(tx, system(), { name, holders: [{ memberId: m.id, shareBp: 10_000 }] }))).id;
  a = await activity('Atelier');
  b = await activity('Bureau');
  c = await activity('Conseil');
  await activity('Sans mouvement');

  // Sale of 1,000 € + 20 % VAT on A, partly paid, then partly credited.
  await post('2026-03-02', 'Vente A', [
    { account: ACCOUNTS.clientReceivables, debitCents: 120_000, activityId: a },
    { account: ACCOUNTS.serviceRevenue, creditCents: 100_000, activityId: a },
    { account: ACCOUNTS.vatCollected, creditCents: 20_000, activityId: a },
  ]);
  await post('2026-03-10', 'Paiement partiel', [
    { account: ACCOUNTS.bank, debitCents: 60_000 },
    { account: ACCOUNTS.clientReceivables, creditCents: 60_000, activityId: a },
  ]);
  await post('2026-03-12', 'Avoir', [
    { account: ACCOUNTS.serviceRevenue, debitCents: 10_000, activityId: a },
    { account: ACCOUNTS.vatCollected, debitCents: 2_000, activityId: a },
    { account: ACCOUNTS.clientReceivables, creditCents: 12_000, activityId: a },
  ]);
  // Goods on B at 5.5 %, and a deposit invoice waiting on 4191.
  await post('2026-04-01', 'Vente B', [
    { account: ACCOUNTS.clientReceivables, debitCents: 52_750, activityId: b },
    { account: '707', creditCents: 50_000, activityId: b },
    { account: ACCOUNTS.vatCollected, creditCents: 2_750, activityId: b },
  ]);
  await post('2026-04-02', 'Acompte B', [
    { account: ACCOUNTS.clientReceivables, debitCents: 12_000, activityId: b },
    { account: ACCOUNTS.depositsReceived, creditCents: 10_000, activityId: b },
    { account: ACCOUNTS.vatCollected, creditCents: 2_000, activityId: b },
  ]);
  // Contributions and a commission in one transaction: two statements, two trigger runs.
  await t.database.db.transaction(async (tx) => {
    await entry(tx, '2026-04-30', 'Contributions', [
      { account: ACCOUNTS.contributionCharge, debitCents: 9_000, activityId: a },
      { account: ACCOUNTS.contributionCharge, debitCents: 5_000, activityId: b },
      { account: ACCOUNTS.contributionIncome, creditCents: 14_000 },
    ]);
    await entry(tx, '2026-04-30', 'Commission', [
      { account: ACCOUNTS.commissionCharge, debitCents: 3_000, activityId: a },
      { account: ACCOUNTS.commissionCharge, debitCents: 1_500, activityId: b },
      { account: ACCOUNTS.commissionIncome, creditCents: 4_500, activityId: c },
    ]);
  });
  await post('2026-05-28', 'Salaire A', [
    { account: ACCOUNTS.grossSalaries, debitCents: 20_000, activityId: a },
    { account: ACCOUNTS.employerContributions, debitCents: 9_000, activityId: a },
    { account: ACCOUNTS.salariesPayable, creditCents: 15_600, activityId: a },
    { account: ACCOUNTS.socialContributions, creditCents: 13_400, activityId: a },
  ]);
  // An advance to A with its fee, then settled by the reverse pair when the client paid.
  await post('2026-05-02', 'Avance A', [
    { account: ACCOUNTS.advancesGranted, debitCents: 30_000, activityId: a },
    { account: ACCOUNTS.fundAdvancesOutstanding, creditCents: 30_000 },
  ]);
  await post('2026-05-02', 'Frais avance A', [
    { account: ACCOUNTS.advanceFeeCharge, debitCents: 600, activityId: a },
    { account: ACCOUNTS.fundIncome, creditCents: 600 },
  ]);
  await post('2026-06-10', 'Avance soldée', [
    { account: ACCOUNTS.fundAdvancesOutstanding, debitCents: 30_000 },
    { account: ACCOUNTS.advancesGranted, creditCents: 30_000, activityId: a },
  ]);
  // Expenses and purchases; one of them cancelled by its reversing entry.
  await post('2026-05-15', 'Achat B', [
    { account: '604', debitCents: 7_000, activityId: b },
    { account: ACCOUNTS.suppliers, creditCents: 7_000 },
  ]);
  const wrong = await post('2026-05-16', 'Achat C erroné', [
    { account: '6064', debitCents: 2_500, activityId: c },
    { account: ACCOUNTS.suppliers, creditCents: 2_500 },
  ]);
  await t.database.db.transaction((tx) => reverseEntry(tx, system(), wrong.id, '2026-05-20'));
  await post('2026-06-01', 'Prêt C', [
    { account: ACCOUNTS.loansToActivities, debitCents: 40_000, activityId: c },
    { account: ACCOUNTS.bank, creditCents: 40_000, activityId: c },
  ]);
  // Dated after today: in the kept rows, not in today's figures.
  await post('2026-07-15', 'Vente C à venir', [
    { account: ACCOUNTS.clientReceivables, debitCents: 24_000, activityId: c },
    { account: ACCOUNTS.serviceRevenue, creditCents: 20_000, activityId: c },
    { account: ACCOUNTS.vatCollected, creditCents: 4_000, activityId: c },
  ]);
  await post('2026-07-16', 'Salaire C à venir', [
    { account: ACCOUNTS.grossSalaries, debitCents: 8_000, activityId: c },
    { account: ACCOUNTS.salariesPayable, creditCents: 8_000, activityId: c },
  ]);
});
afterAll(() => t?.close());

interface LedgerLine {
  activityId: string;
  account: string;
  debitCents: number;
  creditCents: number;
  date: string;
}

async function ledgerLines(): Promise<LedgerLine[]> {
  const rows = await rowsOf<{ activity_id: string; account_number: string; debit_cents: string; credit_cents: string; entry_date: string }>(sql`
    select activity_id, account_number, debit_cents, credit_cents, entry_date::text as entry_date
    from ledger_journal_entry_lines where coop_id = ${coopId} and activity_id is not null`);
  return rows.map((r) => ({ activityId: r.activity_id, account: r.account_number, debitCents: Number(r.debit_cents), creditCents: Number(r.credit_cents), date: r.entry_date }));
}

async function keptRows(): Promise<Map<string, Record<string, number>>> {
  const rows = await rowsOf<Record<string, string>>(sql`select * from treasury_activity_balances where coop_id = ${coopId}`);
  const snake = (g: string) => g.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
  return new Map(rows.map((r) => [r.activity_id!, Object.fromEntries(TREASURY_GROUP_NAMES.map((g) => [g, Number(r[snake(g)])]))]));
}

describe('the balances the treasury keeps per activity', () => {
  it('are the sums of the lines by treasury group, all dates, one row per activity with money', async () => {
    const lines = await ledgerLines();
    const withMoney = [...new Set(lines.filter((l) => treasuryGroupOf(l.account) !== null).map((l) => l.activityId))].sort();
    const kept = await keptRows();
    expect([...kept.keys()].sort()).toEqual(withMoney);
    expect(withMoney).toEqual([a, b, c].sort());
    for (const id of withMoney) expect(kept.get(id)).toEqual(groupBalances(lines.filter((l) => l.activityId === id)));
    // The reversed purchase cancels out; the settled advance too.
    expect(kept.get(c)!.expenses).toBe(0);
    expect(kept.get(a)!.advances).toBe(0);
  });

  it("give each activity's figures and the coop table the same numbers as the lines up to today", async () => {
    const lines = await ledgerLines();
    for (const day of [TODAY, '2026-04-15', '2026-12-31']) {
      const expected = [a, b, c].map((id) => ({ activityId: id, ...treasuryFigures(groupBalances(lines.filter((l) => l.activityId === id && l.date <= day))) }));
      for (const e of expected) expect(await activityTreasury(t.database.db, coopId, e.activityId, { today: day })).toEqual({ asOf: day, ...e });
      const table = await coopTreasury(t.database.db, coopId, { page: 1, pageSize: 10, dir: 'desc' }, day);
      expect(table.total).toBe(3);
      expect(table.totals).toEqual(sumFigures(expected));
      expect(new Map(table.items.map(({ activityCode: _c, activityName: _n, ...f }) => [f.activityId, f]))).toEqual(new Map(expected.map((e) => [e.activityId, e])));
    }
    // Today: 900 € invoiced net of the credit note, 600 € of 1,080 € TTC still owed… exactly as the lines say.
    const now = await activityTreasury(t.database.db, coopId, a, { today: TODAY });
    expect(now).toMatchObject({ invoicedCents: 90_000, receivableCents: 48_000, salariesCents: 29_000, advanceFeesCents: 600, advancesOutstandingCents: 0 });
    expect((await activityTreasury(t.database.db, coopId, c, { today: TODAY })).invoicedCents === 0).toBe(true);
  });

  it('move in the transaction that posts the lines: a rolled-back posting leaves them as they were', async () => {
    const before = await keptRows();
    await t.database.db
      .transaction(async (tx) => {
        await entry(tx, '2026-06-20', 'Annulée', [
          { account: ACCOUNTS.serviceRevenue, creditCents: 5_000, activityId: a },
          { account: ACCOUNTS.clientReceivables, debitCents: 5_000, activityId: a },
        ]);
        throw new Error('rolled back');
      })
      .catch((err: Error) => expect(err.message).toBe('rolled back'));
    expect(await keptRows()).toEqual(before);
  });

  it('group every account of the chart as the domain does (treasury_group_of = treasuryGroupOf)', async () => {
    const chart = (await rowsOf<{ number: string }>(sql`select number from ledger_accounts where coop_id = ${coopId}`)).map((r) => r.number);
    const edges = ['7', '70', '706', '7061', '707', '708', '7082', '70821', '7088', '411', '4191', '419', '44571', '4457', '6', '60', '6581', '658', '6222', '622', '641', '6411', '645', '64', '6278', '627', '4675', '4676', '4677', '467', '512', '1068'];
    const numbers = [...new Set([...chart, ...edges])];
    expect(chart.length).toBeGreaterThan(20);
    const rows = await rowsOf<{ n: string; grp: string | null }>(sql`select n, treasury_group_of(n) as grp from unnest(${`{${numbers.join(',')}}`}::varchar[]) as n`);
    expect(new Map(rows.map((r) => [r.n, r.grp]))).toEqual(new Map(numbers.map((n) => [n, treasuryGroupOf(n)])));
  });
});
