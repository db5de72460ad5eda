import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../../test/support/app.js';
import { DEMO_PASSWORD, sirenFor, siretFor } from '../../../test/support/fixtures.js';
import { createQuotingCoop, QUOTE_TOTALS, quoteOf } from '../../../test/support/quotes-fixtures.js';
import { clients } from '../clients/schema.js';
import { journalEntryLines } from '../ledger/schema.js';

/**
 * A quote invoiced as French practice expects: a deposit invoice that names its order and is
 * booked to 4191, then the final invoice that restates the quote's lines, deducts the deposit
 * and clears 4191, so the order's revenue is in 706 once. Runs on PGlite and PostgreSQL.
 */
let t: TestApp;

/** The XML of both invoices goes to .tmp/einvoices/db-<case>.xml for scripts/validate-einvoices.sh. */
const OUT = path.resolve('.tmp/einvoices');
fs.mkdirSync(OUT, { recursive: true });
function emit(name: string, xml: string) {
  const tmp = path.join(OUT, `.db-${name}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, xml);
  fs.renameSync(tmp, path.join(OUT, `db-${name}.xml`));
}

type Coop = Awaited<ReturnType<typeof createQuotingCoop>>;

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

/** A quote the client accepted, to a French company (SIREN) so its invoices can be issued. */
async function acceptedQuote(f: Coop, label: number) {
  const member = await loggedIn(f.coop.member.email);
  const staff = await loggedIn(f.coop.staff.email);
  const siren = sirenFor(label * 7919 + 3);
  await t.database.db.update(clients).set({ siren, siret: siretFor(siren) }).where(and(eq(clients.coopId, f.coop.id), eq(clients.id, f.mailedClientId)));
  const created = await member.post('/api/quotes', quoteOf(f.activityId, f.mailedClientId));
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  expect((await staff.post(`/api/quotes/${id}/validate`)).status).toBe(200);
  expect((await staff.post(`/api/quotes/${id}/send`)).status).toBe(200);
  const accepted = await staff.post(`/api/quotes/${id}/accept`, { name: 'Claire Dupont' });
  expect(accepted.status).toBe(200);
  return { id, number: accepted.body.number as string, member, staff };
}

/** Debit minus credit of an account on the activity, over every entry posted. */
async function balanceOf(f: Coop, account: string): Promise<number> {
  const lines = await t.database.db
    .select()
    .from(journalEntryLines)
    .where(and(eq(journalEntryLines.coopId, f.coop.id), eq(journalEntryLines.accountNumber, account), eq(journalEntryLines.activityId, f.activityId)));
  return lines.reduce((sum, l) => sum + Number(l.debitCents) - Number(l.creditCents), 0);
}

describe('a deposit then the final invoice of a quote', () => {
  it('the deposit names its order, the final invoice restates the quote and deducts it, and after both 4191 is 0 and 706 holds the service once', async () => {
    const f = await createQuotingCoop(t.database.db, 'deposit-final');
    const { id, number, member, staff } = await acceptedQuote(f, 1);

    const asked = await member.post(`/api/quotes/${id}/invoices`, { kind: 'deposit', percentBp: 3000 });
    expect(asked.status).toBe(201);
    const deposit = (await member.get(`/api/invoices/${asked.body.invoiceId}`)).body;
    expect(deposit.kind).toBe('deposit');
    expect(deposit.order).toMatchObject({ number, netCents: QUOTE_TOTALS.netCents, grossCents: QUOTE_TOTALS.grossCents });
    expect(deposit.order.summary).toContain('Lot 1 — Conception — Ateliers de cadrage (× 2,5)');
    expect(deposit.lines[0].description).toMatch(new RegExp(`^Acompte de 30 % sur devis ${number} du \\d{2}/\\d{2}/\\d{4} — TVA 20 %$`));

    // The final invoice cannot be issued before the deposit it deducts.
    const early = await member.post(`/api/quotes/${id}/invoices`, { kind: 'balance' });
    expect(early.status).toBe(201);
    const refused = await staff.post(`/api/invoices/${early.body.invoiceId}/validate`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: 'deductedDeposits.0' })]);

    const issuedDeposit = await staff.post(`/api/invoices/${deposit.id}/validate`);
    expect(issuedDeposit.status).toBe(200);
    expect(await balanceOf(f, '4191')).toBe(-deposit.netCents);
    expect(await balanceOf(f, '706')).toBe(0);

    const final = (await member.get(`/api/invoices/${early.body.invoiceId}`)).body;
    expect(final.lines.map((l: { description: string }) => l.description)).toEqual([
      'Lot 1 — Conception — Ateliers de cadrage',
      'Maquettes',
      'Lot 2 — Édition — Livret imprimé',
      'Transport',
      'Formation des équipes',
    ]);
    expect(final.documentTotals).toEqual({ taxBasisCents: QUOTE_TOTALS.netCents, vatTotalCents: QUOTE_TOTALS.vatCents, grandTotalCents: QUOTE_TOTALS.grossCents, prepaidCents: deposit.grossCents });
    expect(final.grossCents).toBe(QUOTE_TOTALS.grossCents - deposit.grossCents);

    const issuedFinal = await staff.post(`/api/invoices/${final.id}/validate`);
    expect(issuedFinal.status).toBe(200);
    const after = (await member.get(`/api/invoices/${final.id}`)).body;
    expect(after.deposits).toEqual([{ id: deposit.id, number: issuedDeposit.body.number, issueDate: expect.any(String), netCents: deposit.netCents, vatCents: deposit.vatCents, grossCents: deposit.grossCents }]);
    expect({ netCents: after.netCents, vatCents: after.vatCents, grossCents: after.grossCents }).toEqual({
      netCents: QUOTE_TOTALS.netCents - deposit.netCents,
      vatCents: QUOTE_TOTALS.vatCents - deposit.vatCents,
      grossCents: QUOTE_TOTALS.grossCents - deposit.grossCents,
    });

    expect(await balanceOf(f, '4191')).toBe(0);
    expect(await balanceOf(f, '706')).toBe(-QUOTE_TOTALS.netCents);
    expect(await balanceOf(f, '44571')).toBe(-QUOTE_TOTALS.vatCents);
    expect(await balanceOf(f, '411')).toBe(QUOTE_TOTALS.grossCents);

    // The e-invoice: the whole service and its VAT, the deposit as the prepaid amount (BT-113).
    const xml = await member.get(`/api/invoices/${final.id}/factur-x.xml`);
    expect(xml.status).toBe(200);
    const text = xml.raw;
    emit('final-invoice-with-deposits', text);
    const depositXml = await member.get(`/api/invoices/${deposit.id}/factur-x.xml`);
    expect(depositXml.raw).toContain('<ram:TypeCode>386</ram:TypeCode>');
    emit('deposit-invoice-of-quote', depositXml.raw);
    expect(text).toContain(`<ram:GrandTotalAmount>${(QUOTE_TOTALS.grossCents / 100).toFixed(2)}</ram:GrandTotalAmount>`);
    expect(text).toContain(`<ram:TotalPrepaidAmount>${(deposit.grossCents / 100).toFixed(2)}</ram:TotalPrepaidAmount>`);
    expect(text).toContain(`<ram:DuePayableAmount>${((QUOTE_TOTALS.grossCents - deposit.grossCents) / 100).toFixed(2)}</ram:DuePayableAmount>`);
    expect(text).toContain(`<ram:SellerOrderReferencedDocument><ram:IssuerAssignedID>${number}</ram:IssuerAssignedID></ram:SellerOrderReferencedDocument>`);
    expect(text).toContain(`Acompte déduit : facture N° ${issuedDeposit.body.number}`);
  });
});
