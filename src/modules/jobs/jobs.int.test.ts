import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMember } from '../../../test/support/activity-fixtures.js';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createPerson, DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { CHECK_VIOLATION, sqlState } from '../../platform/db/client.js';
import { createActivity } from '../activities/index.js';
import { coops } from '../coops/schema.js';
import { createCreditNote, createDraftInvoice, getInvoice, validateInvoice } from '../invoicing/index.js';
import { journalEntries, journalEntryLines } from '../ledger/schema.js';
import { cancelPayment, recordPayment } from '../payments/index.js';
import { activityTreasury } from '../treasury/index.js';
import { createJob } from './create-job.js';
import { jobParts } from './job-parts.js';
import { jobParticipants } from './schema.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  // Migrations on an embedded database, on two cores other work shares: more than the default minute.
}, 300_000);
afterAll(async () => {
  await t?.close();
});

const ISSUE_DAY = '2026-06-20';

/**
 * A job of the payments coop's client, brought by Ada (her activity A), worked by Mia's
 * activity (B, 60 %) and Oscar's (C, 40 %), with a 10 % project margin and the coop's 8 %
 * commission; Ada and Mia can log in, and so can Noé, a member with an activity not on the job.
 */
async function jobCoop(label: string, basis: 'validation' | 'payment' = 'validation') {
  const db = t.database.db;
  const f = await createPaymentsCoop(db, label);
  await db.update(coops).set({ contributionBasis: basis }).where(eq(coops.id, f.coop.id));
  const adaUser = await createPerson(db, f.coop.id, `ada-${f.coop.id.slice(0, 8)}@jobs.test`, 'Ada Apporteuse', ['member']);
  const noeUser = await createPerson(db, f.coop.id, `noe-${f.coop.id.slice(0, 8)}@jobs.test`, 'Noé Ailleurs', ['member']);
  const ada = await insertMember(db, f.coop.id, { firstName: 'Ada', lastName: 'Apporteuse', userId: adaUser.id });
  const noe = await insertMember(db, f.coop.id, { firstName: 'Noé', lastName: 'Ailleurs', userId: noeUser.id });
  const system = { coopId: f.coop.id, userId: f.coop.admin.id };
  const { adaActivityId, noeActivityId } = await db.transaction(async (tx) => ({
    adaActivityId: (await createActivity(tx, system, { name: `Conseil Ada ${label}`, holders: [{ memberId: ada.id, shareBp: 10_000 }] })).id,
    noeActivityId: (await createActivity(tx, system, { name: `Atelier Noé ${label}`, holders: [{ memberId: noe.id, shareBp: 10_000 }] })).id,
  }));
  const { id: jobId } = await db.transaction((tx) =>
    createJob(tx, f.staff, {
      clientId: f.clientId,
      title: 'Refonte du site de la boulangerie',
      bringerMemberId: ada.id,
      bringerActivityId: adaActivityId,
      marginRateBp: 1000,
      participants: [
        { activityId: f.activityId, shareBp: 6000 },
        { activityId: f.otherActivityId, shareBp: 4000 },
      ],
    }),
  );
  async function issue(netCents: number) {
    const draft = await createDraftInvoice(db, f.staff, {
      kind: 'invoice',
      activityId: f.activityId,
      clientId: f.clientId,
      jobId,
      serviceDate: '2026-06-10',
      operationCategory: 'services',
      lines: [{ description: 'Refonte', quantityMilli: 1000, unit: 'C62', unitPriceCents: netCents, vatCategory: 'S', vatRateBp: 2000 }],
    });
    const { number } = await validateInvoice(db, f.staff, draft.id, ISSUE_DAY);
    return { id: draft.id, number, grossCents: (await getInvoice(db, f.staff, draft.id)).grossCents };
  }
  return { ...f, jobId, adaActivityId, noeActivityId, adaUser, noeUser, issue };
}

/** The lines of the entries of the coop on `account`, summed per activity (credit − debit). */
async function creditsOn(coopId: string, account: string): Promise<Map<string | null, number>> {
  const rows = await t.database.db
    .select({ activityId: journalEntryLines.activityId, net: sql<number>`sum(${journalEntryLines.creditCents} - ${journalEntryLines.debitCents})`.mapWith(Number) })
    .from(journalEntryLines)
    .where(and(eq(journalEntryLines.coopId, coopId), eq(journalEntryLines.accountNumber, account)))
    .groupBy(journalEntryLines.activityId);
  return new Map(rows.map((r) => [r.activityId, r.net]));
}

async function balanced(coopId: string): Promise<boolean> {
  const [row] = await t.database.db
    .select({ d: sql<number>`sum(${journalEntryLines.debitCents})`.mapWith(Number), c: sql<number>`sum(${journalEntryLines.creditCents})`.mapWith(Number) })
    .from(journalEntryLines)
    .where(eq(journalEntryLines.coopId, coopId));
  return row!.d === row!.c;
}

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

