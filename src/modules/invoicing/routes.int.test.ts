import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createInvoicingCoop, draftOf } from '../../../test/support/invoicing-db-fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { sqlConstraint } from '../../platform/db/client.js';
import { todayFromClock } from '../../platform/calendar/index.js';
import { numberSeries } from '../../platform/numbering/schema.js';
import { activityBalance } from '../ledger/index.js';
import { createDraftInvoice, validateInvoice } from './index.js';
import { invoiceLines, invoices } from './schema.js';

let t: TestApp;
const TODAY = '2026-06-20';

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('the statement was accepted');
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('invoice numbering', () => {
  it('validation assigns F2026-00001, F2026-00002… in order and freezes the parties', async () => {
    const f = await createInvoicingCoop(t.database.db, 'numbering');
    const db = t.database.db;
    const first = await createDraftInvoice(db, f.staff, draftOf(f.activityId, f.clientId));
    const second = await createDraftInvoice(db, f.staff, draftOf(f.activityId, f.clientId));
    expect((await validateInvoice(db, f.staff, first.id, TODAY)).number).toBe('F2026-00001');
    expect((await validateInvoice(db, f.staff, second.id, TODAY)).number).toBe('F2026-00002');
    const [row] = await db.select().from(invoices).where(eq(invoices.id, first.id));
    expect(row).toMatchObject({ status: 'validated', seq: 1, seriesKey: '2026', issueDate: TODAY, dueDate: '2026-07-20', netCents: 101_800, vatCents: 20_099, grossCents: 121_899 });
    expect(row!.mentions).toMatchObject({ buyer: { name: 'Boulangerie du Parc' }, seller: { name: f.coop.name } });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, first.id), eq(auditLog.action, 'invoice.validated')));
    expect(audits).toHaveLength(1);
  });

  it('the settings preview shows the next number the series will give, not the first', async () => {
    const f = await createInvoicingCoop(t.database.db, 'next-number');
    const db = t.database.db;
    const today = todayFromClock();
    const staff = await loggedIn(f.coop.staff.email);
    expect((await staff.get('/api/invoices/next-sequence')).body).toEqual({ year: Number(today.slice(0, 4)), yearly: 1, continuous: 1 });
    for (let i = 0; i < 3; i++) await validateInvoice(db, f.staff, (await createDraftInvoice(db, f.staff, draftOf(f.activityId, f.clientId))).id, today);
    const res = await staff.get('/api/invoices/next-sequence');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ yearly: 4, continuous: 1 });
    const member = await loggedIn(f.coop.member.email);
    expect((await member.get('/api/invoices/next-sequence')).status).toBe(403);
  });

  it('20 validations at once take the numbers 1 to 20, with no gap and no duplicate', async () => {
    const f = await createInvoicingCoop(t.database.db, 'concurrent');
    const db = t.database.db;
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push(await createDraftInvoice(db, f.staff, draftOf(f.activityId, f.clientId)));
    const results = await Promise.all(drafts.map((d) => validateInvoice(db, f.staff, d.id, TODAY)));
    const numbers = results.map((r) => r.number).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `F2026-${String(i + 1).padStart(5, '0')}`));
    const rows = await db.select({ seq: invoices.seq }).from(invoices).where(eq(invoices.coopId, f.coop.id));
    expect(rows.map((r) => r.seq).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const [series] = await db.select().from(numberSeries).where(and(eq(numberSeries.coopId, f.coop.id), like(numberSeries.series, 'invoice:%')));
    expect(series).toMatchObject({ series: 'invoice:2026', lastNumber: 20 });
  });

  it('one invoice validated twice at once is issued once, and the other call is refused', async () => {
    const f = await createInvoicingCoop(t.database.db, 'twice');
    const db = t.database.db;
    const draft = await createDraftInvoice(db, f.staff, draftOf(f.activityId, f.clientId));
    const outcomes = await Promise.allSettled([validateInvoice(db, f.staff, draft.id, TODAY), validateInvoice(db, f.staff, draft.id, TODAY)]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect((rejected.reason as { code: string }).code).toBe('INVOICE_ISSUED');
    const [series] = await db.select().from(numberSeries).where(and(eq(numberSeries.coopId, f.coop.id), eq(numberSeries.series, 'invoice:2026')));
    expect(series!.lastNumber).toBe(1);
  });

  it('an invoice missing a mandatory mention cannot be validated and consumes no number', async () => {
    const f = await createInvoicingCoop(t.database.db, 'mentions');
    const staff = await loggedIn(f.coop.staff.email);
    const bad = await staff.post('/api/invoices', draftOf(f.activityId, f.clientWithoutAddressId));
    expect(bad.status).toBe(201);
    const refused = await staff.post(`/api/invoices/${bad.body.id}/validate`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('INVOICE_INCOMPLETE');
    expect(refused.body.error.fields.map((x: { path: string }) => x.path)).toContain('buyer.address');
    expect((await staff.get(`/api/invoices/${bad.body.id}`)).body).toMatchObject({ status: 'draft', number: null });
    expect(await t.database.db.select().from(numberSeries).where(and(eq(numberSeries.coopId, f.coop.id), like(numberSeries.series, 'invoice:%')))).toEqual([]);

    const good = await createDraftInvoice(t.database.db, f.staff, draftOf(f.activityId, f.clientId));
    expect((await validateInvoice(t.database.db, f.staff, good.id, TODAY)).number).toBe('F2026-00001');
  });
});

