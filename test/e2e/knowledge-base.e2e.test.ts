import { afterAll, beforeAll, describe, it } from 'vitest';
import { DEMO, type E2E, field, logIn, see, seeCount, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * The knowledge base: the advisor writes a page in the members' guide; a member on her phone
 * finds it by a word typed without its accent, and does not see the team's internal space;
 * she asks a question, the advisor answers, and she accepts the answer.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('knowledge-base', () => e2e);

const QUESTION = 'Le covoiturage vers un chantier se déclare-t-il ?';

describe('a page written by the team, found and discussed by a member', () => {
  it('the advisor writes a page in the Outils book of the guide', async () => {
    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, DEMO.advisor);
    await page.goto('/knowledge');
    await page.getByTestId('kb-space-card').filter({ hasText: "Guide de l'entrepreneur·e" }).click();
    await page.getByTestId('kb-book').filter({ hasText: 'Outils' }).getByRole('link', { name: 'Nouvelle page' }).click();
    await field(page, 'Titre').fill('Covoiturage vers les chantiers');
    await field(page, 'Texte').fill('Le **covoiturage** entre membres est encouragé : les frais de péage se partagent.');
    await seeText(page.getByTestId('kb-preview'), 'covoiturage');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.waitForURL(/\/knowledge\/pages\/[0-9a-f-]{36}$/);
    await see(page.getByTestId('kb-rendered').locator('strong', { hasText: 'covoiturage' }));
  });

  it('a member on her phone finds it by a word without its accent and asks a question; she does not see the internal space', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto('/knowledge');
    await see(page.getByTestId('kb-space-card').filter({ hasText: "Guide de l'entrepreneur·e" }));
    await seeCount(page.getByTestId('kb-space-card').filter({ hasText: 'Procédures internes' }), 0);
    await page.getByTestId('kb-search').fill('peage');
    const hit = page.getByTestId('kb-search-results').getByRole('link', { name: 'Covoiturage vers les chantiers' });
    await see(hit);
    await seeText(page.getByTestId('kb-search-results'), 'péage');
    await hit.click();
    await see(page.getByTestId('kb-rendered').locator('strong', { hasText: 'covoiturage' }));
    await page.goto('/knowledge/questions');
    await page.getByRole('button', { name: 'Poser une question' }).click();
    await field(page, 'Espace').click();
    await page.getByRole('option', { name: "Guide de l'entrepreneur·e" }).click();
    await field(page, 'Question').fill(QUESTION);
    await page.getByRole('dialog').getByRole('button', { name: 'Poser une question' }).click();
    await page.waitForURL(/\/knowledge\/questions\/[0-9a-f-]{36}$/);
    await seeText(page.getByRole('heading', { level: 1 }), QUESTION);
  });

  it('the advisor answers, and the member accepts the answer', async () => {
    const advisor = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(advisor.page, DEMO.advisor);
    await advisor.page.goto('/knowledge/questions');
    await advisor.page.getByRole('link', { name: QUESTION }).click();
    await field(advisor.page, 'Votre réponse').fill('Oui : notez le trajet dans vos frais kilométriques, avec le nom du chantier.');
    await advisor.page.getByRole('button', { name: 'Répondre' }).click();
    await seeCount(advisor.page.getByTestId('kb-answer'), 1);

    const member = await e2e.newPage({ width: 390, height: 844 });
    await logIn(member.page, DEMO.member);
    await member.page.goto('/knowledge/questions');
    await member.page.getByRole('link', { name: QUESTION }).click();
    await member.page.getByRole('button', { name: 'Accepter cette réponse' }).click();
    await see(member.page.getByTestId('kb-accepted'));
    await member.page.goto('/knowledge/questions');
    await seeText(member.page.getByTestId('kb-question').filter({ hasText: QUESTION }), 'Résolue');
  });
});
