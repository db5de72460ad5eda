import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { CSV_MAPPING } from '../../../test/support/bank-fixtures.js';
import { DEMO_PASSWORD } from '../../../test/support/fixtures.js';
import { createPaymentsCoop } from '../../../test/support/payments-fixtures.js';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { auditLog } from '../../platform/audit/schema.js';
import { getInvoice } from '../invoicing/index.js';
import { journalEntryLines } from '../ledger/schema.js';

let t: TestApp;
const RECEIVED = '2026-06-22';

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

/** A bank CSV of the given credit lines ('DD/MM/YYYY', label, '1 000,00'), imported; its lines by label. */
async function importLines(staff: TestClient, rows: [string, string, string][]) {
  const body = ['Relevé de compte;;;;', 'Date;Libellé;Référence;Débit;Crédit', ...rows.map(([d, label, amount]) => `${d};${label};;;${amount}`)].join('\n');
  const res = await staff.upload('/api/bank/statements', { filename: 'releve.csv', contentType: 'text/csv', bytes: Buffer.from(body, 'utf8') }, CSV_MAPPING);
  expect(res.status).toBe(201);
  const detail = await staff.get(`/api/bank/statements/${res.body.statements[0].id}`);
  return (label: string) => detail.body.lines.find((l: { label: string }) => l.label.includes(label));
}

/** Lines of an account in the coop's books, and its balance (debit − credit). */
async function account(coopId: string, number: string) {
  const rows = await t.database.db
    .select({ debit: journalEntryLines.debitCents, credit: journalEntryLines.creditCents })
    .from(journalEntryLines)
    .where(and(eq(journalEntryLines.coopId, coopId), eq(journalEntryLines.accountNumber, number)));
  return { lines: rows.length, balance: rows.reduce((sum, r) => sum + Number(r.debit) - Number(r.credit), 0) };
}

async function collectedCents(staff: TestClient, clientId: string) {
  const list = await staff.get(`/api/payments?clientId=${clientId}&pageSize=100`);
  return list.body.items.filter((p: { status: string }) => p.status === 'recorded').reduce((sum: number, p: { amountCents: number }) => sum + p.amountCents, 0);
}

describe('a cheque recorded by hand, then seen on the bank statement', () => {
  it('is proposed for the line "REMISE CHEQUE 0098765 … 1000,00", and confirming it leaves 1 000 € collected and one line in 512', async () => {
    const f = await createPaymentsCoop(t.database.db, 'recorded-cheque');
    const staff = await loggedIn(f.coop.staff.email);
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    const cheque = await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: 100_000, mode: 'cheque', reference: 'Chèque n° 0098765', allocations: [{ invoiceId: invoice.id, amountCents: 100_000 }] });
    expect(cheque.status).toBe(201);
    expect(cheque.body).toMatchObject({ depositAccount: '5112', reconciled: false, status: 'recorded' });
    expect(await account(f.coop.id, '5112')).toEqual({ lines: 1, balance: 100_000 });
    expect(await account(f.coop.id, '512')).toEqual({ lines: 0, balance: 0 });

    const line = (await importLines(staff, [['26/06/2026', 'REMISE CHEQUE 0098765 BOULANGERIE DU PARC', '1 000,00']]))('0098765');
    expect(line.recordedProposals[0]).toMatchObject({ kind: 'payment', id: cheque.body.id, amountCents: 100_000, reference: 'Chèque n° 0098765' });
    expect(line.recordedProposals[0].reasons.map((r: { code: string }) => r.code)).toContain('REFERENCE');

    const confirmed = await staff.post(`/api/bank/lines/${line.id}/confirm-recorded`, { paymentId: cheque.body.id });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'matched', paymentId: cheque.body.id, recordedProposals: [] });

    expect(await collectedCents(staff, f.clientId)).toBe(100_000);
    expect(await account(f.coop.id, '512')).toEqual({ lines: 1, balance: 100_000 });
    expect((await account(f.coop.id, '5112')).balance).toBe(0);
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'partially_paid', paidCents: 100_000 });
    expect((await staff.get(`/api/payments/${cheque.body.id}`)).body).toMatchObject({ reconciled: true, bankLineId: line.id });
  });

  it('a transfer recorded by hand is confirmed by its bank line with no new entry', async () => {
    const f = await createPaymentsCoop(t.database.db, 'recorded-transfer');
    const staff = await loggedIn(f.coop.staff.email);
    const invoice = await f.issueInvoice({ netCents: 50_000 });
    const transfer = await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: 60_000, mode: 'transfer', reference: 'VIR 4471', allocations: [{ invoiceId: invoice.id, amountCents: 60_000 }] });
    expect(transfer.body.depositAccount).toBe('512');
    const line = (await importLines(staff, [['23/06/2026', 'VIR SEPA BOULANGERIE DU PARC', '600,00']]))('VIR SEPA');
    expect(line.recordedProposals.map((p: { id: string }) => p.id)).toEqual([transfer.body.id]);
    expect((await staff.post(`/api/bank/lines/${line.id}/confirm-recorded`, { paymentId: transfer.body.id })).status).toBe(200);
    expect(await account(f.coop.id, '512')).toEqual({ lines: 1, balance: 60_000 });
    expect(await collectedCents(staff, f.clientId)).toBe(60_000);
  });

  it('a line of another amount cannot confirm the payment, and the body names one payment or one slip', async () => {
    const f = await createPaymentsCoop(t.database.db, 'recorded-mismatch');
    const staff = await loggedIn(f.coop.staff.email);
    const cheque = await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: 10_000, mode: 'cheque', allocations: [] });
    const line = (await importLines(staff, [['26/06/2026', 'REMISE CHEQUE 11', '100,01']]))('REMISE');
    expect(line.recordedProposals).toEqual([]);
    const res = await staff.post(`/api/bank/lines/${line.id}/confirm-recorded`, { paymentId: cheque.body.id });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PAYMENT_AMOUNT_NOT_THE_LINE');
    const neither = await staff.post(`/api/bank/lines/${line.id}/confirm-recorded`, {});
    expect(neither.status).toBe(400);
    expect(neither.body.error.fields[0].path).toBe('paymentId');
  });
});

