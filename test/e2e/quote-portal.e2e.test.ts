import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2E, field, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('quote-portal', () => e2e);

const CLIENT = { name: 'Boulangerie Les Trois Épis', email: 'contact@troisepis.fr' };

describe('a quote accepted by the client on the portal', () => {
  it('a member drafts a quote, staff validate and send it, the client accepts it through the mailed link, and the member sees it accepted', async () => {
    // The member drafts the quote: two lines of a section, with a quantity in decimals.
    const { page: member } = await e2e.newPage();
    await logIn(member, DEMO.member);
    await member.getByTestId('nav-quotes').click();
    await see(member.getByRole('heading', { name: 'Mes devis' }));
    await member.getByTestId('quote-new').click();
    await see(member.getByRole('heading', { name: 'Nouveau devis' }));
    await field(member, 'Activité').click();
    await member.getByRole('option', { name: /Camille Martin Graphisme/ }).click();
    await field(member, 'Client').click();
    await member.getByRole('option', { name: CLIENT.name }).click();
    await member.getByTestId('quote-line-section-0').fill('Lot 1 — Identité visuelle');
    await member.getByTestId('quote-line-description-0').fill('Création du logo (jours)');
    await member.getByTestId('quote-line-quantity-0').fill('2,5');
    await member.getByTestId('quote-line-price-0').fill('480');
    await member.getByTestId('quote-add-line').click();
    await member.getByTestId('quote-line-description-1').fill('Déclinaison papeterie');
    await member.getByTestId('quote-line-quantity-1').fill('1');
    await member.getByTestId('quote-line-price-1').fill('350,50');
    // The totals are computed while typing, as the server will: 1 550,50 € HT, 310,10 € of VAT.
    await seeText(member.getByTestId('total-net'), '1 550,50 €');
    await seeText(member.getByTestId('total-gross'), '1 860,60 €');
    await member.getByTestId('quote-save').click();
    await see(member.getByRole('heading', { name: 'Devis en préparation' }));
    const quoteUrl = member.url();
    expect(quoteUrl).toMatch(/\/quotes\/[0-9a-f-]{36}$/);
    // The coop validates quotes: the member submits it and cannot validate it.
    await expect(member.getByTestId('quote-validate').count()).resolves.toBe(0);
    await member.getByTestId('quote-submit').click();
    await seeText(member.getByTestId('quote-state'), 'À valider');

    // The advisor validates it (it takes its number) and sends it to the client.
    const { page: advisor } = await e2e.newPage();
    await logIn(advisor, DEMO.advisor);
    await advisor.goto(quoteUrl);
    await advisor.getByTestId('quote-validate').click();
    await advisor.getByTestId('quote-validate-modal-confirm').click();
    await see(advisor.getByRole('heading', { name: /^Devis D\d{4}-\d{4}$/ }));
    const number = ((await advisor.getByRole('heading', { name: /^Devis D\d{4}-\d{4}$/ }).textContent()) ?? '').replace('Devis ', '');
    await advisor.getByTestId('quote-send').click();
    await seeText(advisor.getByTestId('send-mail-to'), CLIENT.email);
    await advisor.getByTestId('send-mail-confirm').click();
    await seeText(advisor.getByTestId('quote-state'), "En attente d'envoi");

    // The mail waits in the outbox with the portal link.
    const { page: admin } = await e2e.newPage();
    await logIn(admin, DEMO.admin);
    await admin.getByTestId('nav-outbox').click();
    const mailRow = admin.getByTestId(`mail-row-${CLIENT.email}`);
    await seeText(mailRow, number);
    await mailRow.getByRole('button', { name: /^Lire l'e-mail/ }).click();
    const mail = admin.getByTestId('mail-view');
    await seeText(mail.getByTestId('mail-body'), `Veuillez trouver notre devis ${number}`);
    const link = await mail.getByTestId('mail-link').getAttribute('href');
    expect(link).toMatch(new RegExp(`^${e2e.baseUrl}/portal/quotes/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));

    // The client opens the link in a browser of their own, with no account, and accepts.
    const { page: client } = await e2e.newPage();
    await client.goto(link!);
    await see(client.getByRole('heading', { name: `Devis ${number}` }));
    await seeText(client.getByTestId('quote-lines'), 'Lot 1 — Identité visuelle');
    await seeText(client.getByTestId('total-gross'), '1 860,60 €');
    await client.getByTestId('portal-accept').click();
    await see(client.getByText('Indiquez votre nom.'));
    await client.getByTestId('portal-name').fill('Martine Garnier');
    await client.getByTestId('portal-agree').check();
    await client.getByTestId('portal-accept').click();
    await seeText(client.getByTestId('portal-accepted'), 'Accepté par Martine Garnier');
    // Coming back later, the client sees the answer, not the form.
    await client.reload();
    await see(client.getByTestId('portal-accepted'));
    await expect(client.getByTestId('portal-answer').count()).resolves.toBe(0);

    // The member sees the quote accepted, with the evidence of the agreement.
    await member.reload();
    await seeText(member.getByTestId('quote-state'), 'Accepté');
    await seeText(member.getByTestId('quote-history'), 'Accepté en ligne');
    await seeText(member.getByTestId('quote-history'), 'Martine Garnier');
    await see(member.getByTestId('quote-invoicing'));
  });

  it('a tampered link shows a clear message and nothing of any quote', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/portal/quotes/eyJwIjoicXVvdGUucG9ydGFsIn0.forged');
    await see(page.getByTestId('portal-invalid'));
    await seeText(page.getByTestId('portal-invalid'), 'Ce lien n’est pas valide ou a expiré');
  });
});
