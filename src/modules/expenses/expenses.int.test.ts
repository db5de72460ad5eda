import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { insertMember } from '../../../test/support/activity-fixtures.js';
import { createPerson, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { createActivity } from '../activities/index.js';
import { contributionDeductions } from '../contribution/schema.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { listPayables, listSpendingCategories } from './index.js';
import { expenseLines, expenseReports } from './schema.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
let staff: TestClient;
let mia: TestClient;
let olga: TestClient;
let olgaActivity: string;
let cat: Record<string, { id: string }>;

const today = todayFromClock();
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** Every line of an entry, as account: ±cents on activity. */
async function linesOf(entryId: string) {
  const rows = await t.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, f.coop.id), eq(journalEntryLines.entryId, entryId))).orderBy(journalEntryLines.lineNo);
  return rows.map((r) => ({ account: r.accountNumber, debit: Number(r.debitCents), credit: Number(r.creditCents), activityId: r.activityId }));
}

async function coopBalanced() {
  const [row] = await t.database.db
    .select({ d: sql<string>`coalesce(sum(${journalEntryLines.debitCents}), 0)`, c: sql<string>`coalesce(sum(${journalEntryLines.creditCents}), 0)` })
    .from(journalEntryLines)
    .where(eq(journalEntryLines.coopId, f.coop.id));
  expect(Number(row!.d)).toBe(Number(row!.c));
}

async function fileReport(client: TestClient, lines: Record<string, unknown>[], body: Record<string, unknown> = {}) {
  const created = await client.post('/api/expenses/reports', { activityId: f.activityId, title: 'Salon de Lyon', payeeIban: 'FR76 3000 6000 0112 3456 7890 189', ...body });
  expect(created.status).toBe(201);
  let report = created.body;
  for (const line of lines) {
    const res = await client.post(`/api/expenses/reports/${report.id}/lines`, { spentOn: today, description: 'Achat', ...line });
    expect(res.status).toBe(200);
    report = res.body;
    const added = report.lines[report.lines.length - 1];
    if (added.kind === 'expense') {
      const up = await client.upload(`/api/expenses/reports/${report.id}/lines/${added.id}/receipt`, { filename: 'ticket.png', contentType: 'image/png', bytes: png });
      expect(up.status).toBe(200);
      report = up.body;
    }
  }
  return report;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createPaymentsCoop(t.database.db, 'expenses');
  // Olga, another member with her own account and activity.
  const person = await createPerson(t.database.db, f.coop.id, `olga-${f.coop.id.slice(0, 8)}@example.org`, 'Olga Autre', ['member']);
  const olgaMember = await insertMember(t.database.db, f.coop.id, { firstName: 'Olga', lastName: 'Autre', userId: person.id });
  olgaActivity = (await t.database.db.transaction((tx) => createActivity(tx, { coopId: f.coop.id, userId: f.coop.admin.id }, { name: 'Atelier Olga', holders: [{ memberId: olgaMember.id, shareBp: 10_000 }] }))).id;
  [staff, mia, olga] = await Promise.all([login(f.coop.staff.email), login(f.coop.member.email), login(person.email)]);
  cat = Object.fromEntries((await listSpendingCategories(t.database.db, f.coop.id)).map((c) => [c.code, c]));
  // Revenue this month: 1 000 € excl. VAT, so the activity contributes 100 € this month (10 %).
  await f.issueInvoice({ netCents: 100_000, day: today });
}, 240_000);
afterAll(() => t?.close());

