import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { actorFor } from '../../../test/support/invoicing-db-fixtures.js';
import { createPaymentsCoop, ISSUE_DAY } from '../../../test/support/payments-fixtures.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { validateInvoice } from '../invoicing/index.js';
import { cancelPayment, recordPayment } from '../payments/index.js';
import { createDraftQuote, invoiceQuote, validateQuote } from '../quotes/index.js';
import { quotes } from '../quotes/schema.js';
import { approveAdvance } from './approve-advance.js';
import { endowFund } from './endow-fund.js';
import { fundPosition } from './fund-position.js';
import { updateFundSettings } from './fund-settings.js';
import { grantLoan, POST_LOAN_INSTALLMENT } from './grant-loan.js';
import { getAdvance } from './list-advances.js';
import { getLoan } from './list-loans.js';
import { postLoanInstallmentJob } from './post-loan-installment.js';
import { refuseAdvance } from './refuse-advance.js';
import { requestAdvance } from './request-advance.js';
import { writeOffAdvance } from './write-off-advance.js';
import { DEFAULT_FUND_SETTINGS } from './domain/fund-settings.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
const TODAY = '2026-11-15';

beforeAll(async () => {
  t = await createTestApp();
  f = await createPaymentsCoop(t.database.db, 'advances');
  const admin = actorFor(f.coop.id, f.coop.admin.id, ['admin']);
  await endowFund(t.database.db, admin, { amountCents: 1_000_000, date: '2026-06-15', source: 'reserves' });
  // Every member's ceiling is her whole year's revenue here, so the invoice share is what binds.
  await t.database.db.transaction((tx) => updateFundSettings(tx, admin, { ...DEFAULT_FUND_SETTINGS, ceilingRevenueShareBp: 10_000, ceilingMaxCents: 100_000_000 }));
  // Migrations on an embedded database, on two cores other work shares: more than the default minute.
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const db = () => t.database.db;

/** Debits equal credits over the coop's whole ledger, and in every entry. */
async function expectBalancedLedger() {
  const rows = await db()
    .select({ entryId: journalEntryLines.entryId, d: sql<number>`sum(${journalEntryLines.debitCents})`.mapWith(Number), c: sql<number>`sum(${journalEntryLines.creditCents})`.mapWith(Number) })
    .from(journalEntryLines)
    .where(eq(journalEntryLines.coopId, f.coop.id))
    .groupBy(journalEntryLines.entryId);
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r.d).toBe(r.c);
}

/** The balance (debit − credit) of an account, on one activity or on none. */
async function balance(account: string, activityId: string | null) {
  const [row] = await db()
    .select({ b: sql<number>`coalesce(sum(${journalEntryLines.debitCents} - ${journalEntryLines.creditCents}), 0)`.mapWith(Number) })
    .from(journalEntryLines)
    .where(and(eq(journalEntryLines.coopId, f.coop.id), eq(journalEntryLines.accountNumber, account), activityId ? eq(journalEntryLines.activityId, activityId) : sql`${journalEntryLines.activityId} is null`));
  return row!.b;
}

const pay = (invoiceId: string, amountCents: number, date: string) =>
  recordPayment(db(), f.staff, { clientId: f.clientId, date, amountCents, mode: 'transfer', allocations: [{ invoiceId, amountCents }] });

describe('an advance on an invoice, from the fund, settled by the client', () => {
  it('the endowment is own funds moved to 1068, and the fund shows it', async () => {
    expect(await balance('1068', null)).toBe(-1_000_000);
    expect(await balance('106', null)).toBe(1_000_000);
    expect((await fundPosition(db(), f.coop.id)).availableCents).toBe(1_000_000);
    await expectBalancedLedger();
  });

  it('is paid on approval, settled by the partial then the full payment, re-opened by a cancelled payment, then written off', async () => {
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    await expect(requestAdvance(db(), f.memberActor, { invoiceId: invoice.id, amountCents: 80_001 }, TODAY)).rejects.toMatchObject({ code: 'ABOVE_INVOICE_SHARE' });
    const { id } = await requestAdvance(db(), f.memberActor, { invoiceId: invoice.id, amountCents: 80_000 }, TODAY);
    await expect(requestAdvance(db(), f.memberActor, { invoiceId: invoice.id, amountCents: 1_000 }, TODAY)).rejects.toMatchObject({ code: 'ALREADY_ADVANCED' });

    await approveAdvance(db(), f.staff, id, TODAY);
    expect(await balance('4675', f.activityId)).toBe(80_000);
    expect(await balance('6278', f.activityId)).toBe(1_600);
    expect(await fundPosition(db(), f.coop.id)).toMatchObject({ outstandingCents: 80_000, feesEarnedCents: 1_600, availableCents: 1_000_000 + 1_600 - 80_000 });
    await expectBalancedLedger();
    await expect(approveAdvance(db(), f.staff, id, TODAY)).rejects.toMatchObject({ code: 'ADVANCE_NOT_REQUESTED' });

    await pay(invoice.id, invoice.grossCents / 2, '2026-11-20');
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'paid', settledCents: 40_000, outstandingCents: 40_000 });
    expect(await balance('4675', f.activityId)).toBe(40_000);
    await expectBalancedLedger();

    const second = await pay(invoice.id, invoice.grossCents / 2, '2026-11-25');
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'settled', settledCents: 80_000, outstandingCents: 0 });
    expect(await balance('4675', f.activityId)).toBe(0);
    expect((await fundPosition(db(), f.coop.id)).outstandingCents).toBe(0);
    await expectBalancedLedger();

    await cancelPayment(db(), f.staff, second.id, { reason: 'Virement rejeté' }, '2026-11-26');
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'paid', settledCents: 40_000, outstandingCents: 40_000 });
    expect(await balance('4675', f.activityId)).toBe(40_000);
    const reversals = await db()
      .select({ id: journalEntries.id })
      .from(journalEntries)
      .where(and(eq(journalEntries.coopId, f.coop.id), eq(journalEntries.sourceType, 'advance_settlement'), sql`${journalEntries.reversesEntryId} is not null`));
    expect(reversals).toHaveLength(1);
    await expectBalancedLedger();

    // Due 2026-07-20: written off no sooner than 90 days later.
    await expect(writeOffAdvance(db(), f.staff, id, 'Client en liquidation', '2026-10-17')).rejects.toMatchObject({ code: 'WRITE_OFF_TOO_EARLY' });
    const before = (await fundPosition(db(), f.coop.id)).availableCents;
    await writeOffAdvance(db(), f.staff, id, 'Client en liquidation', '2026-11-30');
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'written_off', writtenOffCents: 40_000, outstandingCents: 0, reason: 'Client en liquidation' });
    const after = await fundPosition(db(), f.coop.id);
    expect(after).toMatchObject({ writtenOffCents: 40_000, outstandingCents: 0 });
    // The money had left the fund when the advance was paid: the write-off does not take it twice.
    expect(after.availableCents).toBe(before);
    expect(await balance('4675', f.activityId)).toBe(0);
    await expectBalancedLedger();
  });

  it('a refused advance posts nothing and frees the invoice for another request', async () => {
    const invoice = await f.issueInvoice({ netCents: 10_000 });
    const { id } = await requestAdvance(db(), f.memberActor, { invoiceId: invoice.id, amountCents: 5_000 }, TODAY);
    await refuseAdvance(db(), f.staff, id, 'Client inconnu du fonds');
    expect(await getAdvance(db(), f.memberActor, id)).toMatchObject({ status: 'refused', reason: 'Client inconnu du fonds' });
    await expect(requestAdvance(db(), f.memberActor, { invoiceId: invoice.id, amountCents: 5_000 }, TODAY)).resolves.toBeTruthy();
  });

  it("refuses above the member's ceiling and beyond what the fund keeps, checked again at approval", async () => {
    const admin = actorFor(f.coop.id, f.coop.admin.id, ['admin']);
    const invoice = await f.issueInvoice({ netCents: 50_000 });
    await db().transaction((tx) => updateFundSettings(tx, admin, { ...DEFAULT_FUND_SETTINGS, ceilingRevenueShareBp: 10_000, ceilingMaxCents: 1_000 }));
    await expect(requestAdvance(db(), f.memberActor, { invoiceId: invoice.id, amountCents: 20_000 }, TODAY)).rejects.toMatchObject({ code: 'ABOVE_MEMBER_CEILING' });
    await db().transaction((tx) => updateFundSettings(tx, admin, { ...DEFAULT_FUND_SETTINGS, ceilingRevenueShareBp: 10_000, ceilingMaxCents: 100_000_000 }));
    const { id } = await requestAdvance(db(), f.memberActor, { invoiceId: invoice.id, amountCents: 20_000 }, TODAY);
    // The fund's rules change between the request and the approval: the approval sees them.
    const available = (await fundPosition(db(), f.coop.id)).availableCents;
    await db().transaction((tx) => updateFundSettings(tx, admin, { ...DEFAULT_FUND_SETTINGS, ceilingRevenueShareBp: 10_000, ceilingMaxCents: 100_000_000, minBalanceCents: available - 19_999 }));
    await expect(approveAdvance(db(), f.staff, id, TODAY)).rejects.toMatchObject({ code: 'FUND_INSUFFICIENT' });
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'requested' });
    await db().transaction((tx) => updateFundSettings(tx, admin, { ...DEFAULT_FUND_SETTINGS, ceilingRevenueShareBp: 10_000, ceilingMaxCents: 100_000_000 }));
  });
});