describe('a shared job invoiced at validation basis', () => {
  it('splits the sales entry between the activities and the margin, and posts the commission to the bringer', async () => {
    const f = await jobCoop('split');
    await f.issue(100_000);
    const revenue = await creditsOn(f.coop.id, '706');
    expect(revenue.get(f.activityId)).toBe(54_000);
    expect(revenue.get(f.otherActivityId)).toBe(36_000);
    expect(revenue.has(null)).toBe(false);
    expect((await creditsOn(f.coop.id, '7061')).get(null)).toBe(10_000);
    // What the client owes is shared like the revenue (54 % / 36 % / 10 % of 120 000).
    const receivable = await creditsOn(f.coop.id, '411');
    expect([receivable.get(f.activityId), receivable.get(f.otherActivityId), receivable.get(null)]).toEqual([-64_800, -43_200, -12_000]);
    const charges = await creditsOn(f.coop.id, '6222');
    expect(charges.get(f.activityId)).toBe(-4_800);
    expect(charges.get(f.otherActivityId)).toBe(-3_200);
    expect((await creditsOn(f.coop.id, '7082')).get(f.adaActivityId)).toBe(8_000);
    const [od] = await t.database.db.select().from(journalEntries).where(and(eq(journalEntries.coopId, f.coop.id), eq(journalEntries.sourceType, 'job_commission')));
    expect(od!.journalCode).toBe('OD');
    expect(await balanced(f.coop.id)).toBe(true);
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.action, 'commission.posted')));
    expect(audits).toHaveLength(1);
  });

  it('a full credit note gives back every part exactly, a partial one its own split', async () => {
    const f = await jobCoop('credit');
    const invoice = await f.issue(33_333);
    await createCreditNote(t.database.db, f.staff, invoice.id, { lines: [{ description: 'Geste', quantityMilli: 1000, unit: 'C62', unitPriceCents: 10_001, vatCategory: 'S', vatRateBp: 2000, exemptionReason: null }] }, '2026-06-25');
    const afterPartial = await creditsOn(f.coop.id, '706');
    // 33,333 − 10 % = 30,000 → 18,000 / 12,000; the credit note of 10,001: margin 1,000, 9,001 → 5,401 / 3,600.
    expect(afterPartial.get(f.activityId)).toBe(18_000 - 5_401);
    expect(afterPartial.get(f.otherActivityId)).toBe(12_000 - 3_600);
    expect((await creditsOn(f.coop.id, '7061')).get(null)).toBe(3_333 - 1_000);
    // Commission 8 % of 33,333 = 2,667, of 10,001 = 800.
    expect((await creditsOn(f.coop.id, '7082')).get(f.adaActivityId)).toBe(2_667 - 800);

    const f2 = await jobCoop('credit-full');
    const full = await f2.issue(33_333);
    await createCreditNote(t.database.db, f2.staff, full.id, { full: true }, '2026-06-25');
    for (const account of ['706', '7061', '6222', '7082']) {
      for (const [, net] of await creditsOn(f2.coop.id, account)) expect(net).toBe(0);
    }
    expect(await balanced(f2.coop.id)).toBe(true);
    const parts = await jobParts(t.database.db, f2.coop.id, { jobId: f2.jobId });
    expect(parts.every((p) => p.revenueCents === 0 && p.commissionPaidCents === 0 && p.commissionReceivedCents === 0)).toBe(true);
  });
});

describe("a shared job's treasury", () => {
  it("counts each activity's part as collected only as the client pays, to the cent once paid in full", async () => {
    const f = await jobCoop('collected');
    const invoice = await f.issue(100_001);
    const collected = async () => {
      const today = '2026-06-30';
      const [b, c] = [await activityTreasury(t.database.db, f.coop.id, f.activityId, { today }), await activityTreasury(t.database.db, f.coop.id, f.otherActivityId, { today })];
      return [b.collectedCents, c.collectedCents, b.invoicedCents, c.invoicedCents];
    };
    const [, , invoicedB, invoicedC] = await collected();
    // 100 001 − 10 % margin = 90 001 → 54 001 / 36 000: invoiced, nothing collected yet.
    expect(await collected()).toEqual([0, 0, invoicedB, invoicedC]);
    expect(invoicedB + invoicedC).toBe(90_001);
    const third = Math.floor(invoice.grossCents / 3);
    await recordPayment(t.database.db, f.staff, { clientId: f.clientId, date: '2026-06-25', amountCents: third, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: third }] });
    const [b1, c1] = await collected();
    expect(Math.abs(b1! - invoicedB / 3)).toBeLessThanOrEqual(1);
    expect(Math.abs(c1! - invoicedC / 3)).toBeLessThanOrEqual(1);
    await recordPayment(t.database.db, f.staff, { clientId: f.clientId, date: '2026-06-26', amountCents: invoice.grossCents - third, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: invoice.grossCents - third }] });
    expect(await collected()).toEqual([invoicedB, invoicedC, invoicedB, invoicedC]);
    // Every part of the receivable cleared, none left over on any activity.
    expect([...(await creditsOn(f.coop.id, '411')).values()].every((v) => v === 0)).toBe(true);
    expect(await balanced(f.coop.id)).toBe(true);
  });
});

