import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD, siretFor, sirenFor } from '../../../test/support/fixtures.js';
import { buildCamt053 } from '../../../test/support/camt053-builder.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { addMember, countRows } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { jobs } from '../../platform/jobs/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { bankAccounts, bankStatementLines } from '../banking/schema.js';
import { coops } from '../coops/schema.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { members } from '../members/schema.js';
import { queueMonthlyFeeRuns } from './index.js';
import { collectionItems, collections, mandates, memberFees } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let admin: TestClient;
let staff: TestClient;
let mia: TestClient;
let staffB: TestClient;
let miaId: string;
let hugoId: string;
const today = todayFromClock();
const month = today.slice(0, 7);
const year = today.slice(0, 4);

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

const feesOf = (memberId: string) => t.database.db.select().from(memberFees).where(and(eq(memberFees.coopId, a.id), eq(memberFees.memberId, memberId)));
const auditCount = async (action: string) => (await t.database.db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, action)))).length;
const linesOfSource = (type: string, id: string) =>
  t.database.db
    .select({ account: journalEntryLines.accountNumber, debit: journalEntryLines.debitCents, credit: journalEntryLines.creditCents, activityId: journalEntryLines.activityId, aux: journalEntryLines.auxiliaryNumber })
    .from(journalEntryLines)
    .innerJoin(journalEntries, and(eq(journalEntries.coopId, journalEntryLines.coopId), eq(journalEntries.id, journalEntryLines.entryId)))
    .where(and(eq(journalEntries.coopId, a.id), eq(journalEntries.sourceType, type), eq(journalEntries.sourceId, id)))
    .orderBy(journalEntryLines.lineNo);

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'fees-a');
  b = await createTestCoop(t.database.db, 'fees-b');
  await setUpLedger(t.database.db, a.id);
  await t.database.db.update(coops).set({ monthlyMemberFeeCents: 9000 }).where(eq(coops.id, a.id));
  const db = t.database.db;
  const activate = (id: string, extra: Partial<typeof members.$inferInsert> = {}) => db.update(members).set({ status: 'active', addressLine1: '3 rue du Port', postalCode: '44000', city: 'Nantes', ...extra }).where(and(eq(members.coopId, a.id), eq(members.id, id)));
  miaId = (await addMember(db, a, { firstName: 'Mia', lastName: 'Member', email: a.member.email, userId: a.member.id, membershipType: 'independent', companyName: 'Studio Mia', siret: siretFor(sirenFor(5151)) })).id;
  await activate(miaId);
  hugoId = (await addMember(db, a, { firstName: 'Hugo', lastName: 'Cowork', membershipType: 'coworker' })).id;
  await activate(hugoId);
  // An entrepreneur-salarié (not billed by default, with a login: her menu) and an exempted independent.
  const salUser = await createPerson(db, a.id, 'sal-arie@fees.test', 'Sal Arié', ['member']);
  await activate((await addMember(db, a, { firstName: 'Sal', lastName: 'Arié', email: 'sal-arie@fees.test', userId: salUser.id })).id);
  const exempt = (await addMember(db, a, { firstName: 'Eve', lastName: 'Exempt', membershipType: 'independent', companyName: 'Eve SARL', siret: siretFor(sirenFor(6161)) })).id;
  await activate(exempt);
  [admin, staff, mia, staffB] = await Promise.all([login(a.admin.email), login(a.staff.email), login(a.member.email), login(b.staff.email)]);
  expect((await staff.put(`/api/fees/members/${exempt}/amount`, { amountCents: 0 })).status).toBe(200);
});
afterAll(() => t.close());

