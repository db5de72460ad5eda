import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directoryProfiles } from '../../src/modules/directory/schema.js';
import { members } from '../../src/modules/members/schema.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * The member directory: Inès fills her directory profile on her phone (a new skill) and hides
 * her phone number, which she showed to the members until now. Camille, another member, finds
 * her by that skill typed without accents, opens her profile, and the phone number is neither
 * on the page nor in any answer of the API the page fetched. Étienne adds a case study to his
 * portfolio for the members only: Camille sees it on his profile and downloads it; the public
 * directory shows his profile without it.
 */
let e2e: E2E;
const INES = 'ines.moreau@demo.mutualise.coop';
const INES_PHONE = '07 11 22 33 44';

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('member-directory', () => e2e);

describe('the member directory', () => {
  it('a member fills her directory profile and hides her phone', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, INES);
    await page.goto('/directory/me');
    const skills = page.getByTestId('skills-input');
    await see(skills);
    await skills.fill('Éco-conception numérique');
    await skills.press('Enter');
    await page.getByTestId('phone-input').fill(INES_PHONE);
    await page.getByTestId('visibility-phone').getByText('Masqué', { exact: true }).click();
    await page.getByRole('button', { name: 'Enregistrer mon profil' }).click();
    await see(page.getByText('Profil enregistré.'));
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

    const [member] = await e2e.database.db.select({ id: members.id, coopId: members.coopId }).from(members).where(eq(members.email, INES));
    const [row] = await e2e.database.db.select().from(directoryProfiles).where(and(eq(directoryProfiles.coopId, member!.coopId), eq(directoryProfiles.memberId, member!.id)));
    expect(row!.visibility.phone).toBe('hidden');
    expect(row!.phone).toBe(INES_PHONE);
    expect(row!.skills).toContain('Éco-conception numérique');
  });

  it('another member finds her by skill typed without accents, and the phone never reaches her browser', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    const bodies: string[] = [];
    page.on('response', async (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/directory')) bodies.push(await res.text().catch(() => ''));
    });
    await logIn(page, DEMO.member);
    await page.goto('/directory');
    await page.getByTestId('directory-search').fill('eco-conception numerique');
    const card = page.getByTestId('directory-card').filter({ hasText: 'Inès Moreau' });
    await see(card);
    await seeText(page.getByTestId('directory-count'), '1 membre');
    await card.getByRole('link', { name: 'Inès Moreau' }).click();
    await page.waitForURL(/\/directory\/[0-9a-f-]{36}$/);
    await seeText(page.getByTestId('directory-profile'), 'Développeuse web');
    await seeText(page.getByTestId('directory-profile'), 'Éco-conception numérique');
    expect(await page.getByTestId('directory-phone').count()).toBe(0);
    expect(await page.content()).not.toContain(INES_PHONE);
    // The list and the profile were fetched, and neither answer carried the number.
    expect(bodies.some((b) => b.includes('Éco-conception numérique'))).toBe(true);
    expect(bodies.length).toBeGreaterThanOrEqual(2);
    for (const body of bodies) expect(body).not.toContain(INES_PHONE);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  it('a member adds a portfolio file for the members; another member downloads it; the public directory does not show it', async () => {
    const ETIENNE = 'etienne.lefevre@demo.mutualise.coop';
    const FILE = 'Etude de cas - bibliotheque chene.pdf';
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, ETIENNE);
    await page.goto('/directory/me');
    await page.getByTestId('portfolio-visibility').click();
    await page.getByRole('option', { name: 'Membres' }).click();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('portfolio-upload').click()]);
    await chooser.setFiles({ name: FILE, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% bibliotheque en chene massif\n%%EOF\n') });
    await see(page.getByText('Fichier ajouté.'));
    await seeText(page.getByTestId('portfolio-file'), FILE);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

    const [member] = await e2e.database.db.select({ id: members.id }).from(members).where(eq(members.email, ETIENNE));
    const camille = (await e2e.newPage({ width: 390, height: 844 })).page;
    await logIn(camille, DEMO.member);
    await camille.goto(`/directory/${member!.id}`);
    const link = camille.getByTestId('profile-file').filter({ hasText: FILE });
    await see(link);
    const [download] = await Promise.all([camille.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe(FILE);

    const visitor = (await e2e.newPage({ width: 390, height: 844 })).page;
    const bodies: string[] = [];
    visitor.on('response', async (res) => {
      if (new URL(res.url()).pathname.startsWith('/api/directory/public')) bodies.push(await res.text().catch(() => ''));
    });
    await visitor.goto(`/annuaire/cooperative-demo/${member!.id}`);
    await seeText(visitor.getByTestId('directory-profile'), 'Ébéniste');
    expect(await visitor.getByTestId('profile-file').count()).toBe(0);
    expect(bodies.length).toBeGreaterThanOrEqual(1);
    for (const body of bodies) expect(body).not.toContain('bibliotheque');
  });
});