describe('a shared job at payment basis', () => {
  it('posts the commission as the client pays, exactly in full once paid, and takes it back when a payment is cancelled', async () => {
    const f = await jobCoop('payment', 'payment');
    const invoice = await f.issue(100_001);
    expect((await creditsOn(f.coop.id, '7082')).size).toBe(0);
    const third = Math.floor(invoice.grossCents / 3);
    const first = await recordPayment(t.database.db, f.staff, { clientId: f.clientId, date: '2026-06-25', amountCents: third, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: third }] });
    // Commission 8,000 (of 100,001): B pays 4,800, C 3,200; a third paid gives each a third, rounded.
    const charged = await creditsOn(f.coop.id, '6222');
    expect(charged.get(f.activityId)).toBe(-Math.round((4_800 * third) / invoice.grossCents));
    expect(charged.get(f.otherActivityId)).toBe(-Math.round((3_200 * third) / invoice.grossCents));
    await recordPayment(t.database.db, f.staff, { clientId: f.clientId, date: '2026-06-26', amountCents: invoice.grossCents - third, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: invoice.grossCents - third }] });
    expect((await creditsOn(f.coop.id, '7082')).get(f.adaActivityId)).toBe(8_000);
    expect((await creditsOn(f.coop.id, '6222')).get(f.activityId)).toBe(-4_800);

    await cancelPayment(t.database.db, f.staff, first.id, { reason: 'Saisie en double' }, '2026-06-27');
    const back = await creditsOn(f.coop.id, '7082');
    expect(back.get(f.adaActivityId)).toBe(Math.round((4_800 * (invoice.grossCents - third)) / invoice.grossCents) + Math.round((3_200 * (invoice.grossCents - third)) / invoice.grossCents));
    expect(await balanced(f.coop.id)).toBe(true);
  });
});

