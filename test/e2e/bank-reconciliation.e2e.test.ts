import { readFileSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/platform/auth/schema.js';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, getInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { bankFile } from '../support/bank-fixtures.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import type { Page } from 'playwright-core';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

let e2e: E2E;
let invoice: { id: string; number: string };
let staff: { coopId: string; userId: string; roles: ['staff']; ip: string; locale: 'fr' };
const day = parisToday();

beforeAll(async () => {
  e2e = await startE2E();
  // One invoice of 1,200.00 € issued to a demo client: the demo holds no invoice yet.
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [activity] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.coopId, coop!.id), eq(activities.code, 'CAMILLE-GRAPHISME')));
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.coopId, coop!.id), eq(clients.name, 'Boulangerie Les Trois Épis')));
  staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' };
  const draft = await createDraftInvoice(
    db,
    staff,
    draftOf(activity!.id, client!.id, {
      serviceDate: day,
      lines: [{ description: 'Identité visuelle', quantityMilli: 1000, unit: 'C62', unitPriceCents: 100_000, vatCategory: 'S', vatRateBp: 2000 }],
    }),
  );
  invoice = await validateInvoice(db, staff, draft.id, day);
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('bank-reconciliation', () => e2e);

/** Picks a file as a person does: the file field opens the browser's file chooser. */
async function chooseFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('bank-import-file').click()]);
  await chooser.setFiles(file);
}

describe('an advisor reconciles the bank statement', () => {
  it('imports a camt.053 file, downloads it back, confirms the suggested invoice paid by cheque, sees it paid, and a second import adds nothing', async () => {
    const file = { name: 'releve.xml', mimeType: 'application/xml', buffer: bankFile('camt053-payments.xml', { DAY: day, A: invoice.number, B: 'X-1', C: 'X-2', STATEMENT: 'e2e' }) };
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);

    await page.getByTestId('nav-bank').click();
    await see(page.getByRole('heading', { name: 'Relevés bancaires' }));
    await page.getByTestId('bank-import-open').click();
    await see(page.getByRole('heading', { name: 'Importer un relevé' }));
    await chooseFile(page, file);
    await page.getByTestId('bank-import-submit').click();
    await seeText(page.getByTestId('bank-import-result'), '4 lignes ajoutées.');
    await page.getByTestId('bank-import-reconcile').click();

    // The bank's file comes back byte for byte, as an auditor asks for it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('bank-statement-download').click()]);
    expect(download.suggestedFilename()).toBe('STMT-e2e.xml');
    expect(Buffer.compare(readFileSync((await download.path())!), file.buffer)).toBe(0);

    // The credit naming the invoice is proposed first; it was a cheque remitted, and confirming books it so.
    const line = page.locator('[data-testid^="bank-line-"]').filter({ hasText: `Reglement facture ${invoice.number}` });
    await seeText(line.locator('[data-testid$="-0"]').first(), invoice.number);
    await line.locator('[data-testid^="bank-line-mode-"]').click();
    await page.getByRole('option', { name: 'Chèque' }).click();
    await line.locator('[data-testid^="bank-line-confirm-"][data-testid$="-0"]').click();
    await seeText(line.getByTestId('bank-line-status'), 'Rapprochée');
    expect(await getInvoice(e2e.database.db, staff, invoice.id)).toMatchObject({ status: 'paid', paidCents: 120_000 });

    await page.getByTestId('nav-payments').click();
    await see(page.getByRole('heading', { name: 'Paiements reçus' }));
    const payment = page.locator('[data-testid^="payment-row-"]').first();
    await seeText(payment, invoice.number);
    await seeText(payment, 'Chèque');

    // The same file again: recognised line by line, nothing is added.
    await page.getByTestId('nav-bank').click();
    await page.getByTestId('bank-import-open').click();
    await chooseFile(page, file);
    await page.getByTestId('bank-import-submit').click();
    await seeText(page.getByTestId('bank-import-result'), 'Rien de nouveau : les 4 lignes de ce fichier étaient déjà importées.');
  });
});