describe('an expense report, from the member to the refund', { timeout: 120_000 }, () => {
  let reportId: string;

  it('a member files lines: an expense (HT + TVA = TTC) and a trip at the mileage scale of the year', async () => {
    const created = await mia.post('/api/expenses/reports', { activityId: f.activityId, title: 'Salon de Lyon', payeeIban: 'FR76 3000 6000 0112 3456 7890 189' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', number: expect.stringMatching(/^NF-\d{5}$/), payeeIban: 'FR7630006000011234567890189' });
    reportId = created.body.id;
    const expense = await mia.post(`/api/expenses/reports/${reportId}/lines`, { kind: 'expense', spentOn: today, description: 'Marchandises pour le stand', categoryId: cat.goods_for_resale!.id, grossCents: 12_000, vatRateBp: 2000 });
    expect(expense.status).toBe(200);
    expect(expense.body.lines[0]).toMatchObject({ grossCents: 12_000, netCents: 10_000, vatCents: 2_000, account: '607', inContributionBase: true, receipt: null });
    const trip = await mia.post(`/api/expenses/reports/${reportId}/lines`, { kind: 'mileage', spentOn: today, description: 'Nantes – Lyon', horsepower: 5, distanceKm: 100 });
    expect(trip.status).toBe(200);
    const mileage = trip.body.lines.find((l: { kind: string }) => l.kind === 'mileage');
    // 100 km × 0,636 € (5 CV, first band: nothing claimed before this year).
    expect(mileage).toMatchObject({ grossCents: 6_360, vatCents: 0, account: '6251', scaleYear: 2025, distanceKm: 100 });
    expect(trip.body.totalGrossCents).toBe(18_360);
  });

  it('prices the next trip with the km already claimed in the year', async () => {
    const quote = await mia.get(`/api/expenses/mileage-quote?spentOn=${today}&horsepower=5&distanceKm=100`);
    expect(quote.status).toBe(200);
    expect(quote.body).toEqual({ amountCents: 6_360, scaleYear: 2025, priorKm: 100 });
    const far = await mia.get(`/api/expenses/mileage-quote?spentOn=${today}&horsepower=5&distanceKm=9000`);
    // 9 100 km in the year: the middle band, less than 9 000 × 0,636.
    expect(far.body.amountCents).toBe(Math.floor((9100 * 357 + 5) / 10) + 139_500 - 6_360);
  });

  it('refuses a submission while an expense has no receipt, and a receipt that is not an image or PDF by its content', async () => {
    const res = await mia.post(`/api/expenses/reports/${reportId}/submit`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('lines.0.receipt');
    const [line] = await t.database.db.select().from(expenseLines).where(and(eq(expenseLines.coopId, f.coop.id), eq(expenseLines.reportId, reportId), eq(expenseLines.kind, 'expense')));
    const fake = await mia.upload(`/api/expenses/reports/${reportId}/lines/${line!.id}/receipt`, { filename: 'ticket.png', contentType: 'image/png', bytes: Buffer.from('<html><script>alert(1)</script></html>') });
    expect(fake.status).toBe(400);
    expect(JSON.stringify(fake.body)).toContain('file');
    const [still] = await t.database.db.select().from(expenseLines).where(and(eq(expenseLines.coopId, f.coop.id), eq(expenseLines.id, line!.id)));
    expect(still!.receiptKey).toBeNull();
    const ok = await mia.upload(`/api/expenses/reports/${reportId}/lines/${line!.id}/receipt`, { filename: 'ticket.png', contentType: 'application/octet-stream', bytes: png });
    expect(ok.status).toBe(200);
    const file = await mia.request('GET', `/api/expenses/reports/${reportId}/lines/${line!.id}/receipt`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
  });

  it('refuses bad amounts naming the field, and writes nothing', async () => {
    const before = (await t.database.db.select().from(expenseLines).where(eq(expenseLines.coopId, f.coop.id))).length;
    const cases = [
      { body: { kind: 'expense', spentOn: today, description: 'x', categoryId: cat.travel!.id, grossCents: 1_000, vatCents: 1_000 }, field: 'vatCents' },
      { body: { kind: 'expense', spentOn: today, description: 'x', categoryId: cat.travel!.id, grossCents: 0, vatRateBp: 2000 }, field: 'grossCents' },
      { body: { kind: 'expense', spentOn: today, description: 'x', categoryId: cat.travel!.id, grossCents: 100_000_001 }, field: 'grossCents' },
      { body: { kind: 'expense', spentOn: today, description: 'x', categoryId: cat.travel!.id, grossCents: 1_000, vatRateBp: 1900 }, field: 'vatRateBp' },
      { body: { kind: 'mileage', spentOn: today, description: 'x', horsepower: 5, distanceKm: 0 }, field: 'distanceKm' },
      { body: { kind: 'expense', spentOn: '2999-01-01', description: 'x', categoryId: cat.travel!.id, grossCents: 1_000 }, field: 'spentOn' },
    ];
    for (const c of cases) {
      const res = await mia.post(`/api/expenses/reports/${reportId}/lines`, c.body);
      expect(res.status, JSON.stringify(c)).toBe(400);
      expect(JSON.stringify(res.body)).toContain(c.field);
    }
    expect((await t.database.db.select().from(expenseLines).where(eq(expenseLines.coopId, f.coop.id))).length).toBe(before);
  });

  it('another member cannot read or change the report; she may not file on an activity not hers', async () => {
    expect((await olga.get(`/api/expenses/reports/${reportId}`)).status).toBe(404);
    expect((await olga.post(`/api/expenses/reports/${reportId}/submit`)).status).toBe(404);
    expect((await olga.get('/api/expenses/reports')).body.items).toEqual([]);
    const notHers = await olga.post('/api/expenses/reports', { activityId: f.activityId, title: 'x' });
    expect(notHers.status).toBe(400);
    expect(JSON.stringify(notHers.body)).toContain('activityId');
    // …nor validate one (the team's action).
    expect((await mia.post(`/api/expenses/reports/${reportId}/validate`)).status).toBe(403);
  });

  it('the team returns it with a comment, the member fixes and submits again, the history shows each step', async () => {
    expect((await mia.post(`/api/expenses/reports/${reportId}/submit`)).body.status).toBe('submitted');
    const ret = await staff.post(`/api/expenses/reports/${reportId}/return`, { comment: 'Le trajet est un aller-retour : 200 km.' });
    expect(ret.status).toBe(200);
    expect(ret.body.status).toBe('returned');
    const trip = ret.body.lines.find((l: { kind: string }) => l.kind === 'mileage');
    await mia.delete(`/api/expenses/reports/${reportId}/lines/${trip.id}`);
    const fixed = await mia.post(`/api/expenses/reports/${reportId}/lines`, { kind: 'mileage', spentOn: today, description: 'Nantes – Lyon, aller-retour', horsepower: 5, distanceKm: 200 });
    expect(fixed.body.lines.find((l: { kind: string }) => l.kind === 'mileage').grossCents).toBe(12_720);
    const again = await mia.post(`/api/expenses/reports/${reportId}/submit`);
    expect(again.body.status).toBe('submitted');
    expect(again.body.steps.map((s: { step: string }) => s.step)).toEqual(['submitted', 'returned', 'submitted']);
    expect(again.body.steps[1].comment).toBe('Le trajet est un aller-retour : 200 km.');
  });

  it('validation books D 6xx + 44566 / C 4671 on the activity and lowers the contribution by rate × the in-base cost', async () => {
    const res = await staff.post(`/api/expenses/reports/${reportId}/validate`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'validated', totalGrossCents: 24_720, refundCents: 24_720, advanceSettledCents: 0 });
    const [row] = await t.database.db.select().from(expenseReports).where(and(eq(expenseReports.coopId, f.coop.id), eq(expenseReports.id, reportId)));
    const lines = await linesOf(row!.validationEntryId!);
    expect(lines).toEqual(
      expect.arrayContaining([
        { account: '607', debit: 10_000, credit: 0, activityId: f.activityId },
        { account: '6251', debit: 12_720, credit: 0, activityId: f.activityId },
        { account: '44566', debit: 2_000, credit: 0, activityId: f.activityId },
        { account: '4671', debit: 0, credit: 24_720, activityId: f.activityId },
      ]),
    );
    expect(lines).toHaveLength(4);
    // Goods resold are in the base: 10 % × 100 € given back (D 7588 / C 6581 on the activity).
    const [deduction] = await t.database.db.select().from(contributionDeductions).where(and(eq(contributionDeductions.coopId, f.coop.id), eq(contributionDeductions.sourceId, reportId)));
    expect(deduction).toMatchObject({ baseCents: 10_000, rateBp: 1000, amountCents: 1_000 });
    expect(await linesOf(deduction!.entryId!)).toEqual([
      { account: '7588', debit: 1_000, credit: 0, activityId: null },
      { account: '6581', debit: 0, credit: 1_000, activityId: f.activityId },
    ]);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.entityId, reportId)));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['expense_report.submitted', 'expense_report.returned', 'expense_report.validated', 'contribution.posted']));
    await coopBalanced();
  });

  it("the activity's treasury counts the expenses under expenses and purchases", async () => {
    const res = await mia.get(`/api/treasury/activities/${f.activityId}`);
    expect(res.status).toBe(200);
    expect(res.body.expensesCents).toBe(22_720);
  });

  it('is a payable of the payouts module until paid, then paid once: D 4671 / C 512', async () => {
    const payables = await listPayables(t.database.db, f.coop.id);
    expect(payables).toContainEqual({ sourceType: 'expense_report', sourceId: reportId, activityId: f.activityId, payeeMemberId: expect.any(String), payeeName: expect.any(String), payeeIban: 'FR7630006000011234567890189', payeeBic: null, amountCents: 24_720, reference: expect.stringMatching(/^Note de frais NF-/), dueOn: null });
    const paid = await staff.post(`/api/expenses/reports/${reportId}/pay`, { paidOn: today });
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    const [row] = await t.database.db.select().from(expenseReports).where(and(eq(expenseReports.coopId, f.coop.id), eq(expenseReports.id, reportId)));
    expect(await linesOf(row!.paymentEntryId!)).toEqual([
      { account: '4671', debit: 24_720, credit: 0, activityId: f.activityId },
      { account: '512', debit: 0, credit: 24_720, activityId: null },
    ]);
    expect((await staff.post(`/api/expenses/reports/${reportId}/pay`, { paidOn: today })).status).toBe(409);
    expect((await listPayables(t.database.db, f.coop.id)).some((p) => p.sourceId === reportId)).toBe(false);
    await coopBalanced();
  });
});