describe('who sees a job', () => {
  it('a participating member sees their own part only; the bringer their commission; a member not on the job gets 404', async () => {
    const f = await jobCoop('scope');
    await f.issue(100_000);
    const mia = await loggedIn(f.coop.member.email);
    const asMia = await mia.get(`/api/jobs/${f.jobId}`);
    expect(asMia.status).toBe(200);
    expect(asMia.body.participants).toEqual([expect.objectContaining({ activityId: f.activityId, shareBp: 6000 })]);
    expect(asMia.body.split).toEqual([expect.objectContaining({ activityId: f.activityId, revenueCents: 54_000, commissionPaidCents: 4_800 })]);
    expect(asMia.body).toMatchObject({ wholeJob: false, invoicedCents: null, marginCents: null, commissionCents: null, participantCount: 2 });
    expect(JSON.stringify(asMia.body)).not.toContain(f.otherActivityId);

    const ada = await loggedIn(f.adaUser.email);
    const asAda = await ada.get(`/api/jobs/${f.jobId}`);
    expect(asAda.body).toMatchObject({ commissionCents: 8_000, participants: [], invoicedCents: null });
    expect(asAda.body.split).toEqual([expect.objectContaining({ activityId: f.adaActivityId, revenueCents: 0, commissionReceivedCents: 8_000 })]);
    // The bringer sees the job, but filtering it by a participant's activity must not tell her
    // that this activity works on it: outside her scope, the filter finds nothing.
    expect((await ada.get(`/api/jobs?activityId=${f.adaActivityId}`)).body.total).toBe(1);
    const probe = await ada.get(`/api/jobs?activityId=${f.activityId}`);
    expect(probe.status).toBe(200);
    expect(probe.body).toMatchObject({ total: 0, items: [] });
    // Mia, on the job, cannot learn through the filter who else works on it either.
    expect((await mia.get(`/api/jobs?activityId=${f.otherActivityId}`)).body.total).toBe(0);
    expect((await mia.get(`/api/jobs?activityId=${f.activityId}`)).body.total).toBe(1);

    const noe = await loggedIn(f.noeUser.email);
    expect((await noe.get(`/api/jobs/${f.jobId}`)).status).toBe(404);
    expect((await noe.get('/api/jobs')).body.total).toBe(0);
    expect((await mia.get('/api/jobs')).body.items.map((j: { id: string }) => j.id)).toEqual([f.jobId]);

    const staff = await loggedIn(f.coop.staff.email);
    const whole = await staff.get(`/api/jobs/${f.jobId}`);
    expect(whole.body).toMatchObject({ wholeJob: true, invoicedCents: 100_000, marginCents: 10_000, commissionCents: 8_000 });
    expect(whole.body.participants).toHaveLength(2);
    // The activity page's card: the jobs an activity works on or brought.
    expect((await staff.get(`/api/jobs?activityId=${f.adaActivityId}`)).body.total).toBe(1);
    expect((await staff.get(`/api/jobs?activityId=${f.noeActivityId}`)).body.total).toBe(0);
  });

  it("on every route of the job's pages, a member who works on it or brought it sees no other activity's documents, and one not on it nothing", async () => {
    const f = await jobCoop('pages');
    // The job's invoice is issued from Mia's activity: Ada (the bringer) and Noé (not on it) must not reach it.
    const invoice = await f.issue(100_000);
    const [mia, ada, noe] = await Promise.all([loggedIn(f.coop.member.email), loggedIn(f.adaUser.email), loggedIn(f.noeUser.email)]);
    const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);
    expect(ids((await mia.get(`/api/invoices?jobId=${f.jobId}&pageSize=100`)).body)).toEqual([invoice.id]);
    for (const other of [ada, noe]) {
      const invoices = await other.get(`/api/invoices?jobId=${f.jobId}&pageSize=100`);
      expect(invoices.status).toBe(200);
      expect(invoices.body.items).toEqual([]);
      expect((await other.get(`/api/invoices/${invoice.id}`)).status).toBe(404);
      const quotes = await other.get(`/api/quotes?jobId=${f.jobId}&pageSize=100`);
      expect(quotes.status).toBe(200);
      expect(quotes.body.items).toEqual([]);
    }
    // A member not on the job does not find it through another activity's filter either.
    expect((await noe.get(`/api/jobs?activityId=${f.activityId}`)).body.total).toBe(0);
    // Nobody but the team changes or closes it, whoever they are on the job.
    for (const member of [mia, ada, noe]) {
      expect((await member.patch(`/api/jobs/${f.jobId}`, { title: 'Autre titre' })).status).toBe(403);
      expect((await member.post(`/api/jobs/${f.jobId}/close`)).status).toBe(403);
    }
    expect((await noe.get(`/api/jobs/${f.jobId}`)).status).toBe(404);
  });

  it('a member declares a job only between their own activities; only the team changes or closes it', async () => {
    const f = await jobCoop('declare');
    const mia = await loggedIn(f.coop.member.email);
    const refused = await mia.post('/api/jobs', { clientId: f.clientId, title: 'Avec Oscar', participants: [{ activityId: f.activityId, shareBp: 5000 }, { activityId: f.otherActivityId, shareBp: 5000 }] });
    expect(refused.status).toBe(400);
    const own = await mia.post('/api/jobs', { clientId: f.clientId, title: 'Mon affaire', participants: [{ activityId: f.activityId, shareBp: 10_000 }] });
    expect(own.status).toBe(201);
    expect(own.body).toMatchObject({ reference: expect.stringMatching(/^AFF-\d{4}$/), commissionRateBp: 800, marginRateBp: 0 });
    expect((await mia.patch(`/api/jobs/${own.body.id}`, { title: 'Autre titre' })).status).toBe(403);
    const staff = await loggedIn(f.coop.staff.email);
    const closed = await staff.post(`/api/jobs/${own.body.id}/close`);
    expect(closed.body.status).toBe('closed');
    // A closed job takes no more invoices.
    const draft = await mia.post('/api/invoices', { activityId: f.activityId, clientId: f.clientId, jobId: own.body.id, lines: [] });
    expect(draft.status).toBe(400);
  });

  it('shares that do not add up to 100 % are refused by the API and by the database', async () => {
    const f = await jobCoop('shares');
    const staff = await loggedIn(f.coop.staff.email);
    const res = await staff.patch(`/api/jobs/${f.jobId}`, { participants: [{ activityId: f.activityId, shareBp: 6000 }, { activityId: f.otherActivityId, shareBp: 3000 }] });
    expect(res.status).toBe(400);
    const err = await t.database.db
      .transaction(async (tx) => {
        await tx.update(jobParticipants).set({ shareBp: 5000 }).where(and(eq(jobParticipants.coopId, f.coop.id), eq(jobParticipants.activityId, f.activityId)));
      })
      .catch((e: unknown) => e);
    expect(sqlState(err)).toBe(CHECK_VIOLATION);
  });
});
