import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { rowCount } from '../../../test/support/activity-fixtures.js';
import { DEMO_PASSWORD, sirenFor, siretFor } from '../../../test/support/fixtures.js';
import { draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { createQuotingCoop, quoteOf, QUOTE_TOTALS } from '../../../test/support/quotes-fixtures.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { clients } from '../clients/schema.js';
import { createDraftInvoice, getInvoice, validateInvoice } from '../invoicing/index.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { breakdownOfGross } from './domain/simulate-salary.js';
import { askableMonths } from './domain/salary-rules.js';
import { salaryRequests } from './schema.js';

/**
 * The salary of an entrepreneur-salarié through the API, on PGlite and PostgreSQL: asked within
 * the activity's treasury, validated by the team (one SA entry, balanced), refused, cancelled by
 * reversal, exported for the payroll software; a member sees and asks only on her activities.
 */
let t: TestApp;
let f: Awaited<ReturnType<typeof createQuotingCoop>>;
let member: TestClient;
let staff: TestClient;
let admin: TestClient;
const [previousMonth, thisMonth, nextMonth] = askableMonths(todayFromClock()).map((m) => m.slice(0, 7));

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  f = await createQuotingCoop(db, 'salaries');
  member = await loggedIn(f.coop.member.email);
  staff = await loggedIn(f.coop.staff.email);
  admin = await loggedIn(f.coop.admin.email);
  // 10,000 € excl. VAT invoiced on the member's activity and paid in full: money the activity may spend.
  const draft = await createDraftInvoice(db, f.staff, draftOf(f.activityId, f.clientId, { lines: [{ description: 'Mission', quantityMilli: 1000, unit: 'C62', unitPriceCents: 10_000_00, vatCategory: 'S', vatRateBp: 2000 }] }));
  await validateInvoice(db, f.staff, draft.id, '2026-06-20');
  const { grossCents } = await getInvoice(db, f.staff, draft.id);
  const paid = await staff.post('/api/payments', { clientId: f.clientId, date: '2026-06-25', amountCents: grossCents, mode: 'transfer', allocations: [{ invoiceId: draft.id, amountCents: grossCents }] });
  expect(paid.status).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

const overview = async (c: TestClient = member, activityId = f.activityId) => (await c.get(`/api/salaries/activities/${activityId}`)).body;

async function ledgerOf(requestId: string) {
  const entries = await t.database.db
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.coopId, f.coop.id), eq(journalEntries.sourceType, 'salary_request'), eq(journalEntries.sourceId, requestId)));
  const lines = await t.database.db.select().from(journalEntryLines).where(eq(journalEntryLines.coopId, f.coop.id));
  return { entries, lines: lines.filter((l) => entries.some((e) => e.id === l.entryId)) };
}

describe('the salary page of an activity', () => {
  it('shows the member the flat rates, the coop’s contribution rate, what is available and the months she may ask', async () => {
    const o = await overview();
    expect(o).toMatchObject({ activityId: f.activityId, rates: { employerRateBp: 4500, employeeRateBp: 2200, contributionRateBp: 1000 }, pendingCents: 0, canRequest: true, askableMonths: [previousMonth, thisMonth, nextMonth] });
    expect(o.availableCents).toBeGreaterThan(5_000_00);
  });

  it('lists the accepted quotes left to invoice, the pipeline a salary is smoothed on', async () => {
    const siren = sirenFor(424_242);
    await t.database.db.update(clients).set({ siren, siret: siretFor(siren) }).where(and(eq(clients.coopId, f.coop.id), eq(clients.id, f.mailedClientId)));
    const created = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
    expect(created.status).toBe(201);
    expect((await staff.post(`/api/quotes/${created.body.id}/validate`)).status).toBe(200);
    expect((await staff.post(`/api/quotes/${created.body.id}/send`)).status).toBe(200);
    // Not accepted yet: not in the pipeline.
    expect((await overview()).pipeline).toEqual([]);
    expect((await staff.post(`/api/quotes/${created.body.id}/accept`, { name: 'Claire Dupont' })).status).toBe(200);
    expect((await overview()).pipeline).toEqual([expect.objectContaining({ quoteId: created.body.id, leftToInvoiceNetCents: QUOTE_TOTALS.netCents })]);
  });

  it('a member cannot open the salary page of another member’s activity', async () => {
    expect((await member.get(`/api/salaries/activities/${f.otherActivityId}`)).status).toBe(404);
  });
});