/**
 * A quote of 2 000,00 € HT (2 400,00 € TTC) on the member's activity, validated, then accepted
 * by the client: online (the portal stamps his address) or on paper (recorded by the team).
 */
async function acceptedQuote(how: 'online' | 'paper') {
  const { id } = await createDraftQuote(
    db(),
    f.staff,
    { activityId: f.activityId, clientId: f.clientId, validUntil: '2026-12-31', notes: null, lines: [{ description: 'Refonte du site', quantityMilli: 1000, unit: 'C62', unitPriceCents: 200_000, vatCategory: 'S', vatRateBp: 2000 }] },
    '2026-06-01',
  );
  await validateQuote(db(), f.staff, id, '2026-06-01');
  // The client's acceptance, as the portal (or the team for a signed paper) records it: set up directly, the quote journeys test those.
  await db()
    .update(quotes)
    .set({ status: 'accepted', acceptedAt: new Date('2026-06-02T10:00:00Z'), acceptedByName: 'Client', acceptedIp: how === 'online' ? '203.0.113.7' : null })
    .where(and(eq(quotes.coopId, f.coop.id), eq(quotes.id, id)));
  return id;
}

/** Issued on the coop's usual issue day, so the invoice series stays in date order for the other tests. */
async function issueFromQuote(quoteId: string, body: Parameters<typeof invoiceQuote>[3], day = ISSUE_DAY) {
  const { invoiceId, grossCents } = await invoiceQuote(db(), f.staff, quoteId, body, day);
  await validateInvoice(db(), f.staff, invoiceId, day);
  return { id: invoiceId, grossCents };
}

