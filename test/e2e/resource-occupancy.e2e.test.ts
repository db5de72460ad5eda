import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/platform/calendar/index.js';
import { frenchDate, parisToday } from './support/dates.js';
import { DEMO, type E2E, field, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * The advisor reads the occupancy of the premises over a period: the figures, the chart per
 * resource and the table per resource and site, then exports it as CSV. The period covers the
 * demo's bookings of the coming working days: two meetings in the Confluence room (2 h each at
 * 15 € an hour), desks and the van.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('resource-occupancy', () => e2e);

const today = parisToday();
const from = `${today.slice(0, 7)}-01`;
// The demo books within the next five working days: ten days on covers them all.
const to = addDays(today, 10);

describe('occupancy of the shared resources', () => {
  it('staff read the chart and its figures for a period, and export them as CSV', async () => {
    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, DEMO.advisor);
    await page.getByTestId('nav-resources-occupancy').click();
    await see(page.getByRole('heading', { name: 'Occupation des ressources' }));
    const until = field(page, 'Au');
    await until.fill(frenchDate(to));
    await until.press('Tab');

    const room = page.getByRole('row').filter({ hasText: 'Salle Confluence' });
    await seeText(room, 'Locaux de la coop — Lyon');
    // Resource, site, rate, bookings, no-shows, revenue.
    const cells = async () => (await room.getByRole('cell').allTextContents()).map((c) => c.replace(/\s+/g, ' ').trim());
    await expect.poll(async () => (await cells())[3]).toBe('2');
    expect((await cells())[5]).toBe('60,00 €');
    const roomRate = (await cells())[2]!;
    expect(roomRate).not.toBe('0,0 %');
    await seeText(page.getByRole('row').filter({ hasText: 'Kangoo utilitaire' }), 'Kangoo utilitaire');

    // The chart draws one bar per resource, named on its axis.
    const chart = page.getByTestId('occupancy-chart');
    await see(chart);
    await seeText(chart, /Salle\s*Confluence/);
    expect(await chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);
    const revenue = page.getByText('Chiffre (HT)', { exact: true }).first().locator('..');
    expect((await revenue.textContent()) ?? '').toMatch(/[1-9][\d\s]*,\d\d\s€/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Exporter en CSV' }).click()]);
    expect(download.suggestedFilename()).toBe(`occupation-${from}-${to}.csv`);
    const csv = (await fs.readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('Site;Ressource;Heures réservées;Heures ouvertes;Taux (%);Réservations;Absences;Chiffre (EUR HT)');
    // One row per active resource of the catalogue, as on the page.
    expect(lines).toHaveLength(1 + 11);
    const roomLine = lines.find((l) => l.includes(';Salle Confluence;'))!.split(';');
    expect(roomLine.slice(4)).toEqual([roomRate.replace(' %', ''), '2', '0', '60,00']);
    expect(roomLine[2]).toBe('4,0');
  });
});
