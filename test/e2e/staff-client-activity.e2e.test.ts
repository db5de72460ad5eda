import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2E, field, logIn, see, seeFieldError, seeNo, seeText, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('staff-client-activity', () => e2e);

// A SIREN with a valid Luhn key, its derived VAT number (key 44), and SIRETs of it.
const SIREN = '732829320';
const VAT = 'FR44732829320';
const GOOD_SIRET = '73282932000017';
const BAD_SIRET = '73282932000018';

describe('an advisor opens an activity and records its client', () => {
  it('opens a shared activity with its shares, then a company client with its derived VAT number, found again by a search without accents', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);

    // A new activity held by two members, 70 / 30.
    await page.getByTestId('nav-activities').click();
    await see(page.getByRole('heading', { name: 'Activités' }));
    await page.getByTestId('activity-new').click();
    const dialog = page.getByRole('dialog', { name: 'Nouvelle activité' });
    await field(dialog, "Nom de l'activité").fill('Atelier Céramique');
    await dialog.getByTestId('holder-member-0').click();
    await dialog.getByTestId('holder-member-0').fill('Inès');
    await page.getByRole('option', { name: 'Inès Moreau' }).click();
    await dialog.getByTestId('holder-add').click();
    await dialog.getByTestId('holder-member-1').click();
    await dialog.getByTestId('holder-member-1').fill('Lucas');
    await page.getByRole('option', { name: 'Lucas Bernard' }).click();
    // Adding a holder splits evenly; shares that do not add up to 100 % are refused.
    await see(dialog.getByText('Total : 100 %'));
    await dialog.getByTestId('holder-share-0').fill('70');
    await see(dialog.getByText('Total : 120 %'));
    await dialog.getByTestId('activity-save').click();
    await see(dialog.getByText('Les parts doivent totaliser 100 % (actuellement 120 %).'));
    await dialog.getByTestId('holder-share-1').fill('30');
    await see(dialog.getByText('Total : 100 %'));
    await dialog.getByTestId('activity-save').click();

    await see(page.getByText('Activité ATELIER-CERAMIQUE ouverte.'));
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}$/);
    await see(page.getByRole('heading', { name: 'Atelier Céramique' }));
    await see(page.getByText('Activité partagée entre plusieurs membres'));
    await seeText(page.getByRole('row', { name: /Inès Moreau/ }), '70 %');
    await seeText(page.getByRole('row', { name: /Lucas Bernard/ }), '30 %');

    // It is in the list, with both holders.
    await page.getByTestId('nav-activities').click();
    const activityRow = page.getByTestId('activity-row-ATELIER-CERAMIQUE');
    await seeText(activityRow, 'Inès Moreau · 70 %');
    await seeText(activityRow, 'Lucas Bernard · 30 %');

    // A company client: the VAT number shows as soon as the SIREN is typed.
    await page.getByTestId('nav-clients').click();
    await see(page.getByRole('heading', { name: 'Clients' }));
    await page.getByTestId('client-new').click();
    const form = page.getByRole('dialog', { name: 'Nouveau client' });
    await form.getByTestId('client-name').fill('Céramiques Éléonore SARL');
    await form.getByTestId('client-siren').fill(SIREN);
    await see(form.getByText(`Déduit du SIREN : ${VAT}`));
    expect(await form.getByTestId('client-vat').getAttribute('placeholder')).toBe(VAT);
    await form.getByTestId('client-activity').click();
    await page.getByRole('option', { name: 'ATELIER-CERAMIQUE — Atelier Céramique' }).click();

    // A SIRET with a wrong key is refused under its field; nothing is created.
    const siret = field(form, 'SIRET (établissement facturé)');
    await siret.fill(BAD_SIRET);
    await form.getByTestId('client-save').click();
    await seeFieldError(siret, 'SIRET invalide (14 chiffres, clé de Luhn).');
    expect(new URL(page.url()).pathname).toBe('/clients');

    await siret.fill(GOOD_SIRET);
    await form.getByTestId('client-save').click();
    await see(page.getByText('Client Céramiques Éléonore SARL enregistré.'));
    await seeNo(form);
    await page.waitForURL(/\/clients\/[0-9a-f-]{36}$/);
    await see(page.getByRole('heading', { name: 'Céramiques Éléonore SARL' }));
    await see(page.getByText(VAT, { exact: true }));
    await see(page.getByText('732 829 320', { exact: true }));

    // In the list, and found by a search typed without accents or capitals.
    await page.getByTestId('nav-clients').click();
    const clientRow = page.getByTestId('client-row-Céramiques Éléonore SARL');
    await seeText(clientRow, SIREN);
    await seeText(clientRow, 'ATELIER-CERAMIQUE');
    await page.getByTestId('client-search').fill('ceramiques eleonore');
    await page.waitForURL(/[?&]q=ceramiques(\+|%20)eleonore/);
    await see(clientRow);
    await see(page.getByText('1 client', { exact: true }));
    await seeNo(page.getByTestId('client-row-Boulangerie Les Trois Épis'));

    // The activity page lists its new client.
    await page.getByTestId('nav-activities').click();
    await page.getByTestId('activity-row-ATELIER-CERAMIQUE').getByRole('link', { name: 'ATELIER-CERAMIQUE' }).click();
    await see(page.getByRole('link', { name: 'Céramiques Éléonore SARL' }));
  });
});
