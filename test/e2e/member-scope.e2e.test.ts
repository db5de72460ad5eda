import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { members } from '../../src/modules/members/schema.js';
import { DEMO, type E2E, logIn, see, seeCount, seeText, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('member-scope', () => e2e);

/**
 * Ids of records the demo cooperative holds for other members, as a link shared by someone
 * else would carry them.
 */
async function othersRecords() {
  const db = e2e.database.db;
  const [activity] = await db.select({ id: activities.id }).from(activities).where(eq(activities.code, 'BOIS-LUMIERE'));
  const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.name, 'Hôtel du Parc SAS'));
  const [member] = await db.select({ id: members.id }).from(members).where(eq(members.email, 'etienne.lefevre@demo.mutualise.coop'));
  if (!activity || !client || !member) throw new Error('the demo seed no longer has these records');
  return { activityId: activity.id, clientId: client.id, memberId: member.id };
}

describe("a member's own scope", () => {
  it('Camille sees her own file, activities and clients, nothing of the others, and can switch the interface to English', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.member);

    // Her dashboard: her status, one activity, the two clients of that activity.
    await see(page.getByRole('heading', { name: 'Tableau de bord' }));
    await seeText(page.getByTestId('my-status'), 'Salarié·e (CESA)');
    await seeText(page.getByTestId('my-status'), 'Entrepreneur·e salarié·e');
    await seeText(page.getByTestId('my-activities-value'), '1');
    await seeText(page.getByTestId('my-clients-value'), '2');
    expect(await page.getByTestId('stat-members').count()).toBe(0);

    // Her navigation: "my" pages, no members list, no administration.
    const nav = page.getByRole('navigation', { name: 'Navigation principale' });
    await seeText(page.getByTestId('nav-activities'), 'Mes activités');
    await seeText(page.getByTestId('nav-clients'), 'Mes clients');
    await see(page.getByTestId('nav-me'));
    expect(await page.getByTestId('nav-members').count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Membres' }).count()).toBe(0);
    expect(await nav.getByText('Administration').count()).toBe(0);

    // Only her activity is listed, and she cannot open a new one.
    await page.getByTestId('nav-activities').click();
    await see(page.getByRole('heading', { name: 'Mes activités' }));
    await seeText(page.getByTestId('activity-row-CAMILLE-GRAPHISME'), 'Camille Martin Graphisme');
    await seeCount(page.locator('[data-testid^="activity-row-"]'), 1);
    await see(page.getByText('1 activité', { exact: true }));
    expect(await page.getByTestId('activity-new').count()).toBe(0);

    // Only the clients of her activity.
    await page.getByTestId('nav-clients').click();
    await see(page.getByRole('heading', { name: 'Mes clients' }));
    await see(page.getByTestId('client-row-Boulangerie Les Trois Épis'));
    await see(page.getByTestId('client-row-Association Les Amis du Rhône'));
    await seeCount(page.locator('[data-testid^="client-row-"]'), 2);

    // Another member's activity or client, opened by its address, does not exist for her.
    const others = await othersRecords();
    await page.goto(`/activities/${others.activityId}`);
    await see(page.getByRole('alert').getByText('Activité introuvable.'));
    expect(await page.getByText('Bois & Lumière').count()).toBe(0);

    await page.goto(`/clients/${others.clientId}`);
    await see(page.getByRole('alert').getByText('Client introuvable.'));
    expect(await page.getByText('Hôtel du Parc SAS').count()).toBe(0);

    // Member files are the advisors' pages: closed to her, and the API does not know the file.
    await page.goto(`/members/${others.memberId}`);
    await see(page.getByRole('heading', { name: '403 — vous ne pouvez pas ouvrir cette page' }));
    expect(await page.getByText('Lefèvre').count()).toBe(0);
    const api = await page.evaluate(async (id) => (await fetch(`/api/members/${id}`)).status, others.memberId);
    expect(api).toBe(404);

    // Switching to English changes the interface texts, and the choice stays after a reload.
    await page.getByTestId('nav-dashboard').click();
    await see(page.getByRole('heading', { name: 'Tableau de bord' }));
    await page.getByTestId('language-en').click();
    await see(page.getByRole('heading', { name: 'Dashboard' }));
    await seeText(page.getByTestId('nav-activities'), 'My activities');
    await seeText(page.getByTestId('nav-clients'), 'My clients');
    await seeText(page.getByTestId('nav-me'), 'My profile');
    await seeText(page.getByTestId('my-status'), 'Employee (CESA)');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await see(page.getByRole('heading', { name: 'Dashboard' }));
    await page.getByTestId('nav-activities').click();
    await see(page.getByRole('heading', { name: 'My activities' }));
    await see(page.getByText('1 activity', { exact: true }));
  });
});
