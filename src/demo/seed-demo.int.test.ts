import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/support/app.js';
import { checkIndependenceOfCoop } from '../modules/independents/index.js';
import { DEMO_ADMIN_EMAIL, DEMO_PASSWORD, seedDemo } from './seed-demo.js';

let t: TestApp;
let logins: Awaited<ReturnType<typeof seedDemo>>['logins'];
let coopId: string;
let admin: TestClient;
const NOW = new Date('2026-11-23T10:00:00Z');

beforeAll(async () => {
  t = await createTestApp();
  ({ logins, coopId } = await seedDemo(t.database.db, NOW, { storage: t.app.deps.storage, publicUrl: 'http://mutualise.test' }));
  admin = t.client();
  await admin.login(DEMO_ADMIN_EMAIL, DEMO_PASSWORD);
  // The whole demo story goes through the real operations (every invoice rendered, every entry
  // posted): about 25 s alone on two cores, more beside the rest of the suite.
}, 240_000);
afterAll(() => t.close());

interface Row {
  id: string;
  kind: string;
  status: string;
  number: string | null;
  issueDate: string | null;
  grossCents: number;
  paidCents: number;
  creditedCents: number;
  submittedAt: string | null;
}

describe('the demo cooperative', () => {
  it('has one admin, one advisor, one accountant and twelve members who can all log in with the demo password', async () => {
    expect(logins.filter((l) => l.role === 'admin').map((l) => l.email)).toEqual([DEMO_ADMIN_EMAIL]);
    expect(logins.filter((l) => l.role === 'staff')).toHaveLength(1);
    expect(logins.filter((l) => l.role === 'accountant').map((l) => l.email)).toEqual(['comptable@demo.mutualise.coop']);
    expect(logins.filter((l) => l.role === 'member')).toHaveLength(12);
    const c = t.client();
    const session = await c.login('camille.martin@demo.mutualise.coop', DEMO_PASSWORD);
    expect(session.body.coop.name).toBe('Coopérative Démo');
  });

  it('holds members of the three membership types along their lifecycle, with activities and ten clients', async () => {
    const coop = (await admin.get('/api/coop')).body;
    expect(coop).toMatchObject({ siren: '552081317', vatNumber: 'FR' + coop.vatNumber.slice(2, 4) + '552081317' });
    const dashboard = (await admin.get('/api/dashboard')).body;
    const members = (await admin.get('/api/members?pageSize=100')).body;
    expect(members.total).toBe(12);
    const types = members.items.map((m: { membershipType: string }) => m.membershipType);
    expect(types.filter((x: string) => x === 'entrepreneur_salarie')).toHaveLength(6);
    expect(types.filter((x: string) => x === 'independent')).toHaveLength(3);
    expect(types.filter((x: string) => x === 'coworker')).toHaveLength(3);
    const statuses = new Set(members.items.map((m: { status: string }) => m.status));
    for (const s of ['candidate', 'in_support', 'employee', 'associate', 'active', 'leaving']) expect(statuses).toContain(s);
    expect(dashboard.coop.members.byType).toMatchObject({ entrepreneur_salarie: 6, independent: 3, coworker: 3 });
    expect((await admin.get('/api/activities?pageSize=100')).body.total).toBe(10);
    expect((await admin.get('/api/clients?pageSize=100')).body.total).toBe(10);
  });

  it('lets a member see the shared activity they hold', async () => {
    const c = t.client();
    await c.login('hugo.petit@demo.mutualise.coop', DEMO_PASSWORD);
    const mine = (await c.get('/api/activities')).body.items.map((a: { code: string }) => a.code).sort();
    expect(mine).toEqual(['ECO-RENOVATION', 'HUGO-FORMATION']);
  });
});

