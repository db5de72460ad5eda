import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kbPages } from '../../src/modules/knowledge/schema.js';
import { DEMO, type E2E, field, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * The public knowledge base: the advisor copies the public address of the coop's "Rejoindre la
 * coopérative" space; an anonymous visitor on a phone reads a page of one of its chapters and
 * finds another by a word typed without its accent; the address of an internal page shows
 * "not found", without its title.
 */
let e2e: E2E;
let publicUrl = '';

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('public-knowledge', () => e2e);

describe('a public space read without an account', () => {
  it('the advisor finds the public address on the space', async () => {
    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, DEMO.advisor);
    await page.goto('/knowledge');
    await page.getByTestId('kb-space-card').filter({ hasText: 'Rejoindre la coopérative' }).click();
    const link = page.getByTestId('kb-public-link');
    await see(link);
    publicUrl = (await link.getAttribute('href')) ?? '';
    expect(publicUrl).toMatch(/\/savoirs\/[0-9a-f-]{36}\/spaces\/[0-9a-f-]{36}$/);
  });

  it('an anonymous visitor on a phone reads a chapter page and searches without accents; an internal page is not found', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await page.goto(new URL(publicUrl).pathname);
    await see(page.getByRole('heading', { name: 'Rejoindre la coopérative' }));
    await seeText(page.locator('nav'), 'Avant d’entrer');
    await page.getByRole('link', { name: 'Qui peut rejoindre la coopérative ?' }).click();
    await see(page.getByTestId('kb-rendered').locator('strong', { hasText: 'réunion d’information' }));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const coopPath = new URL(publicUrl).pathname.replace(/\/spaces\/.*$/, '');
    await page.goto(coopPath);
    await field(page, 'Rechercher dans la base').fill('chomage');
    await see(page.getByTestId('kb-search-results').getByRole('link', { name: 'Le contrat CAPE' }));

    // The visitor reads in English: the public frame has the language switch, and the choice stays on the next page.
    await page.getByTestId('language-en').click();
    await see(field(page, 'Search the knowledge base'));
    await page.reload();
    await see(field(page, 'Search the knowledge base'));
    await page.getByTestId('language-fr').click();
    await see(field(page, 'Rechercher dans la base'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const [internal] = await e2e.database.db.select({ id: kbPages.id }).from(kbPages).where(eq(kbPages.title, 'Entretien de fin de CAPE'));
    await page.goto(`${coopPath}/pages/${internal!.id}`);
    await see(page.getByTestId('kb-public-not-found'));
    expect(await page.content()).not.toContain('Entretien de fin de CAPE');
  });
});
