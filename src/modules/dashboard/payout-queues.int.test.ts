import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, createTestCoop, DEMO_PASSWORD, siretFor, sirenFor } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { addMember } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { todayInFrance } from '../../platform/calendar/index.js';
import { createActivity } from '../activities/index.js';
import { ensureDefaultBankAccount } from '../banking/index.js';
import { members } from '../members/schema.js';

/**
 * The transfers in the work queues: what the coop owes and no batch holds yet, for the
 * accountant who prepares the batches; the batches waiting for a second approval, for the
 * money team but their author, only when the coop asks for that approval.
 */
let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staffA: TestClient;
let accountantA: TestClient;
let adminA: TestClient;
let memberA: TestClient;
let accountantB: TestClient;
let mia: { id: string };
let miaActivity: string;
let bankAccountId: string;

const today = todayInFrance(new Date());
const MIA_IBAN = 'FR1420041010050500013M02606';

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** The count of a queue on the person's dashboard; undefined when the queue is not theirs. */
async function queue(client: TestClient, key: string): Promise<number | undefined> {
  const res = await client.get('/api/dashboard/queues');
  expect(res.status).toBe(200);
  return (res.body.items as { key: string; count: number; link: string }[]).find((q) => q.key === key)?.count;
}

async function validatedMemberInvoice(netCents: number): Promise<string> {
  const res = await memberA.post('/api/independents/member-invoices', { activityId: miaActivity, netCents, vatRegime: 'franchise', vatRateBp: 0, iban: MIA_IBAN, description: 'Mission', serviceDate: today });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect((await staffA.post(`/api/independents/member-invoices/${res.body.id}/validate`, {})).status).toBe(200);
  return res.body.id;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'payout-queues-a');
  b = await createTestCoop(t.database.db, 'payout-queues-b');
  await setUpLedger(t.database.db, a.id);
  const m = await addMember(t.database.db, a, { membershipType: 'independent', companyName: 'Studio Mia', siret: siretFor(sirenFor(5151)), firstName: 'Mia', lastName: 'Lefèvre', email: a.member.email, userId: a.member.id });
  await t.database.db.update(members).set({ status: 'active', addressLine1: '3 rue du Port', postalCode: '44000', city: 'Nantes' }).where(and(eq(members.coopId, a.id), eq(members.id, m.id)));
  mia = m;
  miaActivity = (await t.database.db.transaction((tx) => createActivity(tx, { coopId: a.id, userId: a.admin.id }, { name: 'Studio Mia', holders: [{ memberId: m.id, shareBp: 10_000 }] }))).id;
  // The fixture's "accountant" is a staff account: these are people with the accountant role itself.
  const booksA = await createPerson(t.database.db, a.id, `books-${a.id}@payout-queues.test`, 'Bea Books', ['accountant']);
  const booksB = await createPerson(t.database.db, b.id, `books-${b.id}@payout-queues.test`, 'Bob Books', ['accountant']);
  [staffA, accountantA, adminA, memberA, accountantB] = await Promise.all([login(a.staff.email), login(booksA.email), login(a.admin.email), login(a.member.email), login(booksB.email)]);
  const [account] = await t.database.db.transaction((tx) => ensureDefaultBankAccount(tx, { coopId: a.id, userId: a.admin.id }));
  bankAccountId = account!.id;
}, 180_000);
afterAll(() => t.close());

describe('the member’s bank details', () => {
  it('a member changing the IBAN money is sent to leaves its own audit record, before and after, that the accountants are told of', async () => {
    const res = await memberA.patch(`/api/members/${mia.id}`, { iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: 'PSSTFRPP' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [record] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'member.bank_details_changed'), eq(auditLog.entityId, mia.id)));
    expect(record!.actorUserId).toBe(a.member.id);
    expect(record!.changes.iban).toEqual({ before: null, after: MIA_IBAN });
    // The same profile saved again with the same account is an ordinary update.
    expect((await memberA.patch(`/api/members/${mia.id}`, { iban: MIA_IBAN, phone: '06 01 02 03 04' })).status).toBe(200);
    expect(await t.database.db.$count(auditLog, and(eq(auditLog.coopId, a.id), eq(auditLog.action, 'member.bank_details_changed')))).toBe(1);
    const bad = await memberA.patch(`/api/members/${mia.id}`, { iban: 'FR1420041010050500013M02607' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toBe('iban');
  });
});

describe('the transfers in the work queues', () => {
  it('the accountant sees the payments no batch holds yet; a member and the team do not have that queue; another coop counts its own', async () => {
    expect(await queue(accountantA, 'payoutsToMake')).toBe(0);
    await validatedMemberInvoice(40_000);
    await validatedMemberInvoice(12_000);
    expect(await queue(accountantA, 'payoutsToMake')).toBe(2);
    expect(await queue(memberA, 'payoutsToMake')).toBeUndefined();
    expect(await queue(staffA, 'payoutsToMake')).toBeUndefined();
    expect(await queue(accountantB, 'payoutsToMake')).toBe(0);
    // No second approval asked: no such queue for anyone.
    for (const client of [accountantA, staffA, adminA]) expect(await queue(client, 'payoutBatchesToApprove')).toBeUndefined();
    const links = (await accountantA.get('/api/dashboard/queues')).body.items as { key: string; link: string }[];
    expect(links.find((q) => q.key === 'payoutsToMake')!.link).toBe('/payouts');
  });

  it('with the second approval on, a built batch waits for anyone of the money team but its author, and leaves the queue once approved', async () => {
    expect((await adminA.put('/api/payouts/settings', { secondApproval: true })).status).toBe(200);
    expect(await queue(staffA, 'payoutBatchesToApprove')).toBe(0);
    const payables = (await accountantA.get('/api/payouts/payables')).body.items as { sourceType: string; sourceId: string }[];
    const built = await accountantA.post('/api/payouts/batches', { bankAccountId, executionDate: today, items: payables.map((p) => ({ sourceType: p.sourceType, sourceId: p.sourceId })) });
    expect(built.status, JSON.stringify(built.body)).toBe(201);
    expect(await queue(accountantA, 'payoutsToMake')).toBe(0);
    expect(await queue(accountantA, 'payoutBatchesToApprove')).toBe(0);
    expect(await queue(staffA, 'payoutBatchesToApprove')).toBe(1);
    expect(await queue(adminA, 'payoutBatchesToApprove')).toBe(1);
    expect(await queue(memberA, 'payoutBatchesToApprove')).toBeUndefined();
    expect(await queue(accountantB, 'payoutBatchesToApprove')).toBeUndefined();
    // Turned off while a batch still waits: the batch is still shown until someone approves it.
    expect((await adminA.put('/api/payouts/settings', { secondApproval: false })).status).toBe(200);
    expect(await queue(staffA, 'payoutBatchesToApprove')).toBe(1);
    expect((await staffA.post(`/api/payouts/batches/${built.body.id}/approve`, {})).status).toBe(200);
    expect(await queue(staffA, 'payoutBatchesToApprove')).toBeUndefined();
    expect(await queue(adminA, 'payoutBatchesToApprove')).toBeUndefined();
  });
});
