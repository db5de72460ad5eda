import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coops } from '../../src/modules/coops/schema.js';
import { supplierInvoices } from '../../src/modules/purchases/schema.js';
import { coopBuyer, supplierFacturX, supplierInvoiceDocument } from '../support/supplier-einvoice.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
let pdf: Buffer;
let coopId: string;
const day = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  e2e = await startE2E();
  const [coop] = await e2e.database.db.select().from(coops);
  coopId = coop!.id;
  // The supplier's Factur-X, addressed to the demo coop, as its invoicing software would send it.
  pdf = await supplierFacturX(supplierInvoiceDocument(coopBuyer({ name: coop!.name, siren: coop!.siren, vatNumber: coop!.vatNumber }), { number: 'FA-E2E-0001', issueDate: day }));
  // The demo's seed and the Factur-X rendering are slow on a loaded machine: not the journey under test.
}, 300_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('supplier-einvoice', () => e2e);

async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('supplier-invoice-file').click()]);
  await chooser.setFiles(file);
}

describe('the accountant receives a supplier Factur-X', () => {
  it('uploads it, checks what was read beside the PDF, sets the accounts, approves it and marks it paid', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.accountant);
    await page.getByTestId('nav-purchases').click();
    await see(page.getByRole('heading', { name: 'Factures fournisseurs' }));
    await seeText(page.getByTestId('lifecycle-notice'), /Aucune plateforme agréée n'est connectée/);

    await chooseFile(page, { name: 'FA-E2E-0001.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByTestId('supplier-invoice-receive').click();

    await see(page.getByRole('heading', { name: 'Facture fournisseur FA-E2E-0001' }));
    await see(page.getByTestId('supplier-invoice-pdf'));
    await seeText(page.getByTestId('read-supplier'), 'Papeterie Dupont SARL');
    await seeText(page.getByTestId('read-siren'), '443061841');
    await seeText(page.getByTestId('read-vat'), 'FR64443061841');
    await seeText(page.getByTestId('read-iban'), 'FR7630006000011234567890189');
    await seeText(page.getByTestId('read-gross'), /95,99/);
    await seeText(page.getByTestId('supplier-invoice-status'), 'Reçue');

    // Approving before the accounts are chosen is refused, naming what is missing.
    await page.getByTestId('supplier-invoice-approve').click();
    await see(page.getByText("Choisissez le compte d'achat de la ligne 1."));

    for (const [position, account] of [[1, '6064 — Fournitures administratives'], [2, '606 — Achats non stockés de matières et fournitures']] as const) {
      await page.getByTestId(`supplier-invoice-account-${position}`).click();
      await page.getByRole('option', { name: account }).click();
    }
    await page.getByTestId('supplier-invoice-approve').click();
    await seeText(page.getByTestId('supplier-invoice-status'), 'Approuvée');

    await page.getByTestId('supplier-invoice-pay').click();
    await page.getByTestId('supplier-invoice-reference').fill('VIR-E2E-1');
    await page.getByTestId('supplier-invoice-pay-submit').click();
    await seeText(page.getByTestId('supplier-invoice-status'), 'Payée');
    await seeText(page.getByTestId('supplier-invoice-lifecycle'), /211 Paiement transmis/);

    const [row] = await e2e.database.db.select().from(supplierInvoices).where(and(eq(supplierInvoices.coopId, coopId), eq(supplierInvoices.number, 'FA-E2E-0001')));
    expect(row).toMatchObject({ status: 'paid', paidOn: day, grossCents: 9599 });
    expect(row!.purchaseEntryId).not.toBeNull();
    expect(row!.paymentEntryId).not.toBeNull();
  });
});