describe('an issued invoice is frozen', () => {
  let f: Awaited<ReturnType<typeof createInvoicingCoop>>;
  let staff: TestClient;
  let issuedId: string;

  beforeAll(async () => {
    f = await createInvoicingCoop(t.database.db, 'frozen');
    staff = await loggedIn(f.coop.staff.email);
    const draft = await staff.post('/api/invoices', draftOf(f.activityId, f.clientId));
    expect(draft.status).toBe(201);
    const validated = await staff.post(`/api/invoices/${draft.body.id}/validate`);
    expect(validated.status).toBe(200);
    expect(validated.body.number).toMatch(/^F\d{4}-00001$/);
    expect(validated.body).toMatchObject({ status: 'validated', grossCents: 121_899, lines: [{ position: 1 }, { position: 2, netCents: 1800 }] });
    issuedId = draft.body.id;
  });

  it('cannot be changed nor deleted through the API', async () => {
    const patch = await staff.patch(`/api/invoices/${issuedId}`, { notes: 'changed' });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('INVOICE_ISSUED');
    expect((await staff.delete(`/api/invoices/${issuedId}`)).status).toBe(409);
    expect((await staff.post(`/api/invoices/${issuedId}/validate`)).status).toBe(409);
  });

  it('cannot be changed nor deleted by SQL, nor can its lines', async () => {
    const db = t.database.db;
    const attempts = [
      sql`update invoices set gross_cents = 1 where id = ${issuedId}`,
      sql`update invoices set notes = 'x' where id = ${issuedId}`,
      sql`update invoices set status = 'draft', number = null, seq = null where id = ${issuedId}`,
      sql`delete from invoices where id = ${issuedId}`,
      sql`update invoice_lines set unit_price_cents = 1 where invoice_id = ${issuedId}`,
      sql`delete from invoice_lines where invoice_id = ${issuedId}`,
      sql`insert into invoice_lines (coop_id, invoice_id, position, description, quantity_milli, unit_price_cents, vat_category, vat_rate_bp, net_cents)
          values (${f.coop.id}, ${issuedId}, 9, 'extra', 1000, 100, 'S', 2000, 100)`,
    ];
    for (const statement of attempts) expect(sqlConstraint(await refusal(db.execute(statement)))).toBe('invoices_issued_immutable');
    const [row] = await db.select().from(invoices).where(eq(invoices.id, issuedId));
    expect(row!.grossCents).toBe(121_899);
    expect(await db.select().from(invoiceLines).where(eq(invoiceLines.invoiceId, issuedId))).toHaveLength(2);
  });

  it('still records its payment follow-up', async () => {
    await t.database.db.execute(sql`update invoices set status = 'partially_paid', paid_cents = 100 where id = ${issuedId}`);
    const [row] = await t.database.db.select().from(invoices).where(eq(invoices.id, issuedId));
    expect(row).toMatchObject({ status: 'partially_paid', paidCents: 100 });
    await t.database.db.execute(sql`update invoices set status = 'validated', paid_cents = 0 where id = ${issuedId}`);
  });
});

