import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { actorFor } from '../../../test/support/invoicing-db-fixtures.js';
import { createPaymentsCoop, ISSUE_DAY } from '../../../test/support/payments-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { coops } from '../coops/schema.js';
import { createCreditNote, getInvoice } from '../invoicing/index.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { cancelPayment, recordPayment } from '../payments/index.js';
import { monthlyFloorJob, runMonthlyFloor } from './monthly-floor-job.js';
import { saveActivityContributionSettings } from './save-activity-contribution-settings.js';
import { saveContributionSettings } from './save-contribution-settings.js';
import { contributionPostings } from './schema.js';

/**
 * The cooperative contribution, posted for real: D 6581 on the activity / C 7588 to the coop's
 * funds, at validation or as the client pays, reversed by credit notes and cancelled payments,
 * bounded per invoice or per month. Runs on PGlite and PostgreSQL.
 */
let t: TestApp;
type Coop = Awaited<ReturnType<typeof createPaymentsCoop>>;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const db = () => t.database.db;
const admin = (f: Coop) => actorFor(f.coop.id, f.coop.admin.id, ['admin']);

/** Debit minus credit of an account (on one activity, or with none), over every entry posted. */
async function balanceOf(f: Coop, account: string, activityId: string | null): Promise<number> {
  const [row] = await db()
    .select({ total: sql<string>`coalesce(sum(${journalEntryLines.debitCents} - ${journalEntryLines.creditCents}), 0)` })
    .from(journalEntryLines)
    .where(
      and(
        eq(journalEntryLines.coopId, f.coop.id),
        eq(journalEntryLines.accountNumber, account),
        activityId === null ? sql`${journalEntryLines.activityId} is null` : eq(journalEntryLines.activityId, activityId),
      ),
    );
  return Number(row!.total);
}

/** The books of the coop add up: debits equal credits over all its entries. */
async function ledgerBalanced(f: Coop): Promise<boolean> {
  const [row] = await db()
    .select({ d: sql<string>`coalesce(sum(${journalEntryLines.debitCents}), 0)`, c: sql<string>`coalesce(sum(${journalEntryLines.creditCents}), 0)` })
    .from(journalEntryLines)
    .where(eq(journalEntryLines.coopId, f.coop.id));
  return row!.d === row!.c;
}

const contributionOf = async (f: Coop, invoiceId: string) => (await getInvoice(db(), f.staff, invoiceId)).contribution;
const setRate = (f: Coop, rateBp: number, basis: 'validation' | 'payment' = 'validation') =>
  db().update(coops).set({ contributionRateBp: rateBp, contributionBasis: basis }).where(eq(coops.id, f.coop.id));
const pay = (f: Coop, invoiceId: string, amountCents: number, date = '2026-06-25') =>
  recordPayment(db(), f.staff, { clientId: f.clientId, date, amountCents, mode: 'transfer', allocations: [{ invoiceId, amountCents }] });