describe('asking a salary', () => {
  it('an employer cost over the available treasury is refused with the field and the amounts, and nothing is written', async () => {
    const { availableCents } = await overview();
    const before = await rowCount(t.database.db, salaryRequests);
    // A gross whose employer cost (× 1.45) passes what is available.
    const res = await member.post('/api/salaries/requests', { activityId: f.activityId, month: thisMonth, grossCents: Math.ceil(availableCents / 1.45) + 100 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SALARY_OVER_TREASURY');
    expect(res.body.error.fields[0].path).toBe('grossCents');
    expect(res.body.error.fields[0].message).toMatch(/disponibles/);
    expect(await rowCount(t.database.db, salaryRequests)).toBe(before);
  });

  it('bad input is a 400 naming the field: a month out of reach, a gross of 0', async () => {
    const far = await member.post('/api/salaries/requests', { activityId: f.activityId, month: '2020-01', grossCents: 100_00 });
    expect(far.status).toBe(400);
    expect(far.body.error.fields[0].path).toBe('month');
    const zero = await member.post('/api/salaries/requests', { activityId: f.activityId, month: thisMonth, grossCents: 0 });
    expect(zero.status).toBe(400);
    expect(zero.body.error.fields[0].path).toBe('grossCents');
  });

  it('a member cannot ask a salary on another member’s activity', async () => {
    const res = await member.post('/api/salaries/requests', { activityId: f.otherActivityId, month: thisMonth, grossCents: 100_00 });
    expect(res.status).toBe(404);
  });

  it('a staff member who holds no activity cannot ask a salary on a member’s', async () => {
    const res = await staff.post('/api/salaries/requests', { activityId: f.activityId, month: thisMonth, grossCents: 100_00 });
    expect(res.status).toBe(403);
  });
});

describe('a salary from the request to the books', () => {
  let requestId: string;
  const gross = 1_500_00;
  const amounts = breakdownOfGross(gross, { employerRateBp: 4500, employeeRateBp: 2200 });

  it('the member asks within her treasury: the request waits, reserved on the treasury, audited', async () => {
    const before = await overview();
    const res = await member.post('/api/salaries/requests', { activityId: f.activityId, month: thisMonth, grossCents: gross, note: 'Salaire du mois' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'requested', memberName: 'Mia Member', month: thisMonth, ...amounts, employerRateBp: 4500, employeeRateBp: 2200 });
    requestId = res.body.id;
    const after = await overview();
    expect(after.pendingCents).toBe(amounts.employerCostCents);
    expect(after.availableCents).toBe(before.availableCents - amounts.employerCostCents);
    const audit = await admin.get(`/api/audit?entityType=salary_request&entityId=${requestId}`);
    expect(JSON.stringify(audit.body)).toContain('salary.requested');
  });

  it('a second request for the same month and activity is refused while the first lives', async () => {
    const res = await member.post('/api/salaries/requests', { activityId: f.activityId, month: thisMonth, grossCents: 100_00 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('SALARY_ALREADY_REQUESTED');
  });

  it('a pending request counts against the next one: the same euros are not asked twice', async () => {
    const { availableCents } = await overview();
    const over = await member.post('/api/salaries/requests', { activityId: f.activityId, month: nextMonth, grossCents: Math.floor(availableCents / 1.45) + 100 });
    expect(over.status).toBe(409);
  });

  it('a member cannot validate her own salary', async () => {
    expect((await member.post(`/api/salaries/requests/${requestId}/validate`)).status).toBe(403);
  });

  it('the team validates: one SA entry, balanced, 641 + 645 debited and 421 + 431 credited on the activity', async () => {
    const [first, second] = await Promise.all([staff.post(`/api/salaries/requests/${requestId}/validate`), admin.post(`/api/salaries/requests/${requestId}/validate`)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const ok = first.status === 200 ? first : second;
    expect(ok.body).toMatchObject({ status: 'validated' });
    const { entries, lines } = await ledgerOf(requestId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ journalCode: 'SA' });
    const debit = lines.reduce((s, l) => s + l.debitCents, 0);
    const credit = lines.reduce((s, l) => s + l.creditCents, 0);
    expect(debit).toBe(credit);
    const by = (account: string) => lines.filter((l) => l.accountNumber === account).reduce((s, l) => s + l.debitCents - l.creditCents, 0);
    expect(by('641')).toBe(amounts.grossCents);
    expect(by('645')).toBe(amounts.employerContributionsCents);
    expect(by('421')).toBe(-amounts.netCents);
    expect(by('431')).toBe(-(amounts.employeeContributionsCents + amounts.employerContributionsCents));
    expect(lines.every((l) => l.activityId === f.activityId)).toBe(true);
    // Posted, no longer reserved: the treasury counts it as a salary.
    expect((await overview()).pendingCents).toBe(0);
  });

  it('the month’s payroll export carries the validated salary, in the French CSV dialect', async () => {
    const res = await staff.get(`/api/salaries/export.csv?month=${thisMonth}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/csv');
    expect(res.raw).toContain('Mia Member');
    expect(res.raw).toContain('1500,00');
    expect((await member.get(`/api/salaries/export.csv?month=${thisMonth}`)).status).toBe(403);
  });

  it('a member cannot cancel a validated salary; the team cancels it by a reversing entry, once', async () => {
    expect((await member.post(`/api/salaries/requests/${requestId}/cancel`, { reason: 'Erreur' })).status).toBe(403);
    expect((await staff.post(`/api/salaries/requests/${requestId}/cancel`, {})).status).toBe(400);
    const res = await staff.post(`/api/salaries/requests/${requestId}/cancel`, { reason: 'Montant erroné' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Montant erroné' });
    expect(res.body.cancelEntryId).toBeTruthy();
    const { entries, lines } = await ledgerOf(requestId);
    expect(entries).toHaveLength(2);
    const net = (account: string) => lines.filter((l) => l.accountNumber === account).reduce((s, l) => s + l.debitCents - l.creditCents, 0);
    for (const account of ['641', '645', '421', '431']) expect(net(account)).toBe(0);
    expect((await staff.post(`/api/salaries/requests/${requestId}/cancel`, { reason: 'Encore' })).status).toBe(409);
    // The month is free again.
    expect((await member.post('/api/salaries/requests', { activityId: f.activityId, month: thisMonth, grossCents: 1_000_00 })).status).toBe(201);
  });
});

describe('refusing and withdrawing', () => {
  it('the team refuses with a reason the member reads; a refusal without a reason is a 400', async () => {
    const asked = await member.post('/api/salaries/requests', { activityId: f.activityId, month: previousMonth, grossCents: 200_00 });
    expect(asked.status).toBe(201);
    expect((await staff.post(`/api/salaries/requests/${asked.body.id}/refuse`, { reason: '  ' })).status).toBe(400);
    const refused = await staff.post(`/api/salaries/requests/${asked.body.id}/refuse`, { reason: 'Trésorerie à confirmer' });
    expect(refused.status).toBe(200);
    expect((await member.get(`/api/salaries/requests/${asked.body.id}`)).body).toMatchObject({ status: 'refused', refusalReason: 'Trésorerie à confirmer', entryId: null });
    expect((await staff.post(`/api/salaries/requests/${asked.body.id}/validate`)).status).toBe(409);
  });

  it('the member withdraws a request not yet decided; nothing was posted', async () => {
    const asked = await member.post('/api/salaries/requests', { activityId: f.activityId, month: nextMonth, grossCents: 100_00 });
    expect(asked.status).toBe(201);
    const res = await member.post(`/api/salaries/requests/${asked.body.id}/cancel`, { reason: 'Je décale' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelEntryId: null });
    expect((await ledgerOf(asked.body.id)).entries).toHaveLength(0);
  });
});

describe('who sees what', () => {
  it('a member sees only the requests of her activities; another’s is a 404', async () => {
    const [other] = await t.database.db
      .insert(salaryRequests)
      .values({
        coopId: f.coop.id,
        activityId: f.otherActivityId,
        memberId: await otherMemberId(),
        month: `${thisMonth}-01`,
        ...breakdownOfGross(100_00, { employerRateBp: 4500, employeeRateBp: 2200 }),
        employerRateBp: 4500,
        employeeRateBp: 2200,
        requestedBy: f.coop.admin.id,
      })
      .returning();
    const mine = await member.get('/api/salaries/requests?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((r: { activityId: string }) => r.activityId === f.activityId)).toBe(true);
    expect((await member.get(`/api/salaries/requests/${other!.id}`)).status).toBe(404);
    expect((await member.post(`/api/salaries/requests/${other!.id}/cancel`, { reason: 'x' })).status).toBe(404);
    const all = await staff.get(`/api/salaries/requests?month=${thisMonth}&status=requested&sort=gross&dir=desc`);
    expect(all.body.items.map((r: { id: string }) => r.id)).toContain(other!.id);
  });
});

describe('the flat rates', () => {
  it('an admin sets them within bounds; a rate out of bounds is a 400 naming it; a member may not', async () => {
    expect((await admin.put('/api/salaries/settings', { employerRateBp: 4200, employeeRateBp: 2100 })).body).toMatchObject({ employerRateBp: 4200, employeeRateBp: 2100, contributionRateBp: 1000 });
    const bad = await admin.put('/api/salaries/settings', { employerRateBp: 4200, employeeRateBp: 6000 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('employeeRateBp');
    expect((await member.put('/api/salaries/settings', { employerRateBp: 0, employeeRateBp: 0 })).status).toBe(403);
    expect((await member.get('/api/salaries/settings')).body).toMatchObject({ employerRateBp: 4200, employeeRateBp: 2100 });
  });
});

async function otherMemberId(): Promise<string> {
  const res = await staff.get(`/api/activities/${f.otherActivityId}`);
  return res.body.holders[0].memberId as string;
}