describe('the demo sales chain', () => {
  const invoices = async (): Promise<Row[]> => (await admin.get('/api/invoices?pageSize=100')).body.items;

  it('numbers the issued invoices and the credit note of the year 1..N without a gap, dated in this year and not after today', async () => {
    const issued = (await invoices()).filter((i) => i.number);
    const seqs = issued.map((i) => Number(i.number!.replace(/^F2026-/, ''))).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: issued.length }, (_, i) => i + 1));
    expect(issued.length).toBeGreaterThanOrEqual(10);
    for (const i of issued) expect(i.issueDate! >= '2026-01-01' && i.issueDate! <= '2026-11-23').toBe(true);
    // Numbers follow the issue dates, as the law expects of a chronological series.
    const byNumber = [...issued].sort((a, b) => a.number!.localeCompare(b.number!));
    expect(byNumber.map((i) => i.issueDate)).toEqual([...byNumber.map((i) => i.issueDate)].sort());
  });

  it('keeps the ledger balanced, with sales at several VAT rates and the money received at the bank', async () => {
    const res = await admin.get('/api/ledger/trial-balance?from=2026-01-01&to=2026-12-31');
    expect(res.status).toBe(200);
    const { rows, totals } = res.body as { rows: { account: string; debitCents: number; creditCents: number }[]; totals: { debitCents: number; creditCents: number } };
    expect(totals.debitCents).toBeGreaterThan(0);
    expect(totals.debitCents).toBe(totals.creditCents);
    const accounts = rows.map((r) => r.account);
    for (const a of ['411', '512', '706', '44571']) expect(accounts).toContain(a);
  });

  it('posts the cooperative contribution of every invoice issued through the real validation: 6581 on the activities, 7588 to the coop', async () => {
    const res = await admin.get('/api/ledger/trial-balance?from=2026-01-01&to=2026-12-31');
    const rows = (res.body as { rows: { account: string; debitCents: number; creditCents: number }[] }).rows;
    const charge = rows.find((r) => r.account === '6581');
    expect(charge!.debitCents - charge!.creditCents).toBeGreaterThan(0);
    const income = rows.find((r) => r.account === '7588');
    expect(income!.creditCents - income!.debitCents).toBe(charge!.debitCents - charge!.creditCents);
    const issued = (await invoices()).find((i) => i.kind === 'invoice' && i.number && i.creditedCents === 0);
    expect((await admin.get(`/api/invoices/${issued!.id}`)).body.contribution).toMatchObject({ rateBp: 1000, basis: 'validation' });
  });

  it('has paid, partially paid, overdue and credited invoices, a deposit, and a draft a member submitted', async () => {
    const all = await invoices();
    expect(all.filter((i) => i.status === 'paid').length).toBeGreaterThanOrEqual(5);
    expect(all.filter((i) => i.status === 'partially_paid')).toHaveLength(1);
    expect(all.filter((i) => i.kind === 'credit_note')).toHaveLength(1);
    expect(all.filter((i) => i.creditedCents > 0)).toHaveLength(1);
    expect(all.filter((i) => i.kind === 'deposit' && i.status === 'paid')).toHaveLength(1);
    const toValidate = (await admin.get('/api/invoices?toValidate=true')).body.items as Row[];
    expect(toValidate).toHaveLength(1);
    expect(toValidate[0]).toMatchObject({ status: 'draft', number: null });
    expect((await admin.get('/api/invoices?status=overdue&pageSize=100')).body.total).toBeGreaterThanOrEqual(2);

    const detail = async (id: string) => (await admin.get(`/api/invoices/${id}`)).body as { vatBreakdown: { vatCategory: string; vatRateBp: number }[] };
    const rates = new Set<string>();
    for (const i of all.filter((x) => x.kind === 'invoice' && x.number)) for (const g of (await detail(i.id)).vatBreakdown) rates.add(`${g.vatCategory} ${g.vatRateBp}`);
    expect([...rates].sort()).toEqual(['E 0', 'S 1000', 'S 2000', 'S 550']);
  });

  it('records the payments, one of them partial', async () => {
    const payments = (await admin.get('/api/payments?pageSize=100')).body;
    expect(payments.total).toBeGreaterThanOrEqual(8);
    const partial = (await invoices()).find((i) => i.status === 'partially_paid')!;
    expect(partial.paidCents).toBeGreaterThan(0);
    expect(partial.paidCents).toBeLessThan(partial.grossCents);
  });

  it('has an endowed guarantee fund, one advance settled by its client and one outstanding', async () => {
    const fund = (await admin.get('/api/advances/fund')).body as { position: { endowmentCents: number; outstandingCents: number; availableCents: number } };
    expect(fund.position.endowmentCents).toBe(1_500_000);
    const advances = (await admin.get('/api/advances')).body as { status: string; outstandingCents: number }[];
    expect(advances.map((a) => a.status).sort()).toEqual(['paid', 'settled']);
    expect(fund.position.outstandingCents).toBe(advances.find((a) => a.status === 'paid')!.outstandingCents);
    expect(fund.position.outstandingCents).toBeGreaterThan(0);
  });

  it('chases the two late payers, and their reminders wait in the outbox', async () => {
    const cases = (await admin.get('/api/dunning/cases')).body;
    expect(cases.items.map((c: { clientName: string }) => c.clientName).sort()).toEqual(['Studio Lumen', 'Transports Rhône-Alpes Express']);
    const lumen = cases.items.find((c: { clientName: string }) => c.clientName === 'Studio Lumen');
    expect(lumen.events.map((e: { kind: string; action: string }) => `${e.kind}:${e.action}`)).toEqual(['reminder:sent', 'reminder:sent']);
    const outbox = (await admin.get('/api/outbox?pageSize=100')).body.items as { template: string }[];
    expect(outbox.filter((m) => m.template === 'dunning_reminder')).toHaveLength(3);
  });

  it('has quotes in each state: a draft, one sent with its portal link in the outbox, one accepted with a 30 % deposit invoiced', async () => {
    const quotes = (await admin.get('/api/quotes?pageSize=100')).body.items as { id: string; status: string; netCents: number }[];
    expect(quotes.map((q) => q.status).sort()).toEqual(['accepted', 'draft', 'sent']);
    const accepted = quotes.find((q) => q.status === 'accepted')!;
    const detail = (await admin.get(`/api/quotes/${accepted.id}`)).body;
    expect(detail.invoices).toHaveLength(1);
    expect(detail.invoices[0]).toMatchObject({ kind: 'deposit', netCents: Math.round(accepted.netCents * 0.3) });
    // A possible story: sent, then accepted, then the deposit invoice, then its payment.
    const deposit = (await admin.get(`/api/invoices/${detail.invoices[0].invoiceId}`)).body;
    const payments = (await admin.get('/api/payments?pageSize=100')).body.items as { date: string; allocations: { invoiceId: string }[] }[];
    const paidOn = payments.filter((p) => p.allocations.some((a) => a.invoiceId === deposit.id)).map((p) => p.date);
    const dayOf = (at: string) => at.slice(0, 10);
    expect(dayOf(detail.sentAt) < dayOf(detail.acceptedAt)).toBe(true);
    expect(dayOf(detail.acceptedAt) <= deposit.issueDate).toBe(true);
    expect(paidOn.length).toBeGreaterThan(0);
    expect(paidOn.every((d) => deposit.issueDate <= d)).toBe(true);
    expect(dayOf(detail.acceptedAt) < NOW.toISOString().slice(0, 10)).toBe(true);
    const mails = (await admin.get('/api/outbox?pageSize=100')).body.items as { id: string; template: string }[];
    const sent = mails.filter((m) => m.template === 'quote.sent');
    expect(sent).toHaveLength(2);
    const mail = (await admin.get(`/api/outbox/${sent[0]!.id}`)).body;
    expect(mail.textBody).toMatch(/http:\/\/mutualise\.test\/portal\/quotes\/\S+/);
    expect(mail.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf' })]);
  });
});