describe('sales entry and credit notes', () => {
  it('the sales entry is balanced and tagged with the activity, and a credit note reverses it without exceeding the invoice', async () => {
    const f = await createInvoicingCoop(t.database.db, 'entry');
    const db = t.database.db;
    const draft = await createDraftInvoice(db, f.staff, draftOf(f.activityId, f.clientId));
    await validateInvoice(db, f.staff, draft.id, TODAY);

    const balance = await activityBalance(db, f.coop.id, f.activityId);
    const byAccount = new Map(balance.accounts.map((a) => [a.account, a]));
    expect(byAccount.get('411')).toMatchObject({ debitCents: 121_899, creditCents: 0 });
    expect(byAccount.get('706')).toMatchObject({ debitCents: 0, creditCents: 101_800 });
    expect(byAccount.get('44571')).toMatchObject({ debitCents: 0, creditCents: 20_099 });
    // The sales entry balances on the activity; the contribution it bears (10 % of 1,018 €) is
    // charged to the activity (6581) and received by the coop's own funds (7588, no activity).
    expect(byAccount.get('6581')).toMatchObject({ debitCents: 10_180, creditCents: 0 });
    expect(balance.totals.debitCents - 10_180).toBe(balance.totals.creditCents);
    expect(balance.revenueCents).toBe(101_800);

    const staff = await loggedIn(f.coop.staff.email);
    const tooMuch = await staff.post(`/api/invoices/${draft.id}/credit-notes`, {
      lines: [{ description: 'Remise', quantityMilli: 3000, unitPriceCents: 50_000, vatCategory: 'S', vatRateBp: 2000 }],
    });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.error.code).toBe('CREDIT_EXCEEDS_INVOICE');

    const otherRate = await staff.post(`/api/invoices/${draft.id}/credit-notes`, {
      lines: [{ description: 'Remise', quantityMilli: 1000, unitPriceCents: 100, vatCategory: 'S', vatRateBp: 1000 }],
    });
    expect(otherRate.status).toBe(400);
    expect(otherRate.body.error.fields[0].path).toBe('lines.0.vatRateBp');

    const partial = await staff.post(`/api/invoices/${draft.id}/credit-notes`, {
      lines: [{ description: 'Geste commercial', quantityMilli: 1000, unitPriceCents: 10_000, vatCategory: 'S', vatRateBp: 2000 }],
    });
    expect(partial.status).toBe(201);
    expect(partial.body).toMatchObject({ kind: 'credit_note', status: 'validated', number: 'F2026-00002', creditedInvoiceId: draft.id, grossCents: 12_000 });

    const rest = await staff.post(`/api/invoices/${draft.id}/credit-notes`, { full: true });
    expect(rest.status).toBe(409);

    const detail = await staff.get(`/api/invoices/${draft.id}`);
    expect(detail.body.creditedCents).toBe(12_000);
    const after = await activityBalance(db, f.coop.id, f.activityId);
    expect(after.revenueCents).toBe(101_800 - 10_000);
    expect(new Map(after.accounts.map((a) => [a.account, a])).get('411')).toMatchObject({ debitCents: 121_899, creditCents: 12_000 });
    // The credit note took back the contribution of the 100 € it credited (10 €).
    expect(new Map(after.accounts.map((a) => [a.account, a])).get('6581')).toMatchObject({ debitCents: 10_180, creditCents: 1_000 });
    expect(after.totals.debitCents - after.totals.creditCents).toBe(9_180);
  });

  it('a full credit note cancels the whole invoice', async () => {
    const f = await createInvoicingCoop(t.database.db, 'full-credit');
    const db = t.database.db;
    const draft = await createDraftInvoice(db, f.staff, draftOf(f.activityId, f.clientId));
    await validateInvoice(db, f.staff, draft.id, TODAY);
    const staff = await loggedIn(f.coop.staff.email);
    const credit = await staff.post(`/api/invoices/${draft.id}/credit-notes`, { full: true });
    expect(credit.status).toBe(201);
    expect(credit.body).toMatchObject({ grossCents: 121_899, kind: 'credit_note' });
    const balance = await activityBalance(db, f.coop.id, f.activityId);
    expect(balance.revenueCents).toBe(0);
    expect(balance.accounts.every((a) => a.balanceCents === 0)).toBe(true);
    expect((await staff.post(`/api/invoices/${draft.id}/credit-notes`, { full: true })).status).toBe(409);
  });
});

