import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createTestCoop, DEMO_PASSWORD, siretFor, sirenFor } from '../../../test/support/fixtures.js';
import { setUpLedger } from '../../../test/support/ledger-fixtures.js';
import { addMember, countRows } from '../../../test/support/members-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { todayInFrance } from '../../platform/calendar/index.js';
import { jobs } from '../../platform/jobs/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { actorFor } from '../../../test/support/invoicing-db-fixtures.js';
import { createActivity } from '../activities/index.js';
import { createClient } from '../clients/index.js';
import { coops } from '../coops/schema.js';
import { createDraftInvoice, validateInvoice } from '../invoicing/index.js';
import { createJob, jobParts } from '../jobs/index.js';
import { journalEntryLines } from '../ledger/schema.js';
import { members } from '../members/schema.js';
import { queueDailyRuns } from './index.js';
import { memberInvoices } from './schema.js';

let t: TestApp;
let a: Awaited<ReturnType<typeof createTestCoop>>;
let b: Awaited<ReturnType<typeof createTestCoop>>;
let staffA: TestClient;
let memberA: TestClient;
let staffB: TestClient;
let accountantA: TestClient;
/** Mia, an independent of coop A with her own company, and her activity. */
let mia: { id: string };
let miaActivity: string;
/** Another independent of coop A, and his activity. */
let other: { id: string };
let otherActivity: string;

const today = todayInFrance(new Date());
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function login(email: string) {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

async function independent(coop: typeof a, over: Parameters<typeof addMember>[2]) {
  const m = await addMember(t.database.db, coop, { membershipType: 'independent', companyName: 'Studio Indé', siret: siretFor(sirenFor(4242 + Math.floor(Math.random() * 1000))), ...over });
  await t.database.db.update(members).set({ status: 'active', ...(over?.firstName === 'Mia' ? { addressLine1: '3 rue du Port', postalCode: '44000', city: 'Nantes' } : {}) }).where(and(eq(members.coopId, coop.id), eq(members.id, m.id)));
  const activity = await t.database.db.transaction((tx) => createActivity(tx, { coopId: coop.id, userId: coop.admin.id }, { name: `Activité ${m.email.slice(0, 10)}`, holders: [{ memberId: m.id, shareBp: 10_000 }] }));
  return { member: m, activityId: activity.id };
}

const generate = (client: TestClient, over: Record<string, unknown> = {}) =>
  client.post('/api/independents/member-invoices', { activityId: miaActivity, netCents: 100_000, vatRegime: 'standard', vatRateBp: 2000, vatNumber: 'FR12345678901', iban: 'FR76 3000 6000 0112 3456 7890 189', description: 'Atelier de design, mission Lumen', serviceDate: today, ...over });

const linesOf = (entryId: string) =>
  t.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, a.id), eq(journalEntryLines.entryId, entryId))).orderBy(journalEntryLines.lineNo);

async function auditCount(action: string, entityId?: string) {
  const rows = await t.database.db.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.coopId, a.id), eq(auditLog.action, action), entityId ? eq(auditLog.entityId, entityId) : undefined));
  return rows.length;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await createTestCoop(t.database.db, 'indep-a');
  b = await createTestCoop(t.database.db, 'indep-b');
  await setUpLedger(t.database.db, a.id);
  const m = await independent(a, { firstName: 'Mia', lastName: 'Member', email: a.member.email, userId: a.member.id });
  mia = m.member;
  miaActivity = m.activityId;
  const o = await independent(a, { firstName: 'Olivier', lastName: 'Autre' });
  other = o.member;
  otherActivity = o.activityId;
  [staffA, memberA, staffB, accountantA] = await Promise.all([login(a.staff.email), login(a.member.email), login(b.staff.email), login(a.accountant.email)]);
});
afterAll(() => t.close());