describe('basis: at validation', () => {
  it('an invoice validated posts rate × its revenue excl. VAT to 6581 on the activity and 7588 to the coop, and the books stay balanced', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-validation');
    const inv = await f.issueInvoice({ netCents: 12_345 });
    // 10 % of 123.45 € = 12.345 €, rounded half-up to the cent.
    expect(await balanceOf(f, '6581', f.activityId)).toBe(1_235);
    expect(await balanceOf(f, '7588', null)).toBe(-1_235);
    expect(await ledgerBalanced(f)).toBe(true);
    expect(await contributionOf(f, inv.id)).toEqual({ amountCents: 1_235, rateBp: 1000, basis: 'validation' });
    const [entry] = await db()
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.coopId, f.coop.id), eq(journalEntries.sourceType, 'invoice_contribution'), eq(journalEntries.sourceId, inv.id)));
    expect(entry).toMatchObject({ journalCode: 'OD', entryDate: ISSUE_DAY });
    const [audit] = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.action, 'contribution.posted'), eq(auditLog.entityId, inv.id)));
    expect(audit).toBeTruthy();
    expect(JSON.stringify(audit!.changes)).toContain('1235');
  });

  it('changing the coop rate changes what the next invoice posts, not what was posted', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-rate-change');
    const before = await f.issueInvoice({ netCents: 100_000 });
    await setRate(f, 1500);
    const after = await f.issueInvoice({ netCents: 100_000 });
    expect(await contributionOf(f, before.id)).toMatchObject({ amountCents: 10_000, rateBp: 1000 });
    expect(await contributionOf(f, after.id)).toMatchObject({ amountCents: 15_000, rateBp: 1500 });
    expect(await balanceOf(f, '6581', f.activityId)).toBe(25_000);
  });

  it("an activity's own rate overrides the coop's, for that activity only", async () => {
    const f = await createPaymentsCoop(db(), 'contrib-override');
    await saveActivityContributionSettings(db(), f.staff, f.activityId, { rateBp: 450, boundsOverridden: false, floorCents: null, ceilingCents: null, boundPeriod: 'invoice' }, ISSUE_DAY);
    const own = await f.issueInvoice({ netCents: 100_001 });
    const other = await f.issueInvoice({ netCents: 100_000, activityId: f.otherActivityId });
    expect(await contributionOf(f, own.id)).toMatchObject({ amountCents: 4_500, rateBp: 450 }); // 4500.045
    expect(await contributionOf(f, other.id)).toMatchObject({ amountCents: 10_000, rateBp: 1000 });
  });

  it('a per-invoice floor and ceiling bound each invoice', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-invoice-bounds');
    await saveContributionSettings(db(), admin(f), { floorCents: 2_000, ceilingCents: 30_000, boundPeriod: 'invoice' }, ISSUE_DAY);
    const small = await f.issueInvoice({ netCents: 5_000 });
    const large = await f.issueInvoice({ netCents: 1_000_000 });
    expect((await contributionOf(f, small.id))!.amountCents).toBe(2_000);
    expect((await contributionOf(f, large.id))!.amountCents).toBe(30_000);
  });
});

describe('credit notes', () => {
  it('a partial credit note reverses the contribution in proportion, a full one brings it to exactly 0', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-credit');
    const inv = await f.issueInvoice({ netCents: 100_000 });
    const line = (net: number) => ({ description: 'Prestation', quantityMilli: 1000, unit: 'C62', unitPriceCents: net, vatCategory: 'S' as const, vatRateBp: 2000 });
    await createCreditNote(db(), f.staff, inv.id, { lines: [line(25_000)] }, '2026-06-22');
    expect((await contributionOf(f, inv.id))!.amountCents).toBe(7_500);
    await createCreditNote(db(), f.staff, inv.id, { lines: [line(75_000)] }, '2026-06-23');
    expect((await contributionOf(f, inv.id))!.amountCents).toBe(0);
    expect(await balanceOf(f, '6581', f.activityId)).toBe(0);
    expect(await balanceOf(f, '7588', null)).toBe(0);
    expect(await ledgerBalanced(f)).toBe(true);
  });
});