describe('an advance on a quote the client accepted', () => {
  const admin = () => actorFor(f.coop.id, f.coop.admin.id, ['admin']);
  const generous = { ...DEFAULT_FUND_SETTINGS, ceilingRevenueShareBp: 10_000, ceilingMaxCents: 100_000_000 };
  // The member's year of revenue, her ceiling here: enough that the quote's share is what binds.
  beforeAll(async () => {
    await f.issueInvoice({ netCents: 500_000 });
  });

  it("follows the coop's rule on quotes accepted online, and the fund's share of what is not yet paid", async () => {
    const onPaper = await acceptedQuote('paper');
    await db().transaction((tx) => updateFundSettings(tx, admin(), { ...generous, quotesAcceptedOnlineOnly: true }));
    try {
      await expect(requestAdvance(db(), f.memberActor, { quoteId: onPaper, amountCents: 10_000 }, TODAY)).rejects.toMatchObject({ code: 'QUOTE_NOT_ACCEPTED_ONLINE' });
      const online = await acceptedQuote('online');
      // 80 % of 2 000,00 € HT not yet paid.
      await expect(requestAdvance(db(), f.memberActor, { quoteId: online, amountCents: 160_001 }, TODAY)).rejects.toMatchObject({ code: 'ABOVE_INVOICE_SHARE' });
      const { id } = await requestAdvance(db(), f.memberActor, { quoteId: online, amountCents: 100_000 }, TODAY);
      await refuseAdvance(db(), f.staff, id, 'Test de la règle');
    } finally {
      await db().transaction((tx) => updateFundSettings(tx, admin(), generous));
    }
    // Without the rule, a quote signed on paper may be advanced.
    const { id } = await requestAdvance(db(), f.memberActor, { quoteId: onPaper, amountCents: 10_000 }, TODAY);
    await refuseAdvance(db(), f.staff, id, 'Test de la règle');
  });

  it('is paid on approval, never advanced twice through its invoices, and settled as the invoices of the quote are paid', async () => {
    const quoteId = await acceptedQuote('online');
    const { id } = await requestAdvance(db(), f.memberActor, { quoteId, amountCents: 100_000 }, TODAY);
    await expect(requestAdvance(db(), f.memberActor, { quoteId, amountCents: 1_000 }, TODAY)).rejects.toMatchObject({ code: 'ALREADY_ADVANCED' });
    const before4675 = await balance('4675', f.activityId);
    await approveAdvance(db(), f.staff, id, TODAY);
    expect(await getAdvance(db(), f.memberActor, id)).toMatchObject({ status: 'paid', quoteId, invoiceId: null, amountCents: 100_000, feeCents: 2_000 });
    expect(await balance('4675', f.activityId)).toBe(before4675 + 100_000);
    await expectBalancedLedger();

    // A 30 % deposit invoice (720,00 € TTC), paid: 30 % of the advance is settled.
    const deposit = await issueFromQuote(quoteId, { kind: 'deposit', percentBp: 3000 });
    expect(deposit.grossCents).toBe(72_000);
    await pay(deposit.id, deposit.grossCents, '2026-11-17');
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'paid', settledCents: 30_000, outstandingCents: 70_000 });

    // The balance invoice belongs to an advanced quote: it cannot be advanced again.
    const rest = await issueFromQuote(quoteId, { kind: 'balance' });
    expect(rest.grossCents).toBe(168_000);
    await expect(requestAdvance(db(), f.memberActor, { invoiceId: rest.id, amountCents: 1_000 }, TODAY)).rejects.toMatchObject({ code: 'ALREADY_ADVANCED' });

    // Half of it paid: (720 + 840) / 2 400 = 65 % of the advance.
    await pay(rest.id, 84_000, '2026-11-20');
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'paid', settledCents: 65_000 });
    // The whole quote paid: the advance is settled in full, the activity owes the fund nothing.
    await pay(rest.id, 84_000, '2026-11-25');
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'settled', settledCents: 100_000, outstandingCents: 0 });
    expect(await balance('4675', f.activityId)).toBe(before4675);
    await expectBalancedLedger();
  });

  it('is written off as for an invoice, once the last invoice of the quote is overdue long enough, and not before any is issued', async () => {
    const quoteId = await acceptedQuote('online');
    const { id } = await requestAdvance(db(), f.memberActor, { quoteId, amountCents: 50_000 }, TODAY);
    await approveAdvance(db(), f.staff, id, TODAY);
    await expect(writeOffAdvance(db(), f.staff, id, 'Client disparu', '2026-11-30')).rejects.toMatchObject({ code: 'WRITE_OFF_TOO_EARLY' });
    // Invoiced whole on 2026-06-20, due 2026-07-20: from 90 days after that, recovery may be given up.
    await issueFromQuote(quoteId, { kind: 'whole' });
    await expect(writeOffAdvance(db(), f.staff, id, 'Client disparu', '2026-10-17')).rejects.toMatchObject({ code: 'WRITE_OFF_TOO_EARLY' });
    const before = await balance('4675', f.activityId);
    await writeOffAdvance(db(), f.staff, id, 'Client disparu', '2026-11-30');
    expect(await getAdvance(db(), f.staff, id)).toMatchObject({ status: 'written_off', writtenOffCents: 50_000, outstandingCents: 0 });
    expect(await balance('4675', f.activityId)).toBe(before - 50_000);
    await expectBalancedLedger();
  });
});