describe('the monthly fee', () => {
  it('bills each billed member once a month, however many times the run is queued or asked', async () => {
    expect(await queueMonthlyFeeRuns(t.database.db, today)).toBeGreaterThanOrEqual(1);
    expect(await queueMonthlyFeeRuns(t.database.db, today)).toBe(0);
    expect(await t.app.deps.jobs.runDueJobs()).toMatchObject({ failed: 0 });
    const again = await staff.post('/api/fees/bill', { month });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ month, billed: 0, alreadyBilled: 2 });
    expect(await feesOf(miaId)).toHaveLength(1);
    expect(await feesOf(hugoId)).toHaveLength(1);
    const all = await t.database.db.select().from(memberFees).where(eq(memberFees.coopId, a.id));
    expect(all).toHaveLength(2);
    expect(all.map((f) => f.number).sort()).toEqual([`COT-${year}-0001`, `COT-${year}-0002`]);
    expect(await auditCount('member_fee.billed')).toBe(2);
  });

  it("posts the fee on the coop's own funds: D 411 on the member's auxiliary account / C 706 and C 44571 with no activity", async () => {
    const [fee] = await feesOf(miaId);
    expect(fee).toMatchObject({ netCents: 9000, vatRateBp: 2000, vatCents: 1800, grossCents: 10800, status: 'unpaid' });
    const lines = await linesOfSource('member_fee', fee!.id);
    expect(lines.map((l) => [l.account, l.debit, l.credit, l.activityId])).toEqual([
      ['411', 10800, 0, null],
      ['706', 0, 9000, null],
      ['44571', 0, 1800, null],
    ]);
    expect(lines[0]!.aux).toMatch(/^C\d{5}$/);
  });

  it('a member reads and downloads their own fees only; another coop reads none', async () => {
    const list = await mia.get('/api/fees');
    expect(list.body.items.map((f: { memberId: string }) => f.memberId)).toEqual([miaId]);
    const [own] = await feesOf(miaId);
    const [hugos] = await feesOf(hugoId);
    const file = await mia.request('GET', `/api/fees/${own!.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await mia.get(`/api/fees/${hugos!.id}`)).status).toBe(404);
    expect((await mia.request('GET', `/api/fees/${hugos!.id}/file`)).status).toBe(404);
    expect((await staffB.get(`/api/fees/${own!.id}`)).status).toBe(404);
    expect((await staffB.get('/api/fees')).body.total).toBe(0);
    expect((await mia.post('/api/fees/bill', { month })).status).toBe(403);
  });
});

describe("the member's menu", () => {
  it('offers "Mes cotisations" to a member whose type is billed or who has fees on record, not to an entrepreneur-salarié never billed', async () => {
    const feesBilled = async (c: TestClient) => (await c.get('/api/auth/session')).body.feesBilled as boolean;
    const sal = await login('sal-arie@fees.test');
    expect(await feesBilled(mia)).toBe(true);
    expect(await feesBilled(sal)).toBe(false);
    // The coop stops billing independents: Mia's fees already billed stay hers to read.
    expect((await admin.patch('/api/fees/settings', { billedTypes: ['coworker'] })).status).toBe(200);
    try {
      expect(await feesOf(miaId)).not.toHaveLength(0);
      expect(await feesBilled(mia)).toBe(true);
      // And billing entrepreneurs-salariés puts the entry in Sal's menu.
      expect((await admin.patch('/api/fees/settings', { billedTypes: ['coworker', 'entrepreneur_salarie'] })).status).toBe(200);
      expect(await feesBilled(sal)).toBe(true);
    } finally {
      expect((await admin.patch('/api/fees/settings', { billedTypes: ['independent', 'coworker'] })).status).toBe(200);
    }
    expect(await feesBilled(sal)).toBe(false);
    // Staff hold no member record: the whole coop's list is theirs through their role, not this flag.
    expect(await feesBilled(staff)).toBe(false);
  });
});

describe('mandates and collections', () => {
  let miaMandate: string;
  let collectionId: string;

  it('checks the creditor identifier and refuses a collection without one', async () => {
    const bad = await admin.patch('/api/fees/settings', { creditorId: 'FR73ZZZ123456' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('creditorId');
    const ok = await admin.patch('/api/fees/settings', { creditorId: 'FR72 ZZZ 123456' });
    expect(ok.body).toMatchObject({ creditorId: 'FR72ZZZ123456', monthlyFeeCents: 9000, billedTypes: ['independent', 'coworker'] });
  });

  it('records mandates with a unique reference and a checked IBAN; a member sees their own', async () => {
    const before = await countRows(t.database.db, mandates);
    const badIban = await staff.post('/api/fees/mandates', { memberId: miaId, reference: 'MUT-0001', debtorName: 'Mia Member', iban: 'FR7630006000011234567890188', signedOn: '2026-11-20' });
    expect(badIban.status).toBe(400);
    expect(badIban.body.error.fields[0].path).toBe('iban');
    const badRum = await staff.post('/api/fees/mandates', { memberId: miaId, reference: 'MUT 0001é', debtorName: 'Mia Member', iban: 'FR1420041010050500013M02606', signedOn: '2026-11-20' });
    expect(badRum.status).toBe(400);
    expect(await countRows(t.database.db, mandates)).toBe(before);
    const created = await staff.post('/api/fees/mandates', { memberId: miaId, reference: 'MUT-0001', debtorName: 'Mia Mémber', iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'PSSTFRPP', signedOn: '2026-11-20' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ reference: 'MUT-0001', debtorName: 'Mia Member', status: 'active', nextSequence: 'FRST' });
    miaMandate = created.body.id;
    const taken = await staff.post('/api/fees/mandates', { memberId: hugoId, reference: 'MUT-0001', debtorName: 'Hugo', iban: 'FR7630006000011234567890189', signedOn: '2026-11-20' });
    expect(taken.status).toBe(409);
    expect((await staff.post('/api/fees/mandates', { memberId: hugoId, reference: 'MUT-0002', debtorName: 'Hugo Cowork', iban: 'FR7630006000011234567890189', signedOn: '2026-11-21' })).status).toBe(201);
    const own = await mia.get('/api/fees/mandates');
    expect(own.body.items.map((m: { reference: string }) => m.reference)).toEqual(['MUT-0001']);
    expect((await mia.post('/api/fees/mandates', { memberId: miaId, reference: 'MUT-0009', debtorName: 'Mia', iban: 'FR7630006000011234567890189', signedOn: '2026-11-20' })).status).toBe(403);
  });

  it('amending the IBAN keeps the reference and is told to the bank in the next file', async () => {
    const amended = await staff.post(`/api/fees/mandates/${miaMandate}/amend`, { iban: 'DE89370400440532013000', bic: 'COBADEFFXXX' });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ reference: 'MUT-0001', iban: 'DE89370400440532013000', amended: true });
  });

  it('builds a collection no earlier than the SEPA rules allow, valid against its XSD, and never collects a fee twice', async () => {
    const offer = await staff.get('/api/fees/collectable');
    expect(offer.body.items).toHaveLength(2);
    expect(offer.body.items.every((i: { sequenceType: string }) => i.sequenceType === 'FRST')).toBe(true);
    const feeIds = offer.body.items.map((i: { feeId: string }) => i.feeId);
    const early = await staff.post('/api/fees/collections', { collectionDate: today, feeIds });
    expect(early.status).toBe(400);
    expect(early.body.error.fields[0].path).toBe('collectionDate');
    const built = await staff.post('/api/fees/collections', { collectionDate: offer.body.earliestCollectionDate, feeIds });
    expect(built.status).toBe(201);
    expect(built.body).toMatchObject({ itemCount: 2, totalCents: 21600, painVersion: 'pain.008.001.08' });
    collectionId = built.body.id;
    const before = { collections: await countRows(t.database.db, collections), items: await countRows(t.database.db, collectionItems) };
    const twice = await staff.post('/api/fees/collections', { collectionDate: offer.body.earliestCollectionDate, feeIds });
    expect(twice.status).toBe(409);
    expect({ collections: await countRows(t.database.db, collections), items: await countRows(t.database.db, collectionItems) }).toEqual(before);
    expect((await staff.get('/api/fees/collectable')).body.items).toHaveLength(0);

    const file = await staff.request('GET', `/api/fees/collections/${collectionId}/file`);
    expect(file.status).toBe(200);
    const xml = file.raw;
    expect(xml).toContain('<SeqTp>FRST</SeqTp>');
    expect(xml).toContain('<CtrlSum>216.00</CtrlSum>');
    expect(xml).toContain('<Id>SMNDA</Id>');
    mkdirSync('.tmp/sepa', { recursive: true });
    const target = path.resolve('.tmp/sepa/fees-collection-route.xml');
    writeFileSync(target, xml);
    execFileSync('xmllint', ['--noout', '--schema', path.resolve('../shared/iso20022/pain.008.001.08.xsd'), target], { stdio: 'pipe' });
    // The first debit is spent: the next one of these mandates is recurring.
    expect((await staff.get('/api/fees/mandates')).body.items.map((m: { nextSequence: string; amended: boolean }) => [m.nextSequence, m.amended])).toEqual([
      ['RCUR', false],
      ['RCUR', false],
    ]);
  });

  it('pre-notifies each debtor once, with amount, date, mandate reference and creditor identifier', async () => {
    expect(await t.app.deps.jobs.runDueJobs()).toMatchObject({ failed: 0 });
    expect(await t.app.deps.jobs.runDueJobs()).toMatchObject({ failed: 0 });
    const mails = await t.database.db.select().from(mailOutbox).where(and(eq(mailOutbox.coopId, a.id), eq(mailOutbox.template, 'fees.prenotification')));
    expect(mails).toHaveLength(2);
    const toMia = mails.find((m) => m.toAddress === a.member.email)!;
    expect(toMia.textBody).toContain('MUT-0001');
    expect(toMia.textBody).toContain('FR72ZZZ123456');
    expect(toMia.textBody).toContain('108,00');
  });

  it('the credit pays a fee; a return reopens it with its reason, the payment reversed, the mandate revoked when the reason says so', async () => {
    const items = await t.database.db.select().from(collectionItems).where(and(eq(collectionItems.coopId, a.id), eq(collectionItems.collectionId, collectionId)));
    const [miaFee] = await feesOf(miaId);
    const [hugoFee] = await feesOf(hugoId);
    const miaItem = items.find((i) => i.feeId === miaFee!.id)!;
    const hugoItem = items.find((i) => i.feeId === hugoFee!.id)!;

    const paid = await staff.post('/api/fees/collections/outcomes', { endToEndId: miaItem.endToEndId, bookedOn: today });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paidOn: today });
    const payment = await linesOfSource('member_fee_payment', miaFee!.id);
    expect(payment.map((l) => [l.account, l.debit, l.credit])).toEqual([
      ['512', 10800, 0],
      ['411', 0, 10800],
    ]);
    expect((await staff.post('/api/fees/collections/outcomes', { endToEndId: miaItem.endToEndId, bookedOn: today })).status).toBe(409);

    const returned = await staff.post('/api/fees/collections/outcomes', { endToEndId: hugoItem.endToEndId, bookedOn: today, returnCode: 'AC04' });
    expect(returned.body).toMatchObject({ status: 'unpaid', lastReturn: { code: 'AC04', fr: 'Compte clôturé', en: 'Account closed' } });
    const hugoMandate = (await staff.get('/api/fees/mandates')).body.items.find((m: { reference: string }) => m.reference === 'MUT-0002');
    expect(hugoMandate).toMatchObject({ status: 'revoked' });

    // A refund the debtor asked for after the credit: the money goes back, the fee is owed again, the mandate stays.
    const refund = await staff.post('/api/fees/collections/outcomes', { endToEndId: miaItem.endToEndId, bookedOn: today, returnCode: 'MD06' });
    expect(refund.body).toMatchObject({ status: 'unpaid', paidOn: null, lastReturn: { code: 'MD06' } });
    const reversal = await t.database.db.select().from(journalEntries).where(and(eq(journalEntries.coopId, a.id), sql`${journalEntries.reversesEntryId} is not null`));
    expect(reversal).toHaveLength(1);
    expect((await staff.get('/api/fees/mandates')).body.items.find((m: { reference: string }) => m.reference === 'MUT-0001')).toMatchObject({ status: 'active' });
    expect(await auditCount('member_fee.returned')).toBe(2);
    // Open again: the fee may go in a new collection.
    expect((await staff.get('/api/fees/collectable')).body.items.map((i: { feeId: string }) => i.feeId)).toEqual([miaFee!.id]);
  });

  it('reads what the bank did from its statement: a credit pays the fee, a return reopens it, each line booked against its entry', async () => {
    const offer = await staff.get('/api/fees/collectable');
    const [miaFee] = await feesOf(miaId);
    expect(offer.body.items.map((i: { feeId: string }) => i.feeId)).toEqual([miaFee!.id]);
    const built = await staff.post('/api/fees/collections', { collectionDate: offer.body.earliestCollectionDate, feeIds: [miaFee!.id] });
    expect(built.status).toBe(201);
    const [collection] = await t.database.db.select().from(collections).where(and(eq(collections.coopId, a.id), eq(collections.id, built.body.id)));
    const [account] = await t.database.db.select().from(bankAccounts).where(and(eq(bankAccounts.coopId, a.id), eq(bankAccounts.id, collection!.bankAccountId)));
    const [item] = await t.database.db.select().from(collectionItems).where(and(eq(collectionItems.coopId, a.id), eq(collectionItems.collectionId, collection!.id)));
    const importStatement = async (statementId: string, openingCents: number, entries: Parameters<typeof buildCamt053>[0]['entries']) => {
      const xml = buildCamt053({ iban: account!.iban, statementId, openingCents, entries });
      const res = await admin.upload('/api/bank/statements', { filename: `${statementId}.xml`, contentType: 'application/xml', bytes: Buffer.from(xml) }, { format: 'camt053' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      await t.app.deps.jobs.runDueJobs();
      // The matchers ran and did not fail (a failure would be retried silently later).
      expect(await t.database.db.select({ kind: jobs.kind }).from(jobs).where(and(eq(jobs.coopId, a.id), sql`${jobs.lastError} is not null`))).toEqual([]);
      return t.database.db.select().from(bankStatementLines).where(and(eq(bankStatementLines.coopId, a.id), eq(bankStatementLines.statementId, res.body.statements[0].id)));
    };

    // The credit of the file, its transaction carrying the debit's EndToEndId.
    const [credit] = await importStatement('FEES-CREDIT-1', 1_000_000, [
      { amountCents: 10800, bookingDate: today, code: 'PMNT/RDDT/ESDD', batch: { pmtInfId: `${collection!.messageId}-RCUR`, count: 1 }, txs: [{ amountCents: 10800, endToEndId: item!.endToEndId }] },
    ]);
    const [paid] = await feesOf(miaId);
    expect(paid).toMatchObject({ status: 'paid', paidOn: today });
    expect(credit).toMatchObject({ status: 'booked', entryId: paid!.paymentEntryId });

    // The debtor's bank takes it back (MD06, refund asked within 8 weeks): the fee is owed again.
    const [back] = await importStatement('FEES-RETURN-1', 1_010_800, [
      { amountCents: -10800, bookingDate: today, code: 'PMNT/RDDT/UPDD', txs: [{ amountCents: 10800, endToEndId: item!.endToEndId, returnReason: 'MD06' }] },
    ]);
    const [reopened] = await feesOf(miaId);
    expect(reopened).toMatchObject({ status: 'unpaid', paidOn: null, lastReturnCode: 'MD06' });
    const [reversal] = await t.database.db.select().from(journalEntries).where(and(eq(journalEntries.coopId, a.id), eq(journalEntries.reversesEntryId, paid!.paymentEntryId!)));
    expect(back).toMatchObject({ status: 'booked', entryId: reversal!.id });
    expect(await auditCount('member_fee.returned')).toBe(3);
    // Running the matchers again finds nothing more to do.
    expect(await t.app.deps.jobs.runDueJobs()).toMatchObject({ failed: 0 });
    expect((await feesOf(miaId))[0]).toMatchObject({ status: 'unpaid' });
  });

  it('keeps the ledger balanced', async () => {
    const [sums] = await t.database.db
      .select({ debit: sql<string>`sum(${journalEntryLines.debitCents})`, credit: sql<string>`sum(${journalEntryLines.creditCents})` })
      .from(journalEntryLines)
      .where(eq(journalEntryLines.coopId, a.id));
    expect(Number(sums!.debit)).toBe(Number(sums!.credit));
    // 411 of the members: Hugo's fee and Mia's reopened one are owed.
    const [open] = await t.database.db
      .select({ balance: sql<string>`sum(${journalEntryLines.debitCents} - ${journalEntryLines.creditCents})` })
      .from(journalEntryLines)
      .where(and(eq(journalEntryLines.coopId, a.id), eq(journalEntryLines.accountNumber, '411')));
    expect(Number(open!.balance)).toBe(21600);
  });
});