describe('expense advances and categories out of the base', { timeout: 120_000 }, () => {
  it('an advance is settled by the next reports before anything is refunded', async () => {
    const miaMemberId = (await t.database.db.select().from(expenseReports).where(eq(expenseReports.coopId, f.coop.id)))[0]!.memberId;
    const adv = await staff.post('/api/expenses/advances', { memberId: miaMemberId, activityId: f.activityId, amountCents: 5_000, paidOn: today, reference: 'AVANCE SALON' });
    expect(adv.status).toBe(201);
    const first = await fileReport(mia, [{ kind: 'expense', categoryId: cat.travel!.id, grossCents: 3_000, vatRateBp: 0 }]);
    expect(first.advanceOutstandingCents).toBe(5_000);
    await mia.post(`/api/expenses/reports/${first.id}/submit`);
    const v1 = await staff.post(`/api/expenses/reports/${first.id}/validate`);
    // Covered whole by the advance: nothing to transfer, paid at once.
    expect(v1.body).toMatchObject({ status: 'paid', advanceSettledCents: 3_000, refundCents: 0, advanceOutstandingCents: 2_000 });
    const second = await fileReport(mia, [{ kind: 'expense', categoryId: cat.travel!.id, grossCents: 4_000, vatRateBp: 0 }]);
    await mia.post(`/api/expenses/reports/${second.id}/submit`);
    const v2 = await staff.post(`/api/expenses/reports/${second.id}/validate`);
    expect(v2.body).toMatchObject({ status: 'validated', advanceSettledCents: 2_000, refundCents: 2_000, advanceOutstandingCents: 0 });
    const [row] = await t.database.db.select().from(expenseReports).where(and(eq(expenseReports.coopId, f.coop.id), eq(expenseReports.id, second.id)));
    expect(await linesOf(row!.validationEntryId!)).toEqual([
      { account: '6251', debit: 4_000, credit: 0, activityId: f.activityId },
      { account: '4672', debit: 0, credit: 2_000, activityId: f.activityId },
      { account: '4671', debit: 0, credit: 2_000, activityId: f.activityId },
    ]);
    // A category out of the contribution base changes nothing to the contribution.
    const deductions = await t.database.db.select().from(contributionDeductions).where(and(eq(contributionDeductions.coopId, f.coop.id), eq(contributionDeductions.sourceId, second.id)));
    expect(deductions).toEqual([]);
    await coopBalanced();
  });

  it("never gives back more than the month's contribution, and a cancelled report gives its deduction back", async () => {
    // 5 000 € of subcontracting: 10 % would be 500 €, the month holds 100 € − 10 € already given back.
    const big = await fileReport(mia, [{ kind: 'expense', categoryId: cat.subcontracting!.id, grossCents: 600_000, vatRateBp: 2000 }]);
    await mia.post(`/api/expenses/reports/${big.id}/submit`);
    expect((await staff.post(`/api/expenses/reports/${big.id}/validate`)).status).toBe(200);
    const [deduction] = await t.database.db.select().from(contributionDeductions).where(and(eq(contributionDeductions.coopId, f.coop.id), eq(contributionDeductions.sourceId, big.id)));
    expect(deduction).toMatchObject({ baseCents: 500_000, amountCents: 9_000 });
    const cancelled = await staff.post(`/api/expenses/reports/${big.id}/cancel`, { comment: 'Doublon' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const [after] = await t.database.db.select().from(contributionDeductions).where(and(eq(contributionDeductions.coopId, f.coop.id), eq(contributionDeductions.sourceId, big.id)));
    expect(after!.reversalEntryId).not.toBeNull();
    const [reversal] = await t.database.db.select().from(journalEntries).where(and(eq(journalEntries.coopId, f.coop.id), eq(journalEntries.id, after!.reversalEntryId!)));
    expect(reversal!.reversesEntryId).toBe(deduction!.entryId);
    expect((await listPayables(t.database.db, f.coop.id)).some((p) => p.sourceId === big.id)).toBe(false);
    await coopBalanced();
  });

  it("a member's report on another's activity stays hidden from her; the team sees every report", async () => {
    const olgaReport = await olga.post('/api/expenses/reports', { activityId: olgaActivity, title: 'Fournitures' });
    expect(olgaReport.status).toBe(201);
    expect((await mia.get(`/api/expenses/reports/${olgaReport.body.id}`)).status).toBe(404);
    const all = await staff.get('/api/expenses/reports?pageSize=100');
    expect(all.body.items.map((r: { id: string }) => r.id)).toContain(olgaReport.body.id);
    const mine = await mia.get('/api/expenses/reports?pageSize=100');
    expect(mine.body.items.map((r: { id: string }) => r.id)).not.toContain(olgaReport.body.id);
  });
});