describe('a loan to an activity', () => {
  it('raises its 4677 by the principal, and each monthly installment is taken once however often its job runs', async () => {
    const { id } = await grantLoan(db(), f.staff, { activityId: f.activityId, kind: 'treasury', principalCents: 30_001, rateBp: 0, installmentCount: 3, startMonth: '2026-09', grantDate: '2026-08-20' });
    expect(await balance('4677', f.activityId)).toBe(30_001);
    const loan = await getLoan(db(), f.staff, id);
    expect(loan.installments.map((i) => i.principalCents)).toEqual([10_000, 10_000, 10_001]);

    const handler = postLoanInstallmentJob(db());
    const job = { coopId: f.coop.id, id: 'x', kind: POST_LOAN_INSTALLMENT, payload: { loanId: id, seq: 1 }, attempts: 0 };
    await handler(job);
    await handler(job);
    expect(await balance('4677', f.activityId)).toBe(20_001);
    const posted = await db()
      .select({ id: journalEntries.id })
      .from(journalEntries)
      .where(and(eq(journalEntries.coopId, f.coop.id), eq(journalEntries.sourceType, 'loan_installment'), eq(journalEntries.sourceId, id)));
    expect(posted).toHaveLength(1);

    // The runner takes the installments whose month has come, once each, and leaves the next one queued.
    await t.app.deps.jobs.runDueJobs(new Date('2026-10-15T12:00:00Z'));
    await t.app.deps.jobs.runDueJobs(new Date('2026-10-15T12:00:00Z'));
    expect(await balance('4677', f.activityId)).toBe(10_001);
    expect((await getLoan(db(), f.staff, id)).installments.map((i) => i.posted)).toEqual([true, true, false]);
    await expectBalancedLedger();
  });

  it('with interest: the interest is charged to the activity and earned by the coop', async () => {
    const { id } = await grantLoan(db(), f.staff, { activityId: f.otherActivityId, kind: 'micro_credit', principalCents: 120_000, rateBp: 600, installmentCount: 12, startMonth: '2026-09', grantDate: '2026-08-20' });
    await postLoanInstallmentJob(db())({ coopId: f.coop.id, id: 'y', kind: POST_LOAN_INSTALLMENT, payload: { loanId: id, seq: 1 }, attempts: 0 });
    expect(await balance('6611', f.otherActivityId)).toBe(600);
    expect(await balance('7638', null)).toBe(-600);
    await expectBalancedLedger();
  });
});