describe('the demo salaries', () => {
  it('shows the team one salary validated and one waiting, each within its activity’s treasury', async () => {
    const res = await admin.get('/api/salaries/requests?pageSize=100');
    expect(res.status).toBe(200);
    const byStatus = (s: string) => res.body.items.filter((r: { status: string }) => r.status === s);
    expect(byStatus('validated')).toEqual([expect.objectContaining({ activityCode: 'BOIS-LUMIERE', grossCents: 2_000_00, month: '2026-11' })]);
    expect(byStatus('requested')).toEqual([expect.objectContaining({ activityCode: 'CAMILLE-GRAPHISME', grossCents: 600_00 })]);
    expect(byStatus('validated')[0].entryId).toBeTruthy();
  });
  it("has Camille's expense reports: one refunded, one waiting for the advisor, each expense with its receipt", async () => {
    const res = await admin.get('/api/expenses/reports?pageSize=100');
    expect(res.status).toBe(200);
    const byStatus = (s: string) => res.body.items.filter((r: { status: string }) => r.status === s);
    expect(byStatus('paid')).toHaveLength(1);
    expect(byStatus('submitted')).toHaveLength(1);
    const report = (await admin.get(`/api/expenses/reports/${byStatus('submitted')[0].id}`)).body;
    expect(report.lines.filter((l: { kind: string }) => l.kind === 'mileage')).toHaveLength(1);
    for (const line of report.lines.filter((l: { kind: string }) => l.kind === 'expense')) {
      const file = await admin.request('GET', `/api/expenses/reports/${report.id}/lines/${line.id}/receipt`);
      expect(file.status).toBe(200);
      expect(file.headers['content-type']).toBe('image/png');
    }
  });
});