describe('basis: as the client pays', () => {
  it('nothing at validation, then in proportion of each payment; paid in full, exactly the full contribution', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-payment');
    await setRate(f, 1000, 'payment');
    const inv = await f.issueInvoice({ netCents: 12_345 }); // 148.14 € incl. VAT
    expect(await contributionOf(f, inv.id)).toBeNull();
    expect(await balanceOf(f, '6581', f.activityId)).toBe(0);
    await pay(f, inv.id, 5_000);
    // 12.35 € × 50 / 148.14 = 4.168… → 4.17 €
    expect((await contributionOf(f, inv.id))!.amountCents).toBe(417);
    await pay(f, inv.id, 3_333, '2026-07-02');
    await pay(f, inv.id, inv.grossCents - 8_333, '2026-07-03');
    expect(await contributionOf(f, inv.id)).toEqual({ amountCents: 1_235, rateBp: 1000, basis: 'payment' });
    expect(await balanceOf(f, '6581', f.activityId)).toBe(1_235);
    expect(await ledgerBalanced(f)).toBe(true);
  });

  it('a cancelled payment reverses exactly what it posted, by a reversing entry', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-payment-cancel');
    await setRate(f, 1000, 'payment');
    const inv = await f.issueInvoice({ netCents: 100_000 });
    await pay(f, inv.id, 60_000);
    const second = await pay(f, inv.id, 30_000);
    expect((await contributionOf(f, inv.id))!.amountCents).toBe(7_500);
    await cancelPayment(db(), f.staff, second.id, { reason: 'Saisie en double' }, '2026-06-26');
    expect((await contributionOf(f, inv.id))!.amountCents).toBe(5_000);
    const reversals = await db()
      .select()
      .from(journalEntries)
      .where(and(eq(journalEntries.coopId, f.coop.id), eq(journalEntries.sourceType, 'invoice_contribution'), sql`${journalEntries.reversesEntryId} is not null`));
    expect(reversals).toHaveLength(1);
    // Paid again in full: the invoice ends with its full contribution.
    await pay(f, inv.id, inv.grossCents - 60_000);
    expect((await contributionOf(f, inv.id))!.amountCents).toBe(10_000);
    expect(await ledgerBalanced(f)).toBe(true);
  });

  it('a credit note on an unpaid remainder takes nothing back of what the payments bore', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-payment-credit');
    await setRate(f, 1000, 'payment');
    const inv = await f.issueInvoice({ netCents: 100_000 }); // 1,200 € incl. VAT
    await pay(f, inv.id, 60_000);
    expect((await contributionOf(f, inv.id))!.amountCents).toBe(5_000);
    const line = { description: 'Remise', quantityMilli: 1000, unit: 'C62', unitPriceCents: 50_000, vatCategory: 'S' as const, vatRateBp: 2000 };
    await createCreditNote(db(), f.staff, inv.id, { lines: [line] }, '2026-06-27');
    expect((await contributionOf(f, inv.id))!.amountCents).toBe(5_000);
  });
});

describe('per-month bounds', () => {
  it('a monthly ceiling: later invoices of the month get less, down to 0; the next month starts again', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-month-ceiling');
    await saveContributionSettings(db(), admin(f), { floorCents: null, ceilingCents: 15_000, boundPeriod: 'month' }, ISSUE_DAY);
    const a = await f.issueInvoice({ netCents: 100_000, day: '2026-06-20' });
    const b = await f.issueInvoice({ netCents: 100_000, day: '2026-06-21' });
    const c = await f.issueInvoice({ netCents: 100_000, day: '2026-06-22' });
    const d = await f.issueInvoice({ netCents: 100_000, day: '2026-07-01' });
    expect((await contributionOf(f, a.id))!.amountCents).toBe(10_000);
    expect((await contributionOf(f, b.id))!.amountCents).toBe(5_000);
    expect((await contributionOf(f, c.id))!.amountCents).toBe(0);
    expect((await contributionOf(f, d.id))!.amountCents).toBe(10_000);
    // Another activity has its own month.
    const other = await f.issueInvoice({ netCents: 100_000, day: '2026-06-22', activityId: f.otherActivityId });
    expect((await contributionOf(f, other.id))!.amountCents).toBe(10_000);
    expect(await ledgerBalanced(f)).toBe(true);
  });

  it('a monthly floor tops the month up at month end, once however often the job runs', async () => {
    const f = await createPaymentsCoop(db(), 'contrib-month-floor');
    await saveActivityContributionSettings(db(), f.staff, f.activityId, { rateBp: null, boundsOverridden: true, floorCents: 20_000, ceilingCents: null, boundPeriod: 'month' }, '2026-07-05');
    await f.issueInvoice({ netCents: 50_000, day: '2026-07-10' });
    const system = { coopId: f.coop.id, userId: null };
    expect(await runMonthlyFloor(db(), system, '2026-07')).toEqual([{ activityId: f.activityId, amountCents: 15_000 }]);
    expect(await runMonthlyFloor(db(), system, '2026-07')).toEqual([]);
    // The job queued when the floor was saved runs the same, and posts nothing more.
    const handler = monthlyFloorJob(db());
    await handler({ coopId: f.coop.id, id: crypto.randomUUID(), kind: 'contribution.monthly_floor', payload: { month: '2026-07' }, attempts: 0 });
    const topUps = await db()
      .select()
      .from(contributionPostings)
      .where(and(eq(contributionPostings.coopId, f.coop.id), eq(contributionPostings.cause, 'monthly_floor')));
    expect(topUps).toHaveLength(1);
    expect(topUps[0]).toMatchObject({ activityId: f.activityId, month: '2026-07', postedOn: '2026-07-31', amountCents: 15_000 });
    expect(await balanceOf(f, '6581', f.activityId)).toBe(20_000);
    // The other activity follows the coop, which has no floor.
    expect(await balanceOf(f, '6581', f.otherActivityId)).toBe(0);
  });
});

