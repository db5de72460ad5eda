import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { contributionDeductions } from '../contribution/schema.js';
import { listSpendingCategories } from '../expenses/index.js';
import { journalEntryLines } from '../ledger/schema.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
let staff: TestClient;
let member: TestClient;
let supplierId: string;
let cat: Record<string, { id: string; account: string }>;
const today = todayFromClock();
let n = 0;

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

async function linesOf(entryId: string) {
  const rows = await t.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, f.coop.id), eq(journalEntryLines.entryId, entryId))).orderBy(journalEntryLines.lineNo);
  return rows.map((r) => ({ account: r.accountNumber, debit: Number(r.debitCents), credit: Number(r.creditCents), activityId: r.activityId, aux: r.auxiliaryNumber }));
}

const deductionsOf = (invoiceId: string) => t.database.db.select().from(contributionDeductions).where(and(eq(contributionDeductions.coopId, f.coop.id), eq(contributionDeductions.sourceId, invoiceId)));

async function coopBalanced() {
  const [row] = await t.database.db
    .select({ d: sql<string>`coalesce(sum(${journalEntryLines.debitCents}), 0)`, c: sql<string>`coalesce(sum(${journalEntryLines.creditCents}), 0)` })
    .from(journalEntryLines)
    .where(eq(journalEntryLines.coopId, f.coop.id));
  expect(Number(row!.d)).toBe(Number(row!.c));
}

/** A supplier invoice typed by hand: one line of `netCents` at 20 % in the given category, approved. */
async function approvedInvoice(category: string, activityId: string | null, netCents: number) {
  const vatCents = netCents / 5;
  const entered = await staff.post('/api/purchases/invoices', {
    supplierId,
    activityId,
    number: `ST-${++n}`,
    issueDate: today,
    lines: [{ label: 'Travaux', spendingCategoryId: cat[category]!.id, netCents, vatRateBp: 2000, vatCents }],
    netCents,
    vatCents,
    grossCents: netCents + vatCents,
  });
  expect(entered.status).toBe(201);
  const approved = await staff.post(`/api/purchases/invoices/${entered.body.id}/approve`, {});
  expect(approved.status).toBe(200);
  return approved.body as { id: string; purchaseEntryId: string; grossCents: number };
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createPaymentsCoop(t.database.db, 'purch-cat');
  [staff, member] = await Promise.all([login(f.coop.staff.email), login(f.coop.member.email)]);
  cat = Object.fromEntries((await listSpendingCategories(t.database.db, f.coop.id)).map((c) => [c.code, c]));
  // Revenue this month: 1 000 € excl. VAT, so the activity contributes 100 € this month (10 %).
  await f.issueInvoice({ netCents: 100_000, day: today });
  const supplier = await staff.post('/api/purchases/suppliers', { name: 'Menuiserie Bernard', siren: '552032534', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: 'AGRIFRPP' });
  expect(supplier.status).toBe(201);
  supplierId = supplier.body.id;
}, 240_000);
afterAll(() => t?.close());