describe('who sees advances and loans', () => {
  let member: TestClient;
  let staff: TestClient;
  let theirs: string;
  let mine: string;

  beforeAll(async () => {
    member = t.client();
    await member.login(f.coop.member.email, DEMO_PASSWORD);
    staff = t.client();
    await staff.login(f.coop.staff.email, DEMO_PASSWORD);
    const other = await f.issueInvoice({ netCents: 20_000, activityId: f.otherActivityId });
    // The team asks on behalf of Oscar, the other activity's holder.
    theirs = (await requestAdvance(db(), f.staff, { invoiceId: other.id, amountCents: 1_000 }, TODAY)).id;
    const own = await f.issueInvoice({ netCents: 20_000 });
    mine = (await requestAdvance(db(), f.memberActor, { invoiceId: own.id, amountCents: 1_000 }, TODAY)).id;
  });

  it("a member cannot read another member's advance or loan, nor find them in her lists", async () => {
    expect((await member.get(`/api/advances/${theirs}`)).status).toBe(404);
    expect((await member.get(`/api/advances/${mine}`)).status).toBe(200);
    const list = await member.get('/api/advances');
    expect(list.status).toBe(200);
    const ids = (list.body as { id: string; activityId: string }[]).map((a) => a.id);
    expect(ids).toContain(mine);
    expect(ids).not.toContain(theirs);
    expect((list.body as { activityId: string }[]).every((a) => a.activityId === f.activityId)).toBe(true);
    const loans = await member.get('/api/advances/loans');
    expect((loans.body as { activityId: string }[]).length).toBeGreaterThan(0);
    expect((loans.body as { activityId: string }[]).every((l) => l.activityId === f.activityId)).toBe(true);
    expect((await staff.get(`/api/advances/${theirs}`)).status).toBe(200);
  });

  it("a member cannot ask an advance on another member's invoice, nor approve her own", async () => {
    const other = await f.issueInvoice({ netCents: 20_000, activityId: f.otherActivityId });
    expect((await member.post('/api/advances', { invoiceId: other.id, amountCents: 1_000 })).status).toBe(404);
    expect((await member.post(`/api/advances/${mine}/approve`, {})).status).toBe(403);
    expect((await member.get('/api/advances/fund')).status).toBe(403);
  });

  it('the API names the rule that refuses, as a 409 with its code', async () => {
    const own = await f.issueInvoice({ netCents: 10_000 });
    const res = await member.post('/api/advances', { invoiceId: own.id, amountCents: 9_000 });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: 'ABOVE_INVOICE_SHARE', fields: [{ path: 'amountCents' }] } });
    expect((await member.post('/api/advances', { invoiceId: own.id, amountCents: -5 })).status).toBe(400);
    // An advance is on an invoice or a quote, never both nor neither.
    const both = await member.post('/api/advances', { invoiceId: own.id, quoteId: own.id, amountCents: 1_000 });
    expect(both.status).toBe(400);
    expect(both.body.error.fields.map((x: { path: string }) => x.path)).toContain('invoiceId');
    expect((await member.post('/api/advances', { amountCents: 1_000 })).status).toBe(400);
  });
});
