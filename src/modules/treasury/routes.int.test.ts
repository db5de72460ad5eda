import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { createActivity } from '../activities/index.js';
import { ACCOUNTS, ensureChartOfAccounts, JOURNALS, paymentEntry, postEntry, salesEntry, type Posting } from '../ledger/index.js';

let t: TestApp;
let coopId: string;
let mia: TestClient;
let staff: TestClient;
let accountant: TestClient;
let miaActivity: string;
let bobActivity: string;
let foreignActivity: string;
const today = todayFromClock();
const system = (id = coopId) => ({ coopId: id, userId: null });

async function post(posting: Posting, label = 'Test') {
  await t.database.db.transaction((tx) => postEntry(tx, system(), { journal: posting.journal, date: today, label, source: { type: 'manual' }, lines: posting.lines }));
}

async function loggedIn(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const coop = await createTestCoop(db, 'treasury-routes');
  const other = await createTestCoop(db, 'treasury-other');
  coopId = coop.id;
  await db.transaction((tx) => ensureChartOfAccounts(tx, coopId, { today }));
  const miaMember = await insertMember(db, coopId, { firstName: 'Mia', lastName: 'Member', userId: coop.member.id });
  const bob = await insertMember(db, coopId, { firstName: 'Bob', lastName: 'Bâtisseur' });
  const olga = await insertMember(db, other.id, { firstName: 'Olga', lastName: 'Outsider' });
  miaActivity = (await db.transaction((tx) => createActivity(tx, system(), { name: 'Atelier céramique', holders: [{ memberId: miaMember.id, shareBp: 10_000 }] }))).id;
  bobActivity = (await db.transaction((tx) => createActivity(tx, system(), { name: 'Menuiserie', holders: [{ memberId: bob.id, shareBp: 10_000 }] }))).id;
  foreignActivity = (await db.transaction((tx) => createActivity(tx, system(other.id), { name: 'Ailleurs', holders: [{ memberId: olga.id, shareBp: 10_000 }] }))).id;
  // Mia: 1,000 € + 20 % VAT invoiced, 600 € paid, a 10 % contribution. Bob: 3,000 € invoiced, all paid, a salary of 1,500 €.
  await post(salesEntry({ activityId: miaActivity, grossCents: 120_000, netCents: 100_000, vatByRate: [{ rateBp: 2000, vatCents: 20_000 }] }));
  await post(paymentEntry({ amountCents: 60_000, settled: [{ activityId: miaActivity, invoiceNumber: 'F-1', amountCents: 60_000 }] }));
  await post({ journal: JOURNALS.misc, lines: [{ account: ACCOUNTS.contributionCharge, debitCents: 10_000, activityId: miaActivity }, { account: ACCOUNTS.contributionIncome, creditCents: 10_000 }] }, 'Contribution');
  await post(salesEntry({ activityId: bobActivity, grossCents: 360_000, netCents: 300_000, vatByRate: [{ rateBp: 2000, vatCents: 60_000 }] }));
  await post(paymentEntry({ amountCents: 360_000, settled: [{ activityId: bobActivity, invoiceNumber: 'F-2', amountCents: 360_000 }] }));
  await post({ journal: JOURNALS.salaries, lines: [{ account: ACCOUNTS.grossSalaries, debitCents: 150_000, activityId: bobActivity }, { account: ACCOUNTS.salariesPayable, creditCents: 150_000, activityId: bobActivity }] });
  // The guarantee fund: endowed with 50,000 €, 2,000 € out on an advance to Mia, a 40 € fee.
  await post({ journal: JOURNALS.misc, lines: [{ account: ACCOUNTS.bank, debitCents: 5_000_000 }, { account: ACCOUNTS.guaranteeFund, creditCents: 5_000_000 }] });
  await post({ journal: JOURNALS.misc, lines: [{ account: ACCOUNTS.advancesGranted, debitCents: 200_000, activityId: miaActivity }, { account: ACCOUNTS.fundAdvancesOutstanding, creditCents: 200_000 }] });
  await post({ journal: JOURNALS.misc, lines: [{ account: ACCOUNTS.advanceFeeCharge, debitCents: 4_000, activityId: miaActivity }, { account: ACCOUNTS.fundIncome, creditCents: 4_000 }] });
  mia = await loggedIn(coop.member.email);
  staff = await loggedIn(coop.staff.email);
  const books = await createPerson(db, coopId, `books-${coopId.slice(0, 8)}@treasury.test`, 'Bea Books', ['accountant']);
  accountant = await loggedIn(books.email);
}, 180_000);
afterAll(() => t?.close());

const miaAvailable = 60_000 * (100_000 / 120_000) * 1 - 10_000 + 200_000 - 4_000;

