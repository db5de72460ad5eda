import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { buildCamt053 } from '../../../test/support/camt053-builder.js';
import { createTestCoop, DEMO_PASSWORD, siretFor, sirenFor } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { jobs } from '../../platform/jobs/schema.js';
import { todayInFrance } from '../../platform/calendar/index.js';
import { createActivity } from '../activities/index.js';
import { ensureDefaultBankAccount } from '../banking/index.js';
import { bankStatementLines } from '../banking/schema.js';
import { memberInvoices } from '../independents/schema.js';
import { ACCOUNTS, JOURNALS, postEntry } from '../ledger/index.js';
import { journalEntryLines } from '../ledger/schema.js';
import { members } from '../members/schema.js';
import { salaryRequests } from '../salaries/schema.js';
import { payoutBatches, payoutItems } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staffA: TestClient;
let accountantA: TestClient;
let adminA: TestClient;
let memberA: TestClient;
let staffB: TestClient;
let mia: { id: string };
let miaActivity: string;
let bankAccountId: string;

const today = todayInFrance(new Date());
const COOP_IBAN = 'FR7630006000011234567890189';
const MIA_IBAN = 'FR1420041010050500013M02606';

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** Every file a test builds goes under .tmp/sepa/, where scripts/validate-sepa.sh checks it against its XSD. */
function keep(name: string, xml: string) {
  const dir = path.resolve('.tmp/sepa');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}-${process.env.TEST_DB ?? 'pglite'}.xml`), xml);
}

/** A member invoice of Mia, validated: owed on 401. */
async function validatedMemberInvoice(netCents: number): Promise<string> {
  const res = await memberA.post('/api/independents/member-invoices', { activityId: miaActivity, netCents, vatRegime: 'franchise', vatRateBp: 0, iban: MIA_IBAN, description: 'Mission', serviceDate: today });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect((await staffA.post(`/api/independents/member-invoices/${res.body.id}/validate`, {})).status).toBe(200);
  return res.body.id;
}

/** A validated salary of Mia: its SA entry credits the net on 421 (as the salaries module books it). */
async function validatedSalary(month: string, netCents: number): Promise<string> {
  const actor = { coopId: a.id, userId: a.admin.id };
  const gross = netCents + 2_000;
  const entry = await t.database.db.transaction((tx) =>
    postEntry(tx, actor, {
      journal: JOURNALS.salaries,
      date: today,
      label: 'Salaire',
      source: { type: 'test_salary' },
      lines: [
        { account: ACCOUNTS.grossSalaries, debitCents: gross, activityId: miaActivity },
        { account: ACCOUNTS.salariesPayable, creditCents: netCents, activityId: miaActivity },
        { account: ACCOUNTS.socialContributions, creditCents: 2_000, activityId: miaActivity },
      ],
    }),
  );
  const [row] = await t.database.db
    .insert(salaryRequests)
    .values({ coopId: a.id, activityId: miaActivity, memberId: mia.id, month, grossCents: gross, employerContributionsCents: 0, employerCostCents: gross, employeeContributionsCents: 2_000, netCents, employerRateBp: 0, employeeRateBp: 1000, status: 'validated', requestedBy: a.admin.id, decidedBy: a.admin.id, decidedAt: new Date(), entryId: entry.id })
    .returning();
  return row!.id;
}

const itemsOf = (batchId: string) => t.database.db.select().from(payoutItems).where(and(eq(payoutItems.coopId, a.id), eq(payoutItems.batchId, batchId))).orderBy(payoutItems.endToEndId);

async function importStatement(statementId: string, entries: Parameters<typeof buildCamt053>[0]['entries']) {
  const xml = buildCamt053({ iban: COOP_IBAN, statementId, entries });
  const res = await accountantA.upload('/api/bank/statements', { filename: `${statementId}.xml`, contentType: 'application/xml', bytes: Buffer.from(xml) }, { format: 'camt053' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const run = await t.app.deps.jobs.runDueJobs();
  // The matcher ran, and did not fail (a failure would be retried silently later).
  const failing = await t.database.db.select({ kind: jobs.kind, lastError: jobs.lastError }).from(jobs).where(and(eq(jobs.coopId, a.id), sql`${jobs.lastError} is not null`));
  expect(failing).toEqual([]);
  expect(run.done).toBeGreaterThan(0);
}

async function ledgerBalanced() {
  const [row] = await t.database.db
    .select({ d: sql<string>`coalesce(sum(${journalEntryLines.debitCents}), 0)`, c: sql<string>`coalesce(sum(${journalEntryLines.creditCents}), 0)` })
    .from(journalEntryLines)
    .where(eq(journalEntryLines.coopId, a.id));
  return Number(row!.d) === Number(row!.c);
}

async function setSecondApproval(on: boolean) {
  expect((await adminA.put('/api/payouts/settings', { secondApproval: on })).status).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'payouts-a');
  b = await createTestCoop(t.database.db, 'payouts-b');
  await setUpLedger(t.database.db, a.id);
  const m = await addMember(t.database.db, a, { membershipType: 'independent', companyName: 'Studio Mia', siret: siretFor(sirenFor(5150)), firstName: 'Mia', lastName: 'Lefèvre', email: a.member.email, userId: a.member.id });
  await t.database.db.update(members).set({ status: 'active', addressLine1: '3 rue du Port', postalCode: '44000', city: 'Nantes' }).where(and(eq(members.coopId, a.id), eq(members.id, m.id)));
  mia = m;
  miaActivity = (await t.database.db.transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Studio Mia', holders: [{ memberId: m.id, shareBp: 10_000 }] }))).id;
  [staffA, accountantA, adminA, memberA, staffB] = await Promise.all([login(a.staff.email), login(a.accountant.email), login(a.admin.email), login(a.member.email), login(b.staff.email)]);
  const [account] = await t.database.db.transaction((tx) => ensureDefaultBankAccount(tx, { coopId: a.id, userId: a.admin.id }));
  bankAccountId = account!.id;
}, 180_000);
afterAll(() => t.close());

describe('the payee’s bank details', () => {
  it('a member gives their IBAN and BIC, checked mod 97 and by form; a wrong one is a 400 naming the field', async () => {
    const bad = await memberA.patch(`/api/members/${mia.id}`, { iban: 'FR1420041010050500013M02607' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('iban');
    expect((await memberA.patch(`/api/members/${mia.id}`, { bic: 'PSST' })).body.error.fields[0].path).toBe('bic');
    const ok = await memberA.patch(`/api/members/${mia.id}`, { iban: 'fr14 2004 1010 0505 0001 3m02 606', bic: 'psstfrpp' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ iban: MIA_IBAN, bic: 'PSSTFRPP' });
  });
});

describe('what is payable', () => {
  it('lists validated member invoices and net salaries, the IBAN masked; without an IBAN they show and cannot be batched', async () => {
    await t.database.db.update(members).set({ iban: null }).where(and(eq(members.coopId, a.id), eq(members.id, mia.id)));
    const invoiceId = await validatedMemberInvoice(40_000);
    const salaryId = await validatedSalary('2026-10-01', 150_000);
    const list = await accountantA.get('/api/payouts/payables');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual(expect.arrayContaining([
      expect.objectContaining({ sourceType: 'member_invoice', sourceId: invoiceId, payeeName: 'Studio Mia', amountCents: 40_000, hasIban: false, payeeIbanMasked: null }),
      expect.objectContaining({ sourceType: 'salary', sourceId: salaryId, payeeName: 'Mia Lefèvre', amountCents: 150_000, hasIban: false }),
    ]));
    const refused = await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items: [{ sourceType: 'salary', sourceId: salaryId }] });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('items.0');
    await t.database.db.update(members).set({ iban: MIA_IBAN, bic: 'PSSTFRPP' }).where(and(eq(members.coopId, a.id), eq(members.id, mia.id)));
    const again = await accountantA.get('/api/payouts/payables');
    expect(again.body.items.find((p: { sourceId: string }) => p.sourceId === invoiceId)).toMatchObject({ hasIban: true, payeeIbanMasked: '••••2606' });
  });

  it('a member cannot see the payouts, nor another coop', async () => {
    expect((await memberA.get('/api/payouts/payables')).status).toBe(403);
    expect((await memberA.get('/api/payouts/batches')).status).toBe(403);
    expect((await staffB.get('/api/payouts/payables')).body.items).toEqual([]);
  });
});

describe('a batch of transfers', () => {
  it('is built once: the same choice again returns the same batch, an overlap is refused, and nothing is paid twice', async () => {
    const payables = (await accountantA.get('/api/payouts/payables')).body.items as { sourceType: string; sourceId: string; amountCents: number }[];
    const chosen = payables.map((p) => ({ sourceType: p.sourceType, sourceId: p.sourceId }));
    const first = await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items: chosen });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ status: 'built', itemCount: 2, totalCents: 190_000, needsApproval: false, downloadable: true, painVersion: '001.001.09' });
    const twice = await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items: chosen });
    expect(twice.status).toBe(200);
    expect(twice.body.id).toBe(first.body.id);
    const overlap = await staffA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items: [chosen[0]] });
    expect(overlap.status).toBe(409);
    expect((await accountantA.get('/api/payouts/payables')).body.items).toEqual([]);
    expect(await t.database.db.$count(payoutBatches, eq(payoutBatches.coopId, a.id))).toBe(1);

    const file = await accountantA.request('GET', `/api/payouts/batches/${first.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.raw).toContain('<CtrlSum>1900.00</CtrlSum>');
    expect(file.raw).toContain(`<IBAN>${MIA_IBAN}</IBAN>`);
    keep('int-batch', file.raw);
    const items = await itemsOf(first.body.id);
    expect(new Set(items.map((i) => i.endToEndId)).size).toBe(2);
    for (const item of items) expect(file.raw).toContain(`<EndToEndId>${item.endToEndId}</EndToEndId>`);
  });

  it('cancelling a batch before the bank executes it frees its payments, audited', async () => {
    const [batch] = await t.database.db.select().from(payoutBatches).where(eq(payoutBatches.coopId, a.id));
    const res = await accountantA.post(`/api/payouts/batches/${batch!.id}/cancel`, {});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect((await accountantA.request('GET', `/api/payouts/batches/${batch!.id}/file`)).status).toBe(409);
    expect((await accountantA.get('/api/payouts/payables')).body.items).toHaveLength(2);
    expect(await t.database.db.$count(auditLog, and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'payout_batch.cancelled')))).toBe(1);
  });

  it('refuses bad input with the field and writes nothing', async () => {
    const before = await t.database.db.$count(payoutBatches, eq(payoutBatches.coopId, a.id));
    const past = await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: '2020-01-01', items: [{ sourceType: 'salary', sourceId: crypto.randomUUID() }] });
    expect(past.body.error.fields[0].path).toBe('executionDate');
    expect((await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items: [] })).body.error.fields[0].path).toBe('items');
    expect((await accountantA.post('/api/payouts/batches', { bankAccountId: crypto.randomUUID(), executionDate: today, items: [{ sourceType: 'salary', sourceId: crypto.randomUUID() }] })).body.error.fields[0].path).toBe('bankAccountId');
    expect((await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items: [{ sourceType: 'salary', sourceId: crypto.randomUUID() }] })).status).toBe(409);
    expect(await t.database.db.$count(payoutBatches, eq(payoutBatches.coopId, a.id))).toBe(before);
  });
});