describe('the demo independents', () => {
  const login = async (email: string) => {
    const c = t.client();
    await c.login(email, DEMO_PASSWORD);
    return c;
  };

  it('shows a job where two independents work with an entrepreneur-salariée, paid by the client, and their invoices to the coop generated from it: one paid, one waiting', async () => {
    const jobs = (await admin.get('/api/jobs?pageSize=100')).body.items as { id: string; title: string }[];
    const job = jobs.find((j) => j.title.startsWith('Plan de transformation'))!;
    const whole = (await admin.get(`/api/jobs/${job.id}`)).body;
    expect(whole.participants.map((p: { activityCode?: string; activityName?: string }) => p.activityName).sort()).toEqual(['Camille Martin Graphisme', 'Girard Marketing', 'NR Conseil']);
    const [invoice] = (await admin.get(`/api/invoices?jobId=${job.id}`)).body.items as Row[];
    expect(invoice).toMatchObject({ status: 'paid', grossCents: 2_400_000, paidCents: 2_400_000 });
    const memberInvoices = (await admin.get('/api/independents/member-invoices?pageSize=100')).body.items as { memberName: string; status: string; jobId: string; origin: string; netCents: number }[];
    expect(memberInvoices.map((i) => [i.memberName, i.status, i.jobId, i.origin]).sort()).toEqual([
      ['Nathalie Roux', 'received', job.id, 'generated'],
      ['Sarah Girard', 'paid', job.id, 'generated'],
    ]);
    // Each invoices her part: 30 % of the 18,000 € left after the project margin, less her 30 %
    // of the bringer's 8 % on the 20,000 € invoiced and the coop's 10 % contribution on her part.
    expect(memberInvoices.find((i) => i.memberName === 'Sarah Girard')!.netCents).toBe(540_000 - 48_000 - 54_000);
    // Nathalie sees the job and her own part only, and her own invoice to the coop.
    const nathalie = await login('nathalie.roux@demo.mutualise.coop');
    const hers = (await nathalie.get(`/api/jobs/${job.id}`)).body;
    expect(hers.split.map((s: { activityCode: string }) => s.activityCode)).toEqual(['NR-CONSEIL']);
    expect((await nathalie.get('/api/independents/member-invoices')).body.items.map((i: { memberName: string }) => i.memberName)).toEqual(['Nathalie Roux']);
  });

  it("warns Sarah and her advisor once: her volume through the coop passed the threshold of her small declared revenue; Nathalie's is far under", async () => {
    const sarah = await login('sarah.girard@demo.mutualise.coop');
    const view = (await sarah.get('/api/independents/me/independence')).body;
    expect(view).toMatchObject({ declaredYear: 2025, declaredRevenueCents: 800_000, thresholdBp: 5000, alert: expect.objectContaining({ ratioBp: view.ratioBp }) });
    expect(view.ratioBp).toBeGreaterThan(view.thresholdBp);
    const nathalie = await login('nathalie.roux@demo.mutualise.coop');
    expect((await nathalie.get('/api/independents/me/independence')).body).toMatchObject({ declaredRevenueCents: 9_600_000, alert: null });
    // The daily check finds the alert open: nothing is sent again.
    expect(await checkIndependenceOfCoop(t.database.db, coopId, '2026-11-23')).toEqual({ opened: 0, cleared: 0 });
    const outbox = (await admin.get('/api/outbox?pageSize=100')).body.items as { template: string }[];
    expect(outbox.filter((m) => m.template === 'independence.threshold_crossed.member')).toHaveLength(1);
    expect(outbox.filter((m) => m.template === 'independence.threshold_crossed.staff')).toHaveLength(1);
  });

  it('bills the independents their monthly fee, and offers "Mes cotisations" to them, not to an entrepreneur-salariée', async () => {
    const nathalie = await login('nathalie.roux@demo.mutualise.coop');
    expect((await nathalie.get('/api/auth/session')).body.feesBilled).toBe(true);
    const fees = (await nathalie.get('/api/fees?pageSize=100')).body.items as { month: string }[];
    expect(fees.map((f) => f.month).sort()).toEqual(['2026-09', '2026-10', '2026-11']);
    const camille = await login('camille.martin@demo.mutualise.coop');
    expect((await camille.get('/api/auth/session')).body.feesBilled).toBe(false);
  });
});