describe('a remittance slip of cheques', () => {
  it('groups cheques recorded by hand; one bank line of its total confirms them all, 5112 cleared, one line in 512', async () => {
    const f = await createPaymentsCoop(t.database.db, 'remittance');
    const staff = await loggedIn(f.coop.staff.email);
    const a = await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: 40_000, mode: 'cheque', reference: 'Chèque 1111111' });
    const b = await staff.post('/api/payments', { clientId: f.otherClientId, date: RECEIVED, amountCents: 60_000, mode: 'cheque', reference: 'Chèque 2222222' });
    const remittable = await staff.get('/api/payments?remittable=true');
    expect(remittable.body.items.map((p: { id: string }) => p.id).sort()).toEqual([a.body.id, b.body.id].sort());

    const slip = await staff.post('/api/payments/remittances', { date: '2026-06-23', paymentIds: [a.body.id, b.body.id] });
    expect(slip.status).toBe(201);
    expect(slip.body).toMatchObject({ number: 1, totalCents: 100_000, chequeCount: 2, status: 'waiting' });
    expect((await staff.get('/api/payments?remittable=true')).body.total).toBe(0);
    const again = await staff.post('/api/payments/remittances', { date: '2026-06-23', paymentIds: [a.body.id] });
    expect(again.status).toBe(409);

    const line = (await importLines(staff, [['25/06/2026', 'REMISE CHEQUES BORDEREAU 1', '1 000,00']]))('BORDEREAU');
    expect(line.recordedProposals[0]).toMatchObject({ kind: 'remittance', id: slip.body.id, remittanceNumber: 1, chequeCount: 2 });
    expect(line.recordedProposals.map((p: { id: string }) => p.id)).not.toContain(a.body.id);

    const confirmed = await staff.post(`/api/bank/lines/${line.id}/confirm-recorded`, { remittanceId: slip.body.id });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'matched', remittanceId: slip.body.id, paymentId: null });
    expect(await account(f.coop.id, '512')).toEqual({ lines: 1, balance: 100_000 });
    expect((await account(f.coop.id, '5112')).balance).toBe(0);
    for (const p of [a, b]) expect((await staff.get(`/api/payments/${p.body.id}`)).body).toMatchObject({ reconciled: true, remittanceNumber: 1 });
    expect((await staff.post(`/api/payments/remittances/${slip.body.id}/cancel`)).status).toBe(409);
    // The reconciliation statement sees the slip's entry in 512 as shown by the bank, and the
    // payments list counts both cheques as reconciled.
    const accountId = (await staff.get('/api/bank/accounts')).body.items[0].id;
    const etat = await staff.get(`/api/bank/accounts/${accountId}/reconciliation?date=2026-06-30`);
    expect(etat.status).toBe(200);
    expect(etat.body, JSON.stringify(etat.body)).toMatchObject({ ledgerBalanceCents: 100_000, ledgerOnly: [], bankOnly: [] });
    expect((await staff.get('/api/payments?reconciled=true')).body.total).toBe(2);

    // Unmatched: the slip waits again and its cheques are back in 5112, by a reversing entry.
    const undone = await staff.post(`/api/bank/lines/${line.id}/unmatch`, { reason: 'Mauvaise ligne' });
    expect(undone.status).toBe(200);
    expect((await staff.get(`/api/payments/remittances/${slip.body.id}`)).body.status).toBe('waiting');
    expect(await account(f.coop.id, '5112')).toEqual({ lines: 4, balance: 100_000 });
    expect((await account(f.coop.id, '512')).balance).toBe(0);

    // A slip the bank has not credited is cancelled, never deleted: its cheques can go on another.
    const cancelled = await staff.post(`/api/payments/remittances/${slip.body.id}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', number: 1 });
    expect((await staff.get('/api/payments?remittable=true')).body.total).toBe(2);
  });
});

describe('undo, by reversal', () => {
  it('cancelling a mistaken payment reverses its entry, opens its invoice again and cancels the client credit; it stays listed with who, when and why', async () => {
    const f = await createPaymentsCoop(t.database.db, 'cancel-payment');
    const staff = await loggedIn(f.coop.staff.email);
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    const paid = await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: 150_000, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: 120_000 }] });
    expect(paid.body.creditCents).toBe(30_000);
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'paid', paidCents: 120_000 });

    const noReason = await staff.post(`/api/payments/${paid.body.id}/cancel`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');

    const res = await staff.post(`/api/payments/${paid.body.id}/cancel`, { reason: 'Saisi sur le mauvais client' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Saisi sur le mauvais client', creditCents: 0, cancelledByName: expect.any(String) });
    expect(res.body.cancelledAt).toBeTruthy();
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'validated', paidCents: 0 });
    expect((await account(f.coop.id, '512')).balance).toBe(0);
    expect((await account(f.coop.id, '411')).balance).toBe(120_000);
    expect((await account(f.coop.id, '512')).lines).toBe(2);
    expect((await staff.get(`/api/payments?clientId=${f.clientId}`)).body.items.map((p: { id: string }) => p.id)).toContain(paid.body.id);
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.action, 'payment.cancelled'), eq(auditLog.entityId, paid.body.id)));
    expect(audit).toBeTruthy();
    expect((await staff.post(`/api/payments/${paid.body.id}/cancel`, { reason: 'encore' })).status).toBe(409);
  });

  it('a partial payment cancelled leaves the invoice with what the other payments paid', async () => {
    const f = await createPaymentsCoop(t.database.db, 'cancel-partial');
    const staff = await loggedIn(f.coop.staff.email);
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: 20_000, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: 20_000 }] });
    const rest = await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: 100_000, mode: 'transfer', allocations: [{ invoiceId: invoice.id, amountCents: 100_000 }] });
    expect((await staff.post(`/api/payments/${rest.body.id}/cancel`, { reason: 'Doublon' })).status).toBe(200);
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'partially_paid', paidCents: 20_000 });
  });

  it('an invoice that had been sent goes back to sent, not validated, when its only payment is cancelled', async () => {
    const f = await createPaymentsCoop(t.database.db, 'cancel-sent');
    const staff = await loggedIn(f.coop.staff.email);
    const invoice = await f.issueInvoice({ netCents: 10_000 });
    // What sending records (the mail itself needs the rendered PDF, out of this test's scope).
    await recordAudit(t.database.db, f.staff, { action: 'invoice.sent', entityType: 'invoice', entityId: invoice.id, after: { status: 'sent' } });
    const paid = await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: invoice.grossCents, mode: 'card', allocations: [{ invoiceId: invoice.id, amountCents: invoice.grossCents }] });
    expect((await staff.post(`/api/payments/${paid.body.id}/cancel`, { reason: 'Carte refusée' })).status).toBe(200);
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'sent', paidCents: 0 });
  });

  it('a reconciled payment cannot be cancelled before its bank line is unmatched; unmatching puts the cheque back in 5112, unreconciled', async () => {
    const f = await createPaymentsCoop(t.database.db, 'cancel-reconciled');
    const staff = await loggedIn(f.coop.staff.email);
    const cheque = await staff.post('/api/payments', { clientId: f.clientId, date: RECEIVED, amountCents: 100_000, mode: 'cheque', reference: 'Chèque n° 0098765' });
    const line = (await importLines(staff, [['26/06/2026', 'REMISE CHEQUE 0098765', '1 000,00']]))('0098765');
    await staff.post(`/api/bank/lines/${line.id}/confirm-recorded`, { paymentId: cheque.body.id });

    const refused = await staff.post(`/api/payments/${cheque.body.id}/cancel`, { reason: 'Erreur' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('PAYMENT_RECONCILED');
    expect(refused.body.error.message).toMatch(/rapprochement|match/);

    const unmatched = await staff.post(`/api/bank/lines/${line.id}/unmatch`, { reason: 'Pas ce chèque' });
    expect(unmatched.status).toBe(200);
    expect(unmatched.body).toMatchObject({ status: 'unmatched', paymentId: null });
    expect(unmatched.body.recordedProposals.map((p: { id: string }) => p.id)).toContain(cheque.body.id);
    expect((await staff.get(`/api/payments/${cheque.body.id}`)).body).toMatchObject({ status: 'recorded', reconciled: false, bankLineId: null });
    expect(await account(f.coop.id, '5112')).toEqual({ lines: 3, balance: 100_000 });
    expect(await account(f.coop.id, '512')).toEqual({ lines: 2, balance: 0 });
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.action, 'bank_line.unmatched'), eq(auditLog.entityId, line.id)));
    expect(audit).toBeTruthy();

    // Now it can be cancelled, and the line confirmed again later would book nothing twice.
    expect((await staff.post(`/api/payments/${cheque.body.id}/cancel`, { reason: 'Chèque rendu au client' })).status).toBe(200);
    expect((await account(f.coop.id, '5112')).balance).toBe(0);
    expect((await staff.post(`/api/bank/lines/${line.id}/unmatch`, { reason: 'deux fois' })).status).toBe(409);
  });

  it('unmatching a line that booked a new payment cancels that payment by reversal and opens the invoice again; the line can be booked again', async () => {
    const f = await createPaymentsCoop(t.database.db, 'unmatch-new');
    const staff = await loggedIn(f.coop.staff.email);
    const invoice = await f.issueInvoice({ netCents: 100_000 });
    const line = (await importLines(staff, [['25/06/2026', `VIR SEPA ${invoice.number}`, '1 200,00']]))('VIR SEPA');
    const booked = await staff.post(`/api/bank/lines/${line.id}/confirm`, { allocations: [{ invoiceId: invoice.id, amountCents: 120_000 }] });
    expect(booked.status).toBe(200);
    const paymentId = booked.body.paymentId;
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'paid' });

    const undone = await staff.post(`/api/bank/lines/${line.id}/unmatch`, { reason: 'Mauvaise facture' });
    expect(undone.status).toBe(200);
    expect((await staff.get(`/api/payments/${paymentId}`)).body).toMatchObject({ status: 'cancelled', cancelReason: 'Mauvaise facture' });
    expect(await getInvoice(t.database.db, f.staff, invoice.id)).toMatchObject({ status: 'validated', paidCents: 0 });
    expect((await account(f.coop.id, '512')).balance).toBe(0);

    const rebooked = await staff.post(`/api/bank/lines/${line.id}/confirm`, { allocations: [{ invoiceId: invoice.id, amountCents: 120_000 }] });
    expect(rebooked.status).toBe(200);
    expect(await account(f.coop.id, '512')).toEqual({ lines: 3, balance: 120_000 });
    expect((await staff.post(`/api/bank/lines/${line.id}/unmatch`, { reason: '' })).status).toBe(400);
  });

  it('un-ignoring a line is audited', async () => {
    const f = await createPaymentsCoop(t.database.db, 'unignore');
    const staff = await loggedIn(f.coop.staff.email);
    const line = (await importLines(staff, [['25/06/2026', 'VIR INTERNE', '10,00']]))('INTERNE');
    await staff.post(`/api/bank/lines/${line.id}/ignore`);
    expect((await staff.post(`/api/bank/lines/${line.id}/unignore`)).body.status).toBe('unmatched');
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.coopId, f.coop.id), eq(auditLog.entityId, line.id)))
      .orderBy(sql`${auditLog.at}`);
    expect(actions.map((a) => a.action)).toEqual(['bank_line.ignored', 'bank_line.restored']);
  });
});
