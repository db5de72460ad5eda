import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coops } from '../../src/modules/coops/schema.js';
import { FEC_COLUMNS } from '../../src/modules/ledger/domain/fec.js';
import { journalEntries, journalEntryLines } from '../../src/modules/ledger/schema.js';
import { supplierInvoices } from '../../src/modules/purchases/schema.js';
import { coopBuyer, supplierFacturX, supplierInvoiceDocument } from '../support/supplier-einvoice.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

let e2e: E2E;
let pdf: Buffer;
let coopId: string;
const day = parisToday();

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
  it("uploads it, checks what was read beside the PDF, picks each line's spending category, approves it, opens the supplier's page and marks it paid", async () => {
    const { page } = await e2e.newPage();
    // The accountant's pages ask only what the role may read: no request answers 403.
    const forbidden: string[] = [];
    page.on('response', (res) => {
      if (res.status() === 403) forbidden.push(res.url());
    });
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

    // The file names no account: each line starts on the neutral default category, which the accountant changes.
    await expect.poll(() => page.getByTestId('supplier-invoice-category-1').inputValue()).toBe('Autres fournitures (6068)');
    for (const [position, category] of [[1, 'Fournitures administratives (6064)'], [2, 'Petit équipement (6063)']] as const) {
      await page.getByTestId(`supplier-invoice-category-${position}`).click();
      await page.getByRole('option', { name: category }).click();
    }
    await page.getByTestId('supplier-invoice-approve').click();
    await seeText(page.getByTestId('supplier-invoice-status'), 'Approuvée');
    await seeText(page.getByTestId('supplier-invoice-line-category-1'), 'Fournitures administratives (6064)');
    await seeText(page.getByTestId('supplier-invoice-line-category-2'), 'Petit équipement (6063)');

    // From the invoice to its supplier's page: identity, IBAN by groups of four, its 401 auxiliary account and what the coop owes it.
    await page.getByTestId('supplier-invoice-supplier-link').click();
    await see(page.getByRole('heading', { name: 'Papeterie Dupont SARL' }));
    await seeText(page.getByTestId('supplier-detail-siren'), '443061841');
    await seeText(page.getByTestId('supplier-detail-iban'), 'FR76 3000 6000 0112 3456 7890 189');
    await seeText(page.getByTestId('supplier-detail-aux'), /401 — F\d{5}/);
    const aux = (await page.getByTestId('supplier-detail-aux').innerText()).split('— ')[1]!.trim();
    await seeText(page.getByTestId('supplier-detail-balance'), /95,99/);
    await see(page.getByTestId('supplier-invoice-FA-E2E-0001'));
    await page.getByTestId('supplier-invoice-FA-E2E-0001').getByRole('link', { name: 'FA-E2E-0001' }).click();
    await see(page.getByRole('heading', { name: 'Facture fournisseur FA-E2E-0001' }));

    await page.getByTestId('supplier-invoice-pay').click();
    await page.getByTestId('supplier-invoice-reference').fill('VIR-E2E-1');
    await page.getByTestId('supplier-invoice-pay-submit').click();
    await seeText(page.getByTestId('supplier-invoice-status'), 'Payée');
    await seeText(page.getByTestId('supplier-invoice-lifecycle'), /211 Paiement transmis/);

    const [row] = await e2e.database.db.select().from(supplierInvoices).where(and(eq(supplierInvoices.coopId, coopId), eq(supplierInvoices.number, 'FA-E2E-0001')));
    expect(row).toMatchObject({ status: 'paid', paidOn: day, grossCents: 9599 });
    expect(row!.purchaseEntryId).not.toBeNull();
    expect(row!.paymentEntryId).not.toBeNull();

    // The purchase entry books 6064 and 6063, and its 401 line names the supplier's auxiliary account, in the ledger and in the FEC.
    const lines = await e2e.database.db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, coopId), eq(journalEntryLines.entryId, row!.purchaseEntryId!)));
    expect(lines.map((l) => l.accountNumber).sort()).toEqual(['401', '44566', '6063', '6064']);
    expect(lines.find((l) => l.accountNumber === '401')!.auxiliaryNumber).toBe(aux);
    const [entry] = await e2e.database.db.select().from(journalEntries).where(and(eq(journalEntries.coopId, coopId), eq(journalEntries.id, row!.purchaseEntryId!)));
    const fec = await page.request.get(`/api/ledger/fec?fiscalYearId=${entry!.fiscalYearId}`);
    expect(fec.status()).toBe(200);
    const accountColumn = FEC_COLUMNS.indexOf('CompteNum');
    const auxColumn = FEC_COLUMNS.indexOf('CompAuxNum');
    const fecRows = (await fec.text()).split('\r\n').map((r) => r.split('\t'));
    expect(fecRows.some((r) => r[accountColumn]!.startsWith('401') && r[auxColumn] === aux && r[auxColumn + 1] === 'Papeterie Dupont SARL')).toBe(true);

    // The suppliers list, from the menu: searched by name.
    await page.getByTestId('nav-suppliers').click();
    await see(page.getByRole('heading', { name: 'Fournisseurs' }));
    await page.getByTestId('supplier-search').fill('papeterie');
    await see(page.getByRole('link', { name: 'Papeterie Dupont SARL' }));
    expect(forbidden).toEqual([]);
  });
});
