import { and, eq, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coops } from '../../src/modules/coops/schema.js';
import { journalEntryLines } from '../../src/modules/ledger/schema.js';
import { bankFile } from '../support/bank-fixtures.js';
import type { Page } from 'playwright-core';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

let e2e: E2E;
let file: { name: string; mimeType: string; buffer: Buffer };
const day = parisToday();
const euros = (cents: number) => `${Math.trunc(cents / 100)}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;

beforeAll(async () => {
  e2e = await startE2E();
  // The statement opens on what the demo's books hold on 512 before its day, as the bank's
  // balance would: the demo's payments recorded by hand went through the bank earlier.
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [before] = await db
    .select({ cents: sql<number>`coalesce(sum(${journalEntryLines.debitCents} - ${journalEntryLines.creditCents}), 0)`.mapWith(Number) })
    .from(journalEntryLines)
    .where(and(eq(journalEntryLines.coopId, coop!.id), eq(journalEntryLines.accountNumber, '512'), lt(journalEntryLines.entryDate, day)));
  const opening = before!.cents;
  // The fixture's booked lines: +1 200.00 +600.00 −12.30 +1 500.00.
  const closing = opening + 328_770;
  const xml = bankFile('camt053-payments.xml', { DAY: day, A: 'X-1', B: 'X-2', C: 'X-3', STATEMENT: 'e2e-debit' })
    .toString('utf8')
    .replace('<Amt Ccy="EUR">1000.00</Amt>', `<Amt Ccy="EUR">${euros(opening)}</Amt>`)
    .replace('<Amt Ccy="EUR">4287.70</Amt>', `<Amt Ccy="EUR">${euros(closing)}</Amt>`);
  expect(opening).toBeGreaterThanOrEqual(0);
  file = { name: 'releve-frais.xml', mimeType: 'application/xml', buffer: Buffer.from(xml, 'utf8') };
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('bank-debit-booking', () => e2e);

async function chooseFile(page: Page) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('bank-import-file').click()]);
  await chooser.setFiles(file);
}

describe('an advisor books the bank fees and the reconciliation statement balances', () => {
  it('books the card fee debit to 627 from the statement, then the état de rapprochement at that day shows no difference, on a phone too', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);

    await page.getByTestId('nav-bank').click();
    await page.getByTestId('bank-import-open').click();
    await chooseFile(page);
    await page.getByTestId('bank-import-submit').click();
    await seeText(page.getByTestId('bank-import-result'), '4 lignes ajoutées.');
    await page.getByTestId('bank-import-reconcile').click();

    const fee = page.locator('[data-testid^="bank-line-"]').filter({ hasText: 'COTISATION CARTE BUSINESS' }).first();
    await fee.locator('[data-testid^="bank-line-book-"]').click();
    await see(page.getByRole('dialog', { name: 'Comptabiliser ce débit' }));
    await page.getByTestId('bank-book-account').click();
    await page.getByRole('option', { name: '627 – Services bancaires et assimilés' }).click();
    await page.getByTestId('bank-book-submit').click();
    await seeText(fee.getByTestId('bank-line-status'), 'Comptabilisée');

    // The statements list shows the bank's opening and closing balances.
    await page.getByTestId('nav-bank').click();
    await see(page.getByTestId('bank-statement-closing').first());

    await page.getByTestId('bank-etat-open').click();
    await see(page.getByRole('heading', { name: 'État de rapprochement' }));
    await page.getByTestId('bank-etat-date').fill(day);
    await seeText(page.getByTestId('bank-etat-verdict'), 'Le rapprochement est équilibré.');
    await seeText(page.getByTestId('bank-etat-difference'), '0,00');
    await seeText(page.getByTestId('bank-etat-bank-only'), 'Facture X-3');

    // On a phone: the same statement opened at 390 px.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await see(page.getByTestId('bank-etat-verdict'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
