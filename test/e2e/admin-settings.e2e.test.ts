import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2E, field, logIn, see, seeCount, seeFieldError, seeText, seeValue, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('admin-settings', () => e2e);

const year = new Date().getFullYear();

describe('the admin changes the cooperative settings', () => {
  it('saves a new contribution rate and numbering format (previewed as typed), refuses an invalid IBAN under its field, and the change shows in the audit log', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.admin);
    await page.getByTestId('nav-settings').click();
    await see(page.getByRole('heading', { name: 'Paramètres de la coopérative' }));

    // The poles read by their names, not their codes.
    await see(page.getByText('Gestion de projet', { exact: true }).first());
    await seeCount(page.getByText('project_management'), 0);

    const rate = page.getByTestId('contribution-rate');
    await seeValue(rate, '10 %');
    await rate.fill('11,5');

    // The preview follows the format as it is typed, and says when it is not valid.
    const numbering = page.getByTestId('numbering-format');
    await seeValue(numbering, 'F{YYYY}-{SEQ:5}');
    // The next number of the demo's real series (invoices were issued), not the first one.
    const next = (await (await page.request.get(new URL('/api/invoices/next-sequence', page.url()).href)).json()) as { year: number; yearly: number };
    expect(next.year).toBe(year);
    await seeText(page.getByTestId('numbering-preview'), `Aperçu (prochain numéro) : F${year}-${String(next.yearly).padStart(5, '0')}`);
    await numbering.fill('FAC-{YY}-{SEQ');
    await see(page.getByText('Format invalide : un seul {SEQ:n}', { exact: false }));
    await numbering.fill('FAC-{YY}-{SEQ:4}');
    await seeText(page.getByTestId('numbering-preview'), `Aperçu (prochain numéro) : FAC-${String(year).slice(2)}-${String(next.yearly).padStart(4, '0')}`);

    await page.getByTestId('settings-save').click();
    await see(page.getByText('Paramètres enregistrés.'));

    // Kept: a reload shows the saved values.
    await page.reload();
    await seeValue(page.getByTestId('contribution-rate'), '11,5 %');
    await seeValue(page.getByTestId('numbering-format'), 'FAC-{YY}-{SEQ:4}');

    // An IBAN with a wrong check key is refused under the field, and nothing is saved.
    const iban = page.getByTestId('iban');
    await iban.fill('FR76 3000 6000 0112 3456 7890 188');
    await page.getByTestId('settings-save').click();
    await seeFieldError(iban, 'IBAN invalide');
    await page.reload();
    await seeValue(page.getByTestId('iban'), 'FR76 3000 6000 0112 3456 7890 189');

    // The audit log holds the one saved change, field by field.
    await page.getByTestId('nav-audit').click();
    await see(page.getByRole('heading', { name: "Journal d'audit" }));
    await field(page, 'Action').click();
    await field(page, 'Action').fill('Paramètres');
    await page.getByRole('option', { name: 'Paramètres modifiés' }).click();
    await page.waitForURL(/action=coop\.settings_updated/);
    const rows = page.locator('[data-testid^="audit-row-"]');
    await seeCount(rows, 1);
    await seeText(rows.first(), 'Paramètres modifiés');
    await seeText(rows.first(), 'Claire Administratrice');
    await rows.first().getByRole('button', { name: 'Afficher ou masquer le détail' }).click();
    // Field by field, named as on the settings page, the rate as a percentage, never raw JSON.
    const changes = page.locator('[data-testid^="audit-changes-"]');
    const rateChange = changes.getByTestId('audit-change-contributionRateBp');
    await seeText(rateChange, 'Taux de contribution');
    await seeText(rateChange, '10 % → 11,5 %');
    const numberingChange = changes.getByTestId('audit-change-invoiceNumberFormat');
    await seeText(numberingChange, 'Format de numérotation des factures');
    await seeText(numberingChange, 'F{YYYY}-{SEQ:5} → FAC-{YY}-{SEQ:4}');
    expect(await changes.getByTestId('audit-change-iban').count()).toBe(0);
    expect(await rows.first().textContent()).not.toMatch(/contributionRateBp|"before"/);
  });
});