describe("an activity's treasury", () => {
  it('shows the member what their activity collected, owes and may pay out', async () => {
    const res = await mia.get(`/api/treasury/activities/${miaActivity}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ activityId: miaActivity, asOf: today, invoicedCents: 100_000, collectedCents: 50_000, owedCents: 50_000, contributionCents: 10_000, advancesOutstandingCents: 200_000, advanceFeesCents: 4_000 });
    expect(res.body.availableCents).toBe(Math.round(miaAvailable));
  });

  it('a member cannot read another activity’s treasury, nor its lines or months', async () => {
    expect((await mia.get(`/api/treasury/activities/${bobActivity}`)).status).toBe(404);
    expect((await mia.get(`/api/treasury/activities/${bobActivity}/lines?group=salaries`)).status).toBe(404);
    expect((await mia.get(`/api/treasury/activities/${bobActivity}/months`)).status).toBe(404);
    expect((await staff.get(`/api/treasury/activities/${foreignActivity}`)).status).toBe(404);
  });

  it('opens the lines behind a figure, for the member as for the team', async () => {
    const res = await mia.get(`/api/treasury/activities/${miaActivity}/lines?group=contribution`);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(1);
    expect(res.body.items[0]).toMatchObject({ account: ACCOUNTS.contributionCharge, activityId: miaActivity, debitCents: 10_000 });
    const receivables = await staff.get(`/api/treasury/activities/${miaActivity}/lines?group=receivables`);
    expect(receivables.body.items.map((l: { debitCents: number; creditCents: number }) => l.debitCents - l.creditCents)).toEqual([120_000, -60_000]);
    expect((await mia.get(`/api/treasury/activities/${miaActivity}/lines?group=everything`)).status).toBe(400);
  });

  it('draws this month in the twelve months of the chart', async () => {
    const res = await mia.get(`/api/treasury/activities/${miaActivity}/months`);
    expect(res.status).toBe(200);
    expect(res.body.months).toHaveLength(12);
    expect(res.body.months[11]).toEqual({ month: `${today.slice(0, 7)}-01`, invoicedCents: 100_000, collectedCents: 50_000, chargesCents: 14_000 });
    expect(res.body.months.slice(0, 11).every((m: { invoicedCents: number }) => m.invoicedCents === 0)).toBe(true);
  });
});

describe("the coop's treasury", () => {
  it('ranks every activity by what it may pay out, with the totals', async () => {
    const res = await staff.get('/api/treasury/activities');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r: { activityName: string }) => r.activityName)).toEqual(['Atelier céramique', 'Menuiserie']);
    expect(res.body.items[1]).toMatchObject({ activityId: bobActivity, collectedCents: 300_000, salariesCents: 150_000, availableCents: 150_000 });
    expect(res.body.totals).toMatchObject({ invoicedCents: 400_000, collectedCents: 350_000, availableCents: Math.round(miaAvailable) + 150_000 });
    const byInvoiced = await staff.get('/api/treasury/activities?sort=invoiced&dir=desc&pageSize=1');
    expect(byInvoiced.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(byInvoiced.body.items.map((r: { activityId: string }) => r.activityId)).toEqual([bobActivity]);
  });

  it('exports the table as CSV in its order', async () => {
    const res = await staff.get('/api/treasury/activities.csv?sort=collected&dir=asc');
    expect(res.status).toBe(200);
    const lines = res.raw.split(/\r?\n/).filter(Boolean);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Atelier céramique');
    expect(lines[2]).toContain('3000,00');
  });

  it("shows the guarantee fund's position as the ledger says", async () => {
    const res = await staff.get('/api/treasury/guarantee-fund');
    expect(res.body).toMatchObject({ endowmentCents: 5_000_000, incomeCents: 4_000, writeOffsCents: 0, advancesOutstandingCents: 200_000, availableCents: 5_000_000 + 4_000 - 200_000 });
  });

  it('is not for members', async () => {
    expect((await mia.get('/api/treasury/activities')).status).toBe(403);
    expect((await mia.get('/api/treasury/guarantee-fund')).status).toBe(403);
  });

  it('is open to the accountant', async () => {
    expect((await accountant.get('/api/treasury/activities')).status).toBe(200);
  });
});

describe("a member's money on the dashboard", () => {
  it('lists only their activities, with this year’s invoicing', async () => {
    const res = await mia.get('/api/treasury/mine');
    expect(res.status).toBe(200);
    expect(res.body.activities).toEqual([
      { activityId: miaActivity, activityCode: expect.any(String), activityName: 'Atelier céramique', availableCents: Math.round(miaAvailable), collectedCents: 50_000, owedCents: 50_000, invoicedThisYearCents: 100_000 },
    ]);
  });
});
