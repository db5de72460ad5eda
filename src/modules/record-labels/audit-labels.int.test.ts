import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';

let t: TestApp;
let f: Awaited<ReturnType<typeof createPaymentsCoop>>;
let admin: TestClient;
let invoice: { id: string; number: string; grossCents: number };
let paymentId: string;

interface Entry {
  action: string;
  entityId: string;
  targetLabel: string | null;
  targetAmountCents: number | null;
  targetDate: string | null;
  labels: Record<string, string>;
}

beforeAll(async () => {
  t = await createTestApp();
  f = await createPaymentsCoop(t.database.db, 'audit-labels');
  invoice = await f.issueInvoice({ netCents: 10_000 });
  admin = t.client();
  await admin.login(f.coop.admin.email, DEMO_PASSWORD);
  const paid = await admin.post('/api/payments', { clientId: f.clientId, date: '2026-06-25', amountCents: 5_000, mode: 'transfer', reference: 'VIR 1', allocations: [{ invoiceId: invoice.id, amountCents: 5_000 }] });
  expect(paid.status).toBe(201);
  paymentId = paid.body.id;
});
afterAll(async () => {
  await t?.close();
});

describe('the audit log names the records it shows', () => {
  it("shows an issued invoice by its number, not only by its id", async () => {
    const res = await admin.get(`/api/audit?entityType=invoice&entityId=${invoice.id}`);
    expect(res.status).toBe(200);
    const entries: Entry[] = res.body.items;
    expect(entries.map((e) => e.action)).toContain('invoice.validated');
    // Every entry about the invoice, its draft's creation included, reads with today's number.
    for (const e of entries) expect(e.targetLabel).toBe(invoice.number);
  });

  it('shows a payment by its client, amount and day, and names the client and invoice its details point to', async () => {
    const res = await admin.get(`/api/audit?entityType=payment&entityId=${paymentId}`);
    const [recorded] = res.body.items as Entry[];
    expect(recorded.action).toBe('payment.recorded');
    expect(recorded.targetLabel).toBe('Boulangerie du Parc');
    expect(recorded.targetAmountCents).toBe(5_000);
    expect(recorded.targetDate).toBe('2026-06-25');
    expect(recorded.labels[f.clientId]).toBe('Boulangerie du Parc');
    expect(recorded.labels[invoice.id]).toBe(invoice.number);
  });

  it("names a draft by its client, and a record that no longer exists not at all", async () => {
    const draft = await admin.post('/api/invoices', {
      kind: 'invoice',
      activityId: f.activityId,
      clientId: f.otherClientId,
      serviceDate: '2026-06-10',
      operationCategory: 'services',
      lines: [{ description: 'Atelier', quantityMilli: 1000, unit: 'C62', unitPriceCents: 1000, vatCategory: 'S', vatRateBp: 2000 }],
    });
    expect(draft.status).toBe(201);
    const before = await admin.get(`/api/audit?entityType=invoice&entityId=${draft.body.id}`);
    expect((before.body.items as Entry[])[0]!.targetLabel).toBe('Pierre Lefèvre');
    expect((await admin.delete(`/api/invoices/${draft.body.id}`)).status).toBeLessThan(300);
    const after = await admin.get(`/api/audit?entityType=invoice&entityId=${draft.body.id}`);
    expect((after.body.items as Entry[]).map((e) => e.targetLabel)).toEqual([null, null]);
  });
});