describe('who sees and edits invoices', () => {
  let f: Awaited<ReturnType<typeof createInvoicingCoop>>;
  let g: Awaited<ReturnType<typeof createInvoicingCoop>>;
  let member: TestClient;
  let ownId: string;
  let othersId: string;
  let foreignId: string;

  beforeAll(async () => {
    f = await createInvoicingCoop(t.database.db, 'access');
    g = await createInvoicingCoop(t.database.db, 'access-other');
    member = await loggedIn(f.coop.member.email);
    const own = await member.post('/api/invoices', draftOf(f.activityId, f.clientId));
    expect(own.status).toBe(201);
    ownId = own.body.id;
    othersId = (await createDraftInvoice(t.database.db, f.staff, draftOf(f.otherActivityId, f.clientId))).id;
    foreignId = (await createDraftInvoice(t.database.db, g.staff, draftOf(g.activityId, g.clientId))).id;
  });

  it("a member sees and edits their own activity's invoices only", async () => {
    const list = await member.get('/api/invoices');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([ownId]);
    const patched = await member.patch(`/api/invoices/${ownId}`, { lines: [{ description: 'Conseil', quantityMilli: 1500, unitPriceCents: 10_000, vatRateBp: 2000 }] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ netCents: 15_000, vatCents: 3000, grossCents: 18_000, lines: [{ description: 'Conseil' }] });
  });

  it("a member cannot see nor edit another member's invoice, nor another coop's", async () => {
    for (const id of [othersId, foreignId]) {
      expect((await member.get(`/api/invoices/${id}`)).status).toBe(404);
      expect((await member.patch(`/api/invoices/${id}`, { notes: 'mine' })).status).toBe(404);
      expect((await member.delete(`/api/invoices/${id}`)).status).toBe(404);
    }
    const staff = await loggedIn(f.coop.staff.email);
    expect((await staff.get(`/api/invoices/${foreignId}`)).status).toBe(404);
    expect((await staff.get(`/api/invoices/${othersId}`)).status).toBe(200);
  });

  it('a member cannot draft on another member activity, nor validate for now', async () => {
    const refused = await member.post('/api/invoices', draftOf(f.otherActivityId, f.clientId));
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields[0].path).toBe('activityId');
    expect((await member.post(`/api/invoices/${ownId}/validate`)).status).toBe(403);
  });

  it('lists filter by status and search the number and the client', async () => {
    const staff = await loggedIn(f.coop.staff.email);
    const drafts = await staff.get('/api/invoices?status=draft');
    expect(drafts.body.total).toBe(2);
    expect((await staff.get('/api/invoices?q=boulangerie')).body.total).toBe(2);
    expect((await staff.get('/api/invoices?q=nobody')).body.total).toBe(0);
    expect((await staff.get(`/api/invoices?activityId=${f.otherActivityId}`)).body.items.map((i: { id: string }) => i.id)).toEqual([othersId]);
  });

  it('a member deletes their own draft', async () => {
    const draft = await member.post('/api/invoices', draftOf(f.activityId, f.clientId));
    expect((await member.delete(`/api/invoices/${draft.body.id}`)).status).toBe(204);
    expect((await member.get(`/api/invoices/${draft.body.id}`)).status).toBe(404);
  });
});

describe('bad input', () => {
  it('is refused with the field and nothing is written', async () => {
    const f = await createInvoicingCoop(t.database.db, 'bad-input');
    const staff = await loggedIn(f.coop.staff.email);
    const count = async () => (await t.database.db.select().from(invoices).where(eq(invoices.coopId, f.coop.id))).length;
    const base = draftOf(f.activityId, f.clientId);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, lines: [{ description: 'Retour', quantityMilli: -1000, unitPriceCents: 1000, vatCategory: 'S', vatRateBp: 2000, discountBp: 500 }] }, 'lines.0.discountBp'],
      [{ ...base, lines: [{ description: 'Conseil', quantityMilli: 1000, unitPriceCents: 1000, vatCategory: 'S', vatRateBp: 1900 }] }, 'lines.0.vatRateBp'],
      [{ ...base, clientId: undefined }, 'clientId'],
      [{ ...base, clientId: '00000000-0000-4000-8000-000000000000' }, 'clientId'],
      [{ ...base, lines: [{ description: 'Conseil', quantityMilli: 1000, unitPriceCents: -5, vatCategory: 'S', vatRateBp: 2000 }] }, 'lines.0.unitPriceCents'],
    ];
    for (const [body, path] of cases) {
      const res = await staff.post('/api/invoices', body);
      expect(res.status, path).toBe(400);
      expect(res.body.error.fields.map((x: { path: string }) => x.path)).toContain(path);
    }
    expect(await count()).toBe(0);
  });
});