describe('who sees it', () => {
  let f: Coop;
  let member: TestClient;
  let staff: TestClient;
  let mine: { id: string };
  beforeAll(async () => {
    f = await createPaymentsCoop(db(), 'contrib-scope');
    mine = await f.issueInvoice({ netCents: 20_000 });
    await f.issueInvoice({ netCents: 30_000, activityId: f.otherActivityId });
    member = t.client();
    await member.login(f.coop.member.email, DEMO_PASSWORD);
    staff = t.client();
    await staff.login(f.coop.staff.email, DEMO_PASSWORD);
  });

  it("the member reads her invoice's contribution and her activity's year, not another activity's", async () => {
    const invoice = await member.get(`/api/invoices/${mine.id}`);
    expect(invoice.status).toBe(200);
    expect(invoice.body.contribution).toEqual({ amountCents: 2_000, rateBp: 1000, basis: 'validation' });
    const own = await member.get(`/api/contribution/activities/${f.activityId}?year=2026`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ year: 2026, yearAmountCents: 2_000, effective: { rateBp: 1000, basis: 'validation' } });
    const theirs = await member.get(`/api/contribution/activities/${f.otherActivityId}?year=2026`);
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain('3000');
  });

  it('only the team sets an activity rate, only an admin the coop bounds, and bad bounds are a 400 naming the field', async () => {
    const body = { rateBp: 800, boundsOverridden: false, floorCents: null, ceilingCents: null, boundPeriod: 'invoice' };
    expect((await member.put(`/api/contribution/activities/${f.activityId}/settings`, body)).status).toBe(403);
    expect((await staff.put(`/api/contribution/activities/${f.activityId}/settings`, body)).status).toBe(200);
    expect((await staff.put(`/api/contribution/activities/${f.activityId}/settings`, { ...body, rateBp: 10_001 })).status).toBe(400);
    expect((await staff.put(`/api/contribution/settings`, { floorCents: 1, ceilingCents: 2, boundPeriod: 'invoice' })).status).toBe(403);
    const adminClient = t.client();
    await adminClient.login(f.coop.admin.email, DEMO_PASSWORD);
    const bad = await adminClient.put(`/api/contribution/settings`, { floorCents: 5_000, ceilingCents: 1_000, boundPeriod: 'month' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((x: { path: string }) => x.path)).toContain('floorCents');
    const ok = await adminClient.put(`/api/contribution/settings`, { floorCents: 1_000, ceilingCents: 5_000, boundPeriod: 'month' });
    expect(ok.status).toBe(200);
    expect((await member.get('/api/contribution/settings')).body).toEqual({ floorCents: 1_000, ceilingCents: 5_000, boundPeriod: 'month' });
    const unknown = await staff.put(`/api/contribution/activities/${crypto.randomUUID()}/settings`, body);
    expect(unknown.status).toBe(404);
  });
});
