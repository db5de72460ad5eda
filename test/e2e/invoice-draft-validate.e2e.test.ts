import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('invoice-draft-validate', () => e2e);

describe('a member drafts an invoice, the team issues and sends it', () => {
  it('drafts two lines at 20 % and 5,5 % with live totals, staff validates (number shown), downloads the PDF and sends it, and the mail waits in the outbox with the PDF; the activity shows the revenue', async () => {
    // The member drafts the invoice in the browser.
    const { page: member } = await e2e.newPage();
    await logIn(member, DEMO.member);
    await member.getByTestId('nav-invoices').click();
    await see(member.getByRole('heading', { name: 'Mes factures' }));
    await member.getByTestId('invoice-new').click();
    await see(member.getByRole('heading', { name: 'Nouvelle facture' }));

    await member.getByTestId('invoice-activity').click();
    await member.getByRole('option', { name: 'CAMILLE-GRAPHISME — Camille Martin Graphisme' }).click();
    await member.getByTestId('invoice-client').click();
    await member.getByRole('option', { name: 'Boulangerie Les Trois Épis' }).click();

    await member.getByTestId('line-description-0').fill('Création du logo');
    await member.getByTestId('line-quantity-0').fill('2');
    await member.getByTestId('line-price-0').fill('450');
    await member.getByTestId('invoice-add-line').click();
    await member.getByTestId('line-description-1').fill('Livret illustré');
    await member.getByTestId('line-quantity-1').fill('1,5');
    await member.getByTestId('line-price-1').fill('120,50');
    await member.getByTestId('line-vat-1').click();
    await member.getByRole('option', { name: '5,5 %', exact: true }).click();

    // The totals as the server computes them: VAT per rate on the sum of the lines.
    await seeText(member.getByTestId('line-net-1'), '180,75 €');
    await seeText(member.getByTestId('total-net'), '1 080,75 €');
    await seeText(member.getByTestId('total-vat'), '189,94 €');
    await seeText(member.getByTestId('total-gross'), '1 270,69 €');

    await member.getByTestId('invoice-save').click();
    await see(member.getByText('Brouillon enregistré.'));
    await member.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    const invoicePath = new URL(member.url()).pathname;
    await seeText(member.getByTestId('invoice-status'), 'Brouillon');
    // Without a limit set by the coop, the member hands the draft to the team.
    expect(await member.getByTestId('invoice-validate').count()).toBe(0);
    await member.getByTestId('invoice-submit').click();
    await see(member.getByText("Facture soumise à l'équipe de la coopérative."));

    // The advisor finds it among the invoices to validate and issues it.
    const { page: staff } = await e2e.newPage();
    await logIn(staff, DEMO.advisor);
    await staff.getByTestId('nav-invoices').click();
    await see(staff.getByRole('heading', { name: 'Factures' }));
    await staff.getByTestId('invoice-filter-to-validate').click();
    await staff.waitForURL(/toValidate=true/);
    await staff.getByRole('link', { name: 'Brouillon' }).first().click();
    await staff.waitForURL((url) => url.pathname === invoicePath);
    await seeText(staff.getByTestId('total-gross'), '1 270,69 €');
    await staff.getByTestId('invoice-validate').click();
    // Numbering cannot be undone: the page asks first.
    await see(staff.getByText('Valider et numéroter cette facture ?'));
    await staff.getByTestId('invoice-validate-modal-confirm').click();
    await see(staff.getByText('Facture validée : son numéro est attribué.'));
    await seeText(staff.getByTestId('invoice-number'), /F\d{4}-\d{5}/);
    const number = ((await staff.getByTestId('invoice-number').textContent()) ?? '').trim();
    await seeText(staff.getByTestId('invoice-status'), 'Validée');
    await see(staff.getByRole('heading', { name: `Facture ${number}` }));

    // The PDF the client will receive.
    await staff.getByTestId('invoice-downloads').click();
    const href = await staff.getByTestId('invoice-pdf').getAttribute('href');
    const pdf = await staff.request.get(href!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await staff.keyboard.press('Escape');

    // The mail is shown before it leaves: recipient, subject, attachment.
    await staff.getByTestId('invoice-send').click();
    await seeText(staff.getByTestId('send-mail-to'), 'contact@troisepis.fr');
    await seeText(staff.getByTestId('send-mail-subject'), `Facture ${number} — ${DEMO.coopName}`);
    await seeText(staff.getByTestId('send-mail-attachment'), `${number}.pdf`);
    await staff.getByTestId('send-mail-confirm').click();
    await see(staff.getByText("Envoi demandé : le mail attend dans la boîte d'envoi avec le PDF Factur-X."));
    // Without SMTP the mail stays in the outbox: the invoice does not pretend it left.
    await seeText(staff.getByTestId('invoice-status'), "En attente d'envoi");

    // The mail waits in the outbox, to the client, with the PDF attached.
    const { page: admin } = await e2e.newPage();
    await logIn(admin, DEMO.admin);
    await admin.getByTestId('nav-outbox').click();
    const row = admin.getByTestId('mail-row-contact@troisepis.fr');
    await seeText(row, `Facture ${number} — ${DEMO.coopName}`);
    await row.getByRole('button', { name: new RegExp(`Facture ${number}`) }).click();
    await seeText(admin.getByTestId('mail-body'), `notre facture ${number}`);
    await seeText(admin.getByTestId('mail-attachment'), `${number}.pdf`);

    // The audit log names the invoice by its number, linked to its page, and reads its changes
    // field by field (amounts as money), never as raw JSON or a bare id.
    await admin.goto(`/audit?entityId=${invoicePath.split('/').pop()}&action=invoice.draft_created`);
    const entry = admin.locator('[data-testid^="audit-row-"]').first();
    await seeText(entry, 'Brouillon de facture créé');
    await seeText(entry.locator('[data-testid^="audit-target-"]'), number);
    await entry.getByRole('button', { name: 'Afficher ou masquer le détail' }).click();
    await seeText(entry.getByTestId('audit-change-netCents'), '1 080,75 €');
    expect(await entry.textContent()).not.toMatch(/[{}]|netCents/);

    // The member's activity shows the revenue the issued invoice posted.
    await member.goto(invoicePath);
    await seeText(member.getByTestId('invoice-status'), "En attente d'envoi");
    await member.getByRole('link', { name: 'CAMILLE-GRAPHISME — Camille Martin Graphisme' }).click();
    await seeText(member.getByTestId('treasury-invoiced'), '1 080,75 €');
  });
});
