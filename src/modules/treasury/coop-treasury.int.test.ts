import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { createTestCoop } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { createActivity } from '../activities/index.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import { COOP_TREASURY_SORTS } from './contract.js';
import { coopTreasury, exportCoopTreasuryCsv } from './coop-treasury.js';
import { activityTreasury } from './index.js';
import { groupBalances, treasuryFigures, treasuryGroupOf, type AccountMovements } from './domain/activity-treasury.js';
import { sortTreasuryRows, sumFigures } from './domain/coop-table.js';
import { lastTwelveMonths, monthlySeries } from './domain/monthly-series.js';
import { treasuryMonths } from './treasury-months.js';

/**
 * The fast paths (the coop-wide table ranked, paged and totalled in SQL over the ledger's kept
 * totals; the chart from the monthly totals) against the figures recomputed here from every
 * ledger line, on a random flow of sales, payments, credit notes, charges, advances and loans,
 * some dated after "today".
 */
const SEED = 20_261_202;
const TODAY = '2026-09-15';

function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

let t: TestApp;
let coopId: string;
const activityIds: string[] = [];
const system = () => ({ coopId, userId: null });

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  coopId = (await createTestCoop(db, 'treasury-fast')).id;
  await setUpLedger(db, coopId);
  const m = await insertMember(db, coopId, { firstName: 'Rémi', lastName: 'Random' });
  for (let i = 0; i < 9; i++) {
    activityIds.push((await db.transaction((tx) => createActivity(tx, system(), { name: `Activité ${i}`, holders: [{ memberId: m.id, shareBp: 10_000 }] }))).id);
  }
  const rnd = random(SEED);
  // Two activities share a figure exactly (same sale, nothing else): the tie goes by id.
  const twins = [activityIds[7]!, activityIds[8]!];
  const flows: { date: string; lines: { account: string; debitCents?: number; creditCents?: number; activityId?: string }[] }[] = twins.map((a) => ({
    date: '2026-02-03',
    lines: [
      { account: ACCOUNTS.clientReceivables, debitCents: 36_000, activityId: a },
      { account: ACCOUNTS.serviceRevenue, creditCents: 30_000, activityId: a },
      { account: ACCOUNTS.vatCollected, creditCents: 6_000, activityId: a },
    ],
  }));
  for (let i = 0; i < 140; i++) {
    const a = rnd.pick(activityIds.slice(0, 7));
    const date = `2026-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    const ht = rnd.int(1, 400_000);
    const vat = Math.round((ht * rnd.pick([0, 550, 1_000, 2_000])) / 10_000);
    switch (rnd.pick(['sale', 'sale', 'pay', 'pay', 'credit', 'deposit', 'contribution', 'commission', 'salary', 'expense', 'advance', 'loan', 'fee'] as const)) {
      case 'sale':
        flows.push({ date, lines: [{ account: ACCOUNTS.clientReceivables, debitCents: ht + vat, activityId: a }, { account: rnd.pick(['706', '707', '708']), creditCents: ht, activityId: a }, ...(vat ? [{ account: ACCOUNTS.vatCollected, creditCents: vat, activityId: a }] : [])] });
        break;
      case 'pay':
        flows.push({ date, lines: [{ account: ACCOUNTS.bank, debitCents: ht }, { account: ACCOUNTS.clientReceivables, creditCents: ht, activityId: a }] });
        break;
      case 'credit':
        flows.push({ date, lines: [{ account: ACCOUNTS.serviceRevenue, debitCents: ht, activityId: a }, ...(vat ? [{ account: ACCOUNTS.vatCollected, debitCents: vat, activityId: a }] : []), { account: ACCOUNTS.clientReceivables, creditCents: ht + vat, activityId: a }] });
        break;
      case 'deposit':
        flows.push({ date, lines: [{ account: ACCOUNTS.clientReceivables, debitCents: ht + vat, activityId: a }, { account: ACCOUNTS.depositsReceived, creditCents: ht, activityId: a }, ...(vat ? [{ account: ACCOUNTS.vatCollected, creditCents: vat, activityId: a }] : [])] });
        break;
      case 'contribution':
        flows.push({ date, lines: [{ account: ACCOUNTS.contributionCharge, debitCents: ht, activityId: a }, { account: ACCOUNTS.contributionIncome, creditCents: ht }] });
        break;
      case 'commission': {
        const to = rnd.pick(activityIds.slice(0, 7));
        flows.push({ date, lines: [{ account: ACCOUNTS.commissionCharge, debitCents: ht, activityId: a }, { account: ACCOUNTS.commissionIncome, creditCents: ht, activityId: to }] });
        break;
      }
      case 'salary':
        flows.push({ date, lines: [{ account: ACCOUNTS.grossSalaries, debitCents: ht, activityId: a }, { account: ACCOUNTS.employerContributions, debitCents: vat + 1, activityId: a }, { account: ACCOUNTS.salariesPayable, creditCents: ht, activityId: a }, { account: ACCOUNTS.socialContributions, creditCents: vat + 1, activityId: a }] });
        break;
      case 'expense':
        flows.push({ date, lines: [{ account: rnd.pick(['604', '6064', '625']), debitCents: ht, activityId: a }, { account: ACCOUNTS.suppliers, creditCents: ht }] });
        break;
      case 'advance':
        flows.push({ date, lines: [{ account: ACCOUNTS.advancesGranted, debitCents: ht, activityId: a }, { account: ACCOUNTS.fundAdvancesOutstanding, creditCents: ht }] });
        break;
      case 'loan':
        flows.push({ date, lines: [{ account: ACCOUNTS.loansToActivities, debitCents: ht, activityId: a }, { account: ACCOUNTS.bank, creditCents: ht }] });
        break;
      case 'fee':
        flows.push({ date, lines: [{ account: ACCOUNTS.advanceFeeCharge, debitCents: ht, activityId: a }, { account: ACCOUNTS.fundIncome, creditCents: ht }] });
        break;
    }
  }
  for (const f of flows) await db.transaction((tx) => postEntry(tx, system(), { journal: JOURNALS.misc, date: f.date, label: 'Flux', source: { type: 'manual' }, lines: f.lines }));
});
afterAll(() => t?.close());

interface Line extends AccountMovements {
  activityId: string;
  date: string;
}

async function ledgerLines(): Promise<Line[]> {
  const res = (await t.database.db.execute(sql`
    select activity_id, account_number, debit_cents, credit_cents, entry_date::text as entry_date
    from ledger_journal_entry_lines where coop_id = ${coopId} and activity_id is not null`)) as unknown as {
    rows: { activity_id: string; account_number: string; debit_cents: string; credit_cents: string; entry_date: string }[];
  };
  return res.rows.map((r) => ({ activityId: r.activity_id, account: r.account_number, debitCents: Number(r.debit_cents), creditCents: Number(r.credit_cents), date: r.entry_date }));
}

/** Every activity's figures on `today`, straight from its lines. */
function recomputed(lines: readonly Line[], today: string) {
  // An activity with a line on a treasury account, whatever its date, has a row (at zero before its first line).
  const ids = [...new Set(lines.filter((l) => treasuryGroupOf(l.account) !== null).map((l) => l.activityId))];
  return ids.map((activityId) => ({ activityId, ...treasuryFigures(groupBalances(lines.filter((l) => l.activityId === activityId && l.date <= today))) }));
}

describe('the coop-wide treasury, ranked and totalled in the database', () => {
  it('shows the figures, the order, the pages and the totals recomputed from every ledger line', async () => {
    const lines = await ledgerLines();
    expect(lines.some((l) => l.date > TODAY)).toBe(true);
    const expected = recomputed(lines, TODAY);
    expect(expected.length).toBe(activityIds.length);
    for (const sort of [undefined, ...COOP_TREASURY_SORTS]) {
      for (const dir of ['asc', 'desc'] as const) {
        const order = sortTreasuryRows(expected, sort ?? 'available', sort ? dir : 'desc');
        const seen = [];
        for (let page = 1; page <= 3; page++) {
          const got = await coopTreasury(t.database.db, coopId, { page, pageSize: 4, sort, dir }, TODAY);
          expect(got.total).toBe(expected.length);
          expect(got.totals).toEqual(sumFigures(expected));
          seen.push(...got.items.map(({ activityCode: _code, activityName: _name, ...figures }) => figures));
        }
        expect(seen).toEqual(order);
      }
    }
    const csv = await exportCoopTreasuryCsv(t.database.db, coopId, { sort: 'owed', dir: 'asc' }, TODAY);
    expect(csv.csv.trim().split('\n')).toHaveLength(1 + expected.length);
  });

  it('gives each activity the same figures alone, and its twelve months add up from its lines', async () => {
    const lines = await ledgerLines();
    const months = lastTwelveMonths(TODAY);
    const ends = [...months.slice(1), null];
    for (const activityId of activityIds) {
      const own = lines.filter((l) => l.activityId === activityId);
      const [expected] = recomputed(own, TODAY);
      expect(await activityTreasury(t.database.db, coopId, activityId, { today: TODAY })).toEqual({ asOf: TODAY, ...expected!, reservedCents: 0 });
      // The running balances before the first month, at each month's end, and today.
      const cumulative = [groupBalances(own.filter((l) => l.date < months[0]!)), ...ends.map((next) => groupBalances(own.filter((l) => (next ? l.date < next : l.date <= TODAY))))];
      expect((await treasuryMonths(t.database.db, coopId, activityId, TODAY)).months).toEqual(monthlySeries(months, cumulative));
    }
  });
});
