import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { createDunningCoop } from '../../../test/support/dunning-fixtures.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { auditLog } from '../../platform/audit/schema.js';
import { mailOutbox } from '../../platform/mail/schema.js';
import { runDunning } from '../dunning/index.js';
import { recordPayment } from '../payments/index.js';
import type { InvoiceLineInput } from './contract.js';
import { createCreditNote, getInvoice, openInvoices } from './index.js';
import { invoices } from './schema.js';

let t: TestApp;
// The fixture's invoices are issued on 2026-06-20 and due on 2026-07-20; the first reminder is due on 27 July.
const CREDIT_DAY = '2026-07-01';

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

async function loggedIn(email: string): Promise<TestClient> {
  const c = t.client();
  await c.login(email, DEMO_PASSWORD);
  return c;
}

/** A credit line of `netCents` at 20 %, the rate of the fixture's invoices. */
const creditOf = (netCents: number): { lines: InvoiceLineInput[] } => ({
  lines: [{ description: 'Geste commercial', quantityMilli: 1000, unit: 'C62', unitPriceCents: netCents, vatCategory: 'S', vatRateBp: 2000, exemptionReason: null }],
});

const mailsOf = (coopId: string) => t.database.db.select().from(mailOutbox).where(eq(mailOutbox.coopId, coopId));

describe('an invoice corrected by credit notes', () => {
  it('a fully credited invoice is settled and gets no reminder', async () => {
    const f = await createDunningCoop(t.database.db, 'credit-full');
    const invoice = await f.issueToPayer({ netCents: 100_000 });
    await createCreditNote(t.database.db, f.staff, invoice.id, { full: true }, CREDIT_DAY);

    const settled = await getInvoice(t.database.db, f.staff, invoice.id);
    expect(settled).toMatchObject({ status: 'paid', paidCents: 0, creditedCents: 120_000 });
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.settled_by_credit_note')));
    expect(audits).toHaveLength(1);

    expect(await openInvoices(t.database.db, f.coop.id, { clientId: f.payerId })).toEqual([]);
    const staff = await loggedIn(f.coop.staff.email);
    expect((await staff.get(`/api/invoices?status=overdue&clientId=${f.payerId}`)).body.total).toBe(0);
    expect((await staff.get(`/api/invoices?status=paid&clientId=${f.payerId}&kind=invoice`)).body.items.map((i: { id: string }) => i.id)).toEqual([invoice.id]);

    expect((await runDunning(t.database.db, t.app.deps.storage, f.coop.id, '2026-12-31')).items).toEqual([]);
    expect(await mailsOf(f.coop.id)).toEqual([]);
  });

  it('a payment from the client of a fully credited invoice is not allocated to it', async () => {
    const f = await createDunningCoop(t.database.db, 'credit-full-pay');
    const invoice = await f.issueToPayer({ netCents: 100_000 });
    await createCreditNote(t.database.db, f.staff, invoice.id, { full: true }, CREDIT_DAY);

    await expect(
      recordPayment(t.database.db, f.staff, { clientId: f.payerId, date: '2026-07-25', amountCents: 1_000, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: 1_000 }] }),
    ).rejects.toMatchObject({ code: 'PAYMENT_EXCEEDS_AMOUNT_LEFT' });
    // Paid "on account": nothing goes to the credited invoice, the money stays the client's credit.
    await recordPayment(t.database.db, f.staff, { clientId: f.payerId, date: '2026-07-25', amountCents: 1_000, mode: 'transfer' });
    const [row] = await t.database.db.select().from(invoices).where(eq(invoices.id, invoice.id));
    expect(row).toMatchObject({ status: 'paid', paidCents: 0 });
  });

  it('a partial credit note leaves the rest to pay', async () => {
    const f = await createDunningCoop(t.database.db, 'credit-partial');
    const invoice = await f.issueToPayer({ netCents: 100_000 });
    await createCreditNote(t.database.db, f.staff, invoice.id, creditOf(20_000), CREDIT_DAY);

    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'validated', paidCents: 0, creditedCents: 24_000 });
    expect(await openInvoices(t.database.db, f.coop.id, { clientId: f.payerId })).toEqual([expect.objectContaining({ id: invoice.id, amountDueCents: 96_000 })]);

    // The reminder asks for what is left after the credit note, not the invoice's total.
    expect((await runDunning(t.database.db, t.app.deps.storage, f.coop.id, '2026-07-27')).items).toEqual([expect.objectContaining({ invoiceId: invoice.id, action: 'sent' })]);
    const [mail] = await mailsOf(f.coop.id);
    expect(mail!.textBody).toContain('960,00\u00a0€');
    expect(mail!.textBody).not.toContain('1\u202f200,00');

    await recordPayment(t.database.db, f.staff, { clientId: f.payerId, date: '2026-07-30', amountCents: 96_000, mode: 'transfer' });
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'paid', paidCents: 96_000, creditedCents: 24_000 });
  });

  it('a credit note cancelling what is left after a part payment settles the invoice', async () => {
    const f = await createDunningCoop(t.database.db, 'credit-rest');
    const invoice = await f.issueToPayer({ netCents: 100_000 });
    await recordPayment(t.database.db, f.staff, { clientId: f.payerId, date: '2026-06-25', amountCents: 60_000, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: 60_000 }] });
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'partially_paid' });

    await createCreditNote(t.database.db, f.staff, invoice.id, creditOf(50_000), CREDIT_DAY);
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'paid', paidCents: 60_000, creditedCents: 60_000 });
    expect(await openInvoices(t.database.db, f.coop.id, { clientId: f.payerId })).toEqual([]);
    expect((await runDunning(t.database.db, t.app.deps.storage, f.coop.id, '2026-12-31')).items).toEqual([]);
  });

  it('a credit note on an invoice already paid (a refund) keeps it paid with nothing left', async () => {
    const f = await createDunningCoop(t.database.db, 'credit-refund');
    const invoice = await f.issueToPayer({ netCents: 100_000 });
    await recordPayment(t.database.db, f.staff, { clientId: f.payerId, date: '2026-06-25', amountCents: 120_000, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: 120_000 }] });

    const staff = await loggedIn(f.coop.staff.email);
    const res = await staff.post(`/api/invoices/${invoice.id}/credit-notes`, creditOf(10_000));
    expect(res.status).toBe(201);
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'paid', paidCents: 120_000, creditedCents: 12_000 });
    const audits = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.action, 'invoice.settled_by_credit_note')));
    expect(audits).toEqual([]);
  });
});