describe('the second approval', () => {
  it('when the coop asks for it, the file waits for another person than its author', async () => {
    await setSecondApproval(true);
    const payables = (await accountantA.get('/api/payouts/payables')).body.items as { sourceType: string; sourceId: string }[];
    const built = await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items: payables.map((p) => ({ sourceType: p.sourceType, sourceId: p.sourceId })) });
    expect(built.body).toMatchObject({ needsApproval: true, downloadable: false });
    const waiting = await accountantA.request('GET', `/api/payouts/batches/${built.body.id}/file`);
    expect(waiting.status).toBe(409);
    expect(waiting.body.error.code).toBe('PAYOUT_BATCH_AWAITS_APPROVAL');
    expect((await accountantA.post(`/api/payouts/batches/${built.body.id}/approve`, {})).status).toBe(403);
    const approved = await staffA.post(`/api/payouts/batches/${built.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', downloadable: true });
    expect((await accountantA.request('GET', `/api/payouts/batches/${built.body.id}/file`)).status).toBe(200);
    await setSecondApproval(false);
  });
});

describe('paid from the bank statement', () => {
  it('a debit line per transfer, by its EndToEndId, pays each document: D payable / C 512, the line booked, once', async () => {
    const [batch] = await t.database.db.select().from(payoutBatches).where(and(eq(payoutBatches.coopId, a.id), eq(payoutBatches.status, 'approved')));
    const items = await itemsOf(batch!.id);
    const entries = items.map((i) => ({ amountCents: -i.amountCents, bookingDate: today, txs: [{ amountCents: -i.amountCents, endToEndId: i.endToEndId, name: i.payeeName }] }));
    await importStatement('S-PAY-1', entries);
    const after = await itemsOf(batch!.id);
    expect(after.map((i) => i.status)).toEqual(['paid', 'paid']);
    const invoice = after.find((i) => i.sourceType === 'member_invoice')!;
    const [inv] = await t.database.db.select().from(memberInvoices).where(and(eq(memberInvoices.coopId, a.id), eq(memberInvoices.id, invoice.sourceId)));
    expect(inv).toMatchObject({ status: 'paid', paidOn: today });
    const salary = after.find((i) => i.sourceType === 'salary')!;
    const [sal] = await t.database.db.select().from(salaryRequests).where(and(eq(salaryRequests.coopId, a.id), eq(salaryRequests.id, salary.sourceId)));
    expect(sal!.paidOn).toBe(today);
    const lines = await t.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, a.id), eq(journalEntryLines.entryId, sal!.paymentEntryId!)));
    expect(lines.map((l) => [l.accountNumber, l.debitCents, l.creditCents])).toEqual(expect.arrayContaining([[ACCOUNTS.salariesPayable, 150_000, 0], ['512', 0, 150_000]]));
    const bankLines = await t.database.db.select().from(bankStatementLines).where(eq(bankStatementLines.coopId, a.id));
    expect(bankLines.filter((l) => l.amountCents < 0).every((l) => l.status === 'booked' && l.bookedBy === 'payouts')).toBe(true);
    expect(await t.database.db.$count(auditLog, and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'payout.paid')))).toBe(2);
    // The job again (a crash mid-way) pays nothing twice.
    await t.app.deps.jobs.runDueJobs();
    await t.database.db.execute(sql`select 1`);
    expect(await t.database.db.$count(auditLog, and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'payout.paid')))).toBe(2);
    expect(await ledgerBalanced()).toBe(true);
    // The member sees their invoice paid.
    expect((await memberA.get(`/api/independents/member-invoices/${invoice.sourceId}`)).body.status).toBe('paid');
    // A line booked by payouts is not undone from the bank screen, only by a return.
    const booked = bankLines.find((l) => l.amountCents < 0)!;
    expect((await accountantA.post(`/api/bank/lines/${booked.id}/unbook`, {})).status).toBe(409);
  });

  it('a transfer the payee’s bank returns puts its document back to payable, its payment reversed', async () => {
    const [paid] = await t.database.db.select().from(payoutItems).where(and(eq(payoutItems.coopId, a.id), eq(payoutItems.status, 'paid'), eq(payoutItems.sourceType, 'member_invoice')));
    await importStatement('S-RET-1', [{ amountCents: paid!.amountCents, bookingDate: today, code: 'PMNT/ICDT/RRTN', txs: [{ amountCents: paid!.amountCents, endToEndId: paid!.endToEndId, returnReason: 'AC04' }] }]);
    const [item] = await t.database.db.select().from(payoutItems).where(and(eq(payoutItems.coopId, a.id), eq(payoutItems.id, paid!.id)));
    expect(item).toMatchObject({ status: 'returned', returnReason: 'AC04' });
    const [inv] = await t.database.db.select().from(memberInvoices).where(and(eq(memberInvoices.coopId, a.id), eq(memberInvoices.id, paid!.sourceId)));
    expect(inv).toMatchObject({ status: 'validated', paidOn: null });
    expect((await accountantA.get('/api/payouts/payables')).body.items.map((p: { sourceId: string }) => p.sourceId)).toEqual([paid!.sourceId]);
    expect(await ledgerBalanced()).toBe(true);
  });

  it('one debit line for a whole batch, found by its PmtInfId and total, pays every transfer of it', async () => {
    const second = await validatedSalary('2026-11-01', 90_000);
    const items = [...(await accountantA.get('/api/payouts/payables')).body.items].map((p: { sourceType: string; sourceId: string }) => ({ sourceType: p.sourceType, sourceId: p.sourceId }));
    expect(items.map((i) => i.sourceId)).toContain(second);
    const built = await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items });
    expect(built.status, JSON.stringify(built.body)).toBe(201);
    const [batch] = await t.database.db.select().from(payoutBatches).where(and(eq(payoutBatches.coopId, a.id), eq(payoutBatches.id, built.body.id)));
    keep('int-batch-2', (await accountantA.request('GET', `/api/payouts/batches/${batch!.id}/file`)).raw);
    await importStatement('S-PAY-2', [{ amountCents: -batch!.totalCents, bookingDate: today, batch: { pmtInfId: batch!.paymentInfoId, count: items.length }, txs: [], label: 'VIR SEPA LOT' }]);
    expect((await itemsOf(batch!.id)).every((i) => i.status === 'paid')).toBe(true);
    expect((await accountantA.get('/api/payouts/payables')).body.items).toEqual([]);
    expect(await ledgerBalanced()).toBe(true);
  });
});