describe('an independent invoices the coop', () => {
  it('generates the invoice: numbered in her own series, the PDF stored and served, audited', async () => {
    const first = await generate(memberA);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ memberId: mia.id, number: `FM-${today.slice(0, 4)}-0001`, issueDate: today, netCents: 100_000, vatCents: 20_000, grossCents: 120_000, status: 'received', origin: 'generated', hasFile: true });
    const second = await generate(memberA, { netCents: 50_000, vatRegime: 'franchise', vatRateBp: 0, vatNumber: undefined });
    expect(second.body).toMatchObject({ number: `FM-${today.slice(0, 4)}-0002`, vatCents: 0, grossCents: 50_000, vatRateBp: 0 });
    const file = await memberA.request('GET', `/api/independents/member-invoices/${first.body.id}/file`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.raw.startsWith('%PDF-')).toBe(true);
    expect(await auditCount('member_invoice.received', first.body.id)).toBe(1);
  });

  it('refuses bad input with the field, writing nothing', async () => {
    const before = await countRows(t.database.db, memberInvoices);
    expect((await generate(memberA, { netCents: 0 })).body.error.fields[0].path).toBe('netCents');
    expect((await generate(memberA, { vatRateBp: 1900 })).status).toBe(400);
    expect((await generate(memberA, { vatNumber: undefined })).body.error.fields[0].path).toBe('vatNumber');
    expect((await generate(memberA, { activityId: otherActivity })).body.error.fields[0].path).toBe('activityId');
    expect((await generate(memberA, { memberId: other.id })).body.error.fields[0].path).toBe('memberId');
    expect(await countRows(t.database.db, memberInvoices)).toBe(before);
  });

  it('records an uploaded PDF once: the same number again is refused with the reason', async () => {
    const fields = { activityId: miaActivity, number: 'SI-2026-017', issueDate: today, netCents: '80000', vatRegime: 'standard', vatRateBp: '2000', description: 'Animation atelier' };
    const res = await memberA.upload('/api/independents/member-invoices/upload', { filename: 'SI-2026-017.pdf', contentType: 'application/pdf', bytes: pdf }, fields);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ number: 'SI-2026-017', origin: 'uploaded', netCents: 80_000, vatCents: 16_000, hasFile: true });
    const again = await memberA.upload('/api/independents/member-invoices/upload', { filename: 'copie.pdf', contentType: 'application/pdf', bytes: pdf }, fields);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('MEMBER_INVOICE_DUPLICATE');
    const fake = await memberA.upload('/api/independents/member-invoices/upload', { filename: 'x.pdf', contentType: 'application/pdf', bytes: Buffer.from('not a pdf') }, { ...fields, number: 'SI-2026-018' });
    expect(fake.status).toBe(400);
    expect(fake.body.error.fields[0].path).toBe('file');
    const numbers = await t.database.db.select({ n: memberInvoices.number }).from(memberInvoices).where(and(eq(memberInvoices.coopId, a.id), inArray(memberInvoices.number, ['SI-2026-017', 'SI-2026-018'])));
    expect(numbers).toHaveLength(1);
  });
});