describe('supplier invoice lines by spending category', { timeout: 120_000 }, () => {
  it("a category in the contribution base, on an activity, lowers the activity's contribution once: rate × the cost excl. VAT", async () => {
    const inv = await approvedInvoice('subcontracting', f.activityId, 30_000);
    expect(await linesOf(inv.purchaseEntryId)).toEqual([
      expect.objectContaining({ account: '611', debit: 30_000, credit: 0, activityId: f.activityId }),
      expect.objectContaining({ account: '44566', debit: 6_000, credit: 0, activityId: f.activityId }),
      expect.objectContaining({ account: '401', debit: 0, credit: 36_000, activityId: f.activityId, aux: expect.stringMatching(/^F\d{5}$/) }),
    ]);
    const deductions = await deductionsOf(inv.id);
    expect(deductions).toHaveLength(1);
    expect(deductions[0]).toMatchObject({ sourceType: 'supplier_invoice', activityId: f.activityId, baseCents: 30_000, rateBp: 1000, amountCents: 3_000 });
    expect(await linesOf(deductions[0]!.entryId!)).toEqual([
      expect.objectContaining({ account: '7588', debit: 3_000, credit: 0, activityId: null }),
      expect.objectContaining({ account: '6581', debit: 0, credit: 3_000, activityId: f.activityId }),
    ]);
    // Approving again is refused: the purchase and its deduction are booked once.
    expect((await staff.post(`/api/purchases/invoices/${inv.id}/approve`, {})).status).toBe(409);
    expect(await deductionsOf(inv.id)).toHaveLength(1);
    const audits = await t.database.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.entityId, inv.id)));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['supplier_invoice.approved', 'contribution.posted']));
    await coopBalanced();
  });

  it('a category outside the base deducts nothing, nor does an in-base purchase of the coop itself', async () => {
    const office = await approvedInvoice('office_supplies', f.activityId, 10_000);
    expect((await linesOf(office.purchaseEntryId))[0]).toMatchObject({ account: '6064', debit: 10_000 });
    expect(await deductionsOf(office.id)).toEqual([]);
    const own = await approvedInvoice('subcontracting', null, 20_000);
    expect((await linesOf(own.purchaseEntryId))[0]).toMatchObject({ account: '611', debit: 20_000, activityId: null });
    expect(await deductionsOf(own.id)).toEqual([]);
    await coopBalanced();
  });

  it('an inactive category cannot be chosen for a new line', async () => {
    const off = await staff.request('PATCH', `/api/expenses/categories/${cat.receptions!.id}`, { active: false });
    expect(off.status).toBe(200);
    const res = await staff.post('/api/purchases/invoices', {
      supplierId,
      number: 'ST-X',
      issueDate: today,
      lines: [{ label: 'Cocktail', spendingCategoryId: cat.receptions!.id, netCents: 1_000, vatRateBp: 2000, vatCents: 200 }],
      netCents: 1_000,
      vatCents: 200,
      grossCents: 1_200,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('lines.0.spendingCategoryId');
  });
});

describe("a supplier's page", { timeout: 120_000 }, () => {
  it('shows its 401 auxiliary account and what the coop owes it, and lists its invoices', async () => {
    const res = await staff.get(`/api/purchases/suppliers/${supplierId}`);
    expect(res.status).toBe(200);
    // Three approved invoices, none paid: 360 + 120 + 240 €.
    expect(res.body).toMatchObject({ name: 'Menuiserie Bernard', siren: '552032534', iban: 'FR7630006000011234567890189', auxiliaryNumber: expect.stringMatching(/^F\d{5}$/), balanceCents: 72_000 });
    const invoices = await staff.get(`/api/purchases/invoices?supplierId=${supplierId}`);
    expect(invoices.body.total).toBe(3);
    const renamed = await staff.request('PUT', `/api/purchases/suppliers/${supplierId}`, { name: 'Menuiserie Bernard & fils', siren: '552032534', iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Menuiserie Bernard & fils');
  });

  it('the list is searched by name or SIREN and exported as CSV', async () => {
    await staff.post('/api/purchases/suppliers', { name: 'Imprimerie Zola' });
    const found = await staff.get('/api/purchases/suppliers?q=bernard');
    expect(found.body.items.map((s: { name: string }) => s.name)).toEqual(['Menuiserie Bernard & fils']);
    expect((await staff.get('/api/purchases/suppliers?q=552032')).body.items).toHaveLength(1);
    const desc = await staff.get('/api/purchases/suppliers?sort=name&dir=desc');
    expect(desc.body.items.map((s: { name: string }) => s.name)).toEqual(['Imprimerie Zola', 'Menuiserie Bernard & fils'].sort().reverse());
    const csv = await staff.request('GET', '/api/purchases/suppliers/export.csv?q=bernard');
    expect(csv.status).toBe(200);
    expect(csv.raw).toContain('Menuiserie Bernard & fils;552032534');
    expect(csv.raw).not.toContain('Zola');
  });

  it("a member reads neither the suppliers nor a supplier's page", async () => {
    expect((await member.get('/api/purchases/suppliers')).status).toBe(403);
    expect((await member.get(`/api/purchases/suppliers/${supplierId}`)).status).toBe(403);
  });

  it('an unknown supplier is a 404, a malformed id a 400', async () => {
    expect((await staff.get(`/api/purchases/suppliers/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await staff.get('/api/purchases/suppliers/not-an-id')).status).toBe(400);
  });
});
