import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { coops } from '../../src/modules/coops/schema.js';
import { feeSettings, mandates } from '../../src/modules/fees/schema.js';
import { members } from '../../src/modules/members/schema.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

/**
 * Member fees by SEPA direct debit: the advisor bills the month (twice: nothing is billed twice), records Julien Fournier's signed mandate, builds the collection
 * of the unpaid fees and downloads its pain.008, then records what the statement says: one debit
 * credited (the fee paid), one returned for insufficient funds (the fee open again, the reason shown).
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  // The harness seeds the demo without files, so without its fees: the coop's creditor
  // identifier and Nathalie Roux's signed mandate are set here, the month is billed by the journey.
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  await db.insert(feeSettings).values({ coopId: coop!.id, creditorId: 'FR72ZZZ123456' });
  const [nathalie] = await db.select({ id: members.id }).from(members).where(and(eq(members.coopId, coop!.id), eq(members.firstName, 'Nathalie'), eq(members.lastName, 'Roux')));
  await db.insert(mandates).values({ coopId: coop!.id, memberId: nathalie!.id, reference: 'MUT-NRC-0001', debtorName: 'NR Conseil SARL', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPP', signedOn: parisToday() });
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('member-fees-direct-debit', () => e2e);

describe('member fees collected by SEPA direct debit', () => {
  it('bills, records a mandate, builds and downloads the collection, then records a credit and a return', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto('/fees');

    // The advisor bills the month; asking again bills nothing twice.
    await page.getByTestId('fees-bill').click();
    await see(page.getByText(/^[1-9]\d* cotisation\(s\) facturée\(s\), 0 déjà facturée\(s\)\.$/));
    await page.getByTestId('fees-bill').click();
    await see(page.getByText(/^0 cotisation\(s\) facturée\(s\), [1-9]\d* déjà facturée\(s\)\.$/));

    await page.getByTestId('fees-tab-mandates').click();
    await page.getByTestId('mandate-member').click();
    await page.getByRole('option', { name: 'Julien Fournier' }).click();
    await page.getByTestId('mandate-reference').fill('MUT-JFO-0001');
    await page.getByTestId('mandate-debtor').fill('Julien Fournier');
    await page.getByTestId('mandate-iban').fill('FR76 3000 1007 9412 3456 7890 185');
    await page.getByTestId('mandate-save').click();
    await seeText(page.getByTestId('mandate-MUT-JFO-0001').getByTestId('mandate-status'), 'Actif');

    await page.getByTestId('fees-tab-collections').click();
    await see(page.getByTestId('collectable-' + (await firstCollectable(page))));
    await page.getByTestId('collection-build').click();
    const card = page.locator('[data-testid^="collection-PRLV-"]').first();
    await see(card);
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByTestId('collection-download').click()]);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('urn:iso:std:iso:20022:tech:xsd:pain.008.001.08');
    expect(xml).toContain('<MndtId>MUT-JFO-0001</MndtId>');
    expect(xml).toContain('<MndtId>MUT-NRC-0001</MndtId>');

    const debitOf = async (name: string) => (await card.locator('[data-testid^="debit-"]').filter({ hasText: name }).first().getAttribute('data-testid'))!.slice('debit-'.length);
    const julien = await debitOf('Julien Fournier');
    const other = await debitOf('Nathalie Roux');

    // The statement shows Julien's debit credited…
    await card.getByTestId('outcome-debit').click();
    await page.getByRole('option', { name: new RegExp(`^${julien}`) }).click();
    await card.getByTestId('outcome-save').click();
    await seeText(card.getByTestId(`debit-${julien}`), 'Crédité');
    // …and the other one returned for insufficient funds.
    await card.getByTestId('outcome-debit').click();
    await page.getByRole('option', { name: new RegExp(`^${other}`) }).click();
    await card.getByTestId('outcome-kind').click();
    await page.getByRole('option', { name: 'Rejeté, motif AM04' }).click();
    await card.getByTestId('outcome-save').click();
    await seeText(card.getByTestId(`debit-${other}`), 'AM04 — Provision insuffisante');

    await page.getByTestId('fees-tab-fees').click();
    const julienFee = julien.replace(/-\d+$/, '');
    const otherFee = other.replace(/-\d+$/, '');
    await seeText(page.getByTestId(`fee-${julienFee}`).getByTestId('fee-status'), 'Payée');
    await seeText(page.getByTestId(`fee-${otherFee}`).getByTestId('fee-return-reason'), 'Prélèvement rejeté (AM04) : Provision insuffisante');
  });
});

/** The number of the first fee offered for collection. */
async function firstCollectable(page: import('playwright-core').Page): Promise<string> {
  const row = page.locator('[data-testid^="collectable-"]').first();
  await see(row);
  return (await row.getAttribute('data-testid'))!.slice('collectable-'.length);
}