describe('staff accept and pay a member invoice', () => {
  it('posts D 604 + 44566 / C 401 on the activity, then D 401 / C 512, balanced; paying twice is refused', async () => {
    const inv = (await generate(memberA, { netCents: 10_000, description: 'Petite mission' })).body;
    expect((await memberA.post(`/api/independents/member-invoices/${inv.id}/validate`)).status).toBe(403);
    const validated = await staffA.post(`/api/independents/member-invoices/${inv.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body.status).toBe('validated');
    const purchase = await linesOf(validated.body.purchaseEntryId);
    expect(purchase.map((l) => [l.accountNumber, l.debitCents, l.creditCents, l.activityId])).toEqual([
      ['604', 10_000, 0, miaActivity],
      ['44566', 2_000, 0, miaActivity],
      ['401', 0, 12_000, miaActivity],
    ]);
    expect((await staffA.post(`/api/independents/member-invoices/${inv.id}/validate`)).status).toBe(409);
    const paid = await accountantA.post(`/api/independents/member-invoices/${inv.id}/pay`, { paidOn: today, reference: 'VIR-0001' });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ status: 'paid', paidOn: today, paymentReference: 'VIR-0001' });
    const payment = await linesOf(paid.body.paymentEntryId);
    expect(payment.map((l) => [l.accountNumber, l.debitCents, l.creditCents])).toEqual([
      ['401', 12_000, 0],
      ['512', 0, 12_000],
    ]);
    expect((await staffA.post(`/api/independents/member-invoices/${inv.id}/pay`, { paidOn: today, reference: 'VIR-0002' })).status).toBe(409);
    expect(await auditCount('member_invoice.paid', inv.id)).toBe(1);
    const [totals] = await t.database.db
      .select({ debit: sql<number>`sum(${journalEntryLines.debitCents})`.mapWith(Number), credit: sql<number>`sum(${journalEntryLines.creditCents})`.mapWith(Number), supplier: sql<number>`sum(case when ${journalEntryLines.accountNumber} = '401' then ${journalEntryLines.creditCents} - ${journalEntryLines.debitCents} else 0 end)`.mapWith(Number) })
      .from(journalEntryLines)
      .where(eq(journalEntryLines.coopId, a.id));
    expect(totals!.debit).toBe(totals!.credit);
    expect(totals!.supplier).toBe(0);
  });

  it('refuses a payment dated in the future, with the field', async () => {
    const inv = (await generate(memberA, { netCents: 1_000, description: 'Relecture' })).body;
    await staffA.post(`/api/independents/member-invoices/${inv.id}/validate`);
    const res = await staffA.post(`/api/independents/member-invoices/${inv.id}/pay`, { paidOn: '2999-01-01', reference: 'X' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('paidOn');
  });
});

describe('scope', () => {
  it('a member sees only her own member invoices and her own volume', async () => {
    const staffMade = await staffA.post('/api/independents/member-invoices', { memberId: other.id, activityId: otherActivity, netCents: 5_000, vatRegime: 'franchise', iban: 'FR7630006000011234567890189', description: 'Pour Olivier', serviceDate: today });
    expect(staffMade.status).toBe(400);
    // Olivier has no address yet: the seller's mentions would be incomplete.
    await t.database.db.update(members).set({ addressLine1: '1 quai', postalCode: '69001', city: 'Lyon' }).where(and(eq(members.coopId, a.id), eq(members.id, other.id)));
    const his = await staffA.post('/api/independents/member-invoices', { memberId: other.id, activityId: otherActivity, netCents: 5_000, vatRegime: 'franchise', iban: 'FR7630006000011234567890189', description: 'Pour Olivier', serviceDate: today });
    expect(his.status).toBe(201);
    const list = await memberA.get('/api/independents/member-invoices?pageSize=100');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((i: { memberId: string }) => i.memberId === mia.id)).toBe(true);
    expect((await memberA.get(`/api/independents/member-invoices/${his.body.id}`)).status).toBe(404);
    expect((await memberA.request('GET', `/api/independents/member-invoices/${his.body.id}/file`)).status).toBe(404);
    expect((await memberA.get(`/api/independents/members/${other.id}/independence`)).status).toBe(404);
    expect((await memberA.get(`/api/independents/members/${mia.id}/independence`)).status).toBe(200);
    expect((await staffB.get(`/api/independents/member-invoices/${his.body.id}`)).status).toBe(404);
    expect((await staffA.get(`/api/independents/member-invoices?memberId=${other.id}`)).body.items.map((i: { id: string }) => i.id)).toEqual([his.body.id]);
  });
});

describe('the independence threshold', () => {
  it('warns the member and staff once per crossing, and again only after going back under', async () => {
    const statement = (year: number, revenueCents: number) =>
      memberA.upload(`/api/members/${mia.id}/documents`, { filename: `liasse-${year}.pdf`, contentType: 'application/pdf', bytes: pdf }, { kind: 'fiscal_statement', title: `Liasse ${year}`, year: String(year), declaredRevenueCents: String(revenueCents) });
    // A revenue belongs to a fiscal statement only, and is bounded.
    const charter = await memberA.upload(`/api/members/${mia.id}/documents`, { filename: 'charte.pdf', contentType: 'application/pdf', bytes: pdf }, { kind: 'charter', title: 'Charte', declaredRevenueCents: '100' });
    expect(charter.body.error.fields[0].path).toBe('declaredRevenueCents');
    expect((await statement(2023, -5)).body.error.fields[0].path).toBe('declaredRevenueCents');
    // Already validated: 10,000 + 1,000 cents. Declared 100,000 €: far below 50 %.
    expect((await statement(2024, 10_000_000)).status).toBe(201);
    const mailsBefore = await countRows(t.database.db, mailOutbox);
    const big = (await generate(memberA, { netCents: 6_000_000, description: 'Grosse mission' })).body;
    await staffA.post(`/api/independents/member-invoices/${big.id}/validate`);
    expect(await auditCount('independence.threshold_crossed', mia.id)).toBe(1);
    expect(await countRows(t.database.db, mailOutbox)).toBeGreaterThanOrEqual(mailsBefore + 2);
    const view = (await staffA.get(`/api/independents/members/${mia.id}/independence`)).body;
    expect(view).toMatchObject({ volumeCents: 6_011_000, declaredRevenueCents: 10_000_000, declaredYear: 2024, ratioBp: 6011, thresholdBp: 5000 });
    expect(view.alert).not.toBeNull();

    // Still above: another validation and the daily check warn no more.
    const more = (await generate(memberA, { netCents: 100_000, description: 'Suite' })).body;
    await staffA.post(`/api/independents/member-invoices/${more.id}/validate`);
    await queueDailyRuns(t.database.db, today);
    await t.app.deps.jobs.runDueJobs();
    expect(await auditCount('independence.threshold_crossed', mia.id)).toBe(1);

    // A new statement with a larger revenue: back under, the daily check clears the alert…
    await statement(2025, 100_000_000);
    await queueDailyRuns(t.database.db, addDay(today));
    await t.app.deps.jobs.runDueJobs();
    expect((await staffA.get(`/api/independents/members/${mia.id}/independence`)).body.alert).toBeNull();
    // …and a later statement back down crosses again: a second warning.
    await statement(2026, 10_000_000);
    await queueDailyRuns(t.database.db, addDay(addDay(today)));
    await t.app.deps.jobs.runDueJobs();
    expect(await auditCount('independence.threshold_crossed', mia.id)).toBe(2);
  });

  it('queues the daily check once per coop and day, however often asked', async () => {
    const day = '2098-06-01';
    await queueDailyRuns(t.database.db, day);
    await queueDailyRuns(t.database.db, day);
    const queued = await t.database.db.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.coopId, a.id), eq(jobs.kind, 'independents.check_thresholds'), sql`${jobs.payload}->>'today' = ${day}`));
    expect(queued).toHaveLength(1);
  });
});

describe('settings', () => {
  it('the admin sets the threshold within bounds; staff may not', async () => {
    const admin = await login(a.admin.email);
    expect((await admin.patch('/api/independents/settings', { thresholdBp: 0 })).body.error.fields[0].path).toBe('thresholdBp');
    expect((await admin.patch('/api/independents/settings', { thresholdBp: 4000 })).body).toMatchObject({ thresholdBp: 4000 });
    expect((await staffA.patch('/api/independents/settings', { thresholdBp: 6000 })).status).toBe(403);
    expect((await staffA.get('/api/independents/settings')).body.thresholdBp).toBe(4000);
  });
});

function addDay(day: string) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe("an independent's share of a job", () => {
  /** A job of coop A worked by Mia's activity (60 %) and Olivier's (40 %), brought by Olivier, 10 % margin, one invoice of 10,000 € excl. VAT issued. */
  let jobId: string;
  beforeAll(async () => {
    const db = t.database.db;
    const staff = actorFor(a.id, a.staff.id, ['staff']);
    await db.update(coops).set({ contributionRateBp: 1000 }).where(eq(coops.id, a.id));
    const client = await db.transaction((tx) =>
      createClient(tx, { coopId: a.id, userId: a.admin.id }, { kind: 'company', name: 'Lumen SAS', siren: sirenFor(7311), addresses: [{ kind: 'billing', line1: '1 quai Nord', postalCode: '44000', city: 'Nantes', country: 'FR', isDefault: true }] }),
    );
    ({ id: jobId } = await db.transaction((tx) =>
      createJob(tx, staff, {
        clientId: client.id,
        title: 'Identité visuelle Lumen',
        bringerMemberId: other.id,
        bringerActivityId: otherActivity,
        marginRateBp: 1000,
        participants: [
          { activityId: miaActivity, shareBp: 6000 },
          { activityId: otherActivity, shareBp: 4000 },
        ],
      }),
    ));
    const draft = await createDraftInvoice(db, staff, {
      kind: 'invoice',
      activityId: miaActivity,
      clientId: client.id,
      jobId,
      serviceDate: today,
      operationCategory: 'services',
      lines: [{ description: 'Identité visuelle', quantityMilli: 1000, unit: 'C62', unitPriceCents: 1_000_000, vatCategory: 'S', vatRateBp: 2000 }],
    });
    await validateInvoice(db, staff, draft.id, today);
  });

  const shareOf = async (client: TestClient, activityId: string) => {
    const res = await client.get('/api/independents/member-invoices/job-shares');
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ jobId: string; activityId: string; revenueCents: number; commissionOwedCents: number; contributionCents: number; invoicedCents: number; leftCents: number }>).find((s) => s.jobId === jobId && s.activityId === activityId);
  };

  it('offers her part: revenue − the commission it owes − the contribution − what she already invoiced', async () => {
    const part = (await jobParts(t.database.db, a.id, { jobId })).find((p) => p.activityId === miaActivity)!;
    // 10,000 € less the 10 % margin, 60 % of it: 5,400 €; the bringer's commission on it is the job's rate.
    expect(part.revenueCents).toBe(540_000);
    expect(part.commissionOwedCents).toBeGreaterThan(0);
    const share = await shareOf(memberA, miaActivity);
    expect(share).toMatchObject({ revenueCents: 540_000, commissionOwedCents: part.commissionOwedCents, contributionCents: 54_000, invoicedCents: 0, leftCents: 540_000 - part.commissionOwedCents - 54_000 });
    // The activity's own rate (an override) is the one applied.
    await t.database.db.execute(sql`insert into contribution_activity_settings (coop_id, activity_id, rate_bp) values (${a.id}, ${miaActivity}, 500)`);
    expect((await shareOf(memberA, miaActivity))!.contributionCents).toBe(27_000);
    await t.database.db.execute(sql`delete from contribution_activity_settings where coop_id = ${a.id} and activity_id = ${miaActivity}`);

    const left = share!.leftCents;
    const before = await countRows(t.database.db, memberInvoices);
    const over = await generate(memberA, { jobId, netCents: left + 1 });
    expect(over.status).toBe(400);
    expect(over.body.error.fields[0].path).toBe('netCents');
    // An uploaded invoice naming the job is held to the same share.
    const uploaded = await memberA.upload(
      '/api/independents/member-invoices/upload',
      { filename: 'JOB-1.pdf', contentType: 'application/pdf', bytes: pdf },
      { activityId: miaActivity, jobId, number: 'JOB-1', issueDate: today, netCents: String(left + 1), vatRegime: 'franchise', vatRateBp: '0', description: 'Identité visuelle' },
    );
    expect(uploaded.status).toBe(400);
    expect(uploaded.body.error.fields[0].path).toBe('netCents');
    expect((await generate(memberA, { jobId, netCents: 100 })).status).toBe(201);
    expect(await countRows(t.database.db, memberInvoices)).toBe(before + 1);
    expect(await shareOf(memberA, miaActivity)).toMatchObject({ invoicedCents: 100, leftCents: left - 100 });
    // The rest is accepted to the cent; then nothing is left, and one more cent is refused.
    expect((await generate(memberA, { jobId, netCents: left - 100 })).status).toBe(201);
    expect(await shareOf(memberA, miaActivity)).toMatchObject({ invoicedCents: left, leftCents: 0 });
    expect((await generate(memberA, { jobId, netCents: 1 })).body.error.fields[0].path).toBe('netCents');
  });

  it("refuses a job the activity has no part in, naming jobId", async () => {
    const res = await generate(memberA, { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('jobId');
  });

  it("a member sees her own parts only, never another member's; staff see every part; another coop none", async () => {
    const mine = (await memberA.get('/api/independents/member-invoices/job-shares')).body.items as Array<{ activityId: string }>;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((s) => s.activityId === miaActivity)).toBe(true);
    const all = (await staffA.get('/api/independents/member-invoices/job-shares')).body.items as Array<{ jobId: string; activityId: string }>;
    expect(all.filter((s) => s.jobId === jobId).map((s) => s.activityId).sort()).toEqual([miaActivity, otherActivity].sort());
    expect((await staffB.get('/api/independents/member-invoices/job-shares')).body.items).toEqual([]);
  });
});
