import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { createDraftQuote } from '../../src/modules/quotes/index.js';
import { users } from '../../src/platform/auth/schema.js';
import { quoteOf } from '../support/quotes-fixtures.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, logIn, see, seeCount, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * Staff run the demo's small cochallenge (4 pairs, 8 companies, 12 profiles): they compute the
 * plan and start the day; Camille, a pitcher, records a promise on her phone (390 px); the
 * live counter moves; staff follow the promise to a quote and see the euros it brought.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('cochallenge-day', () => e2e);

describe('a cochallenge day', () => {
  let url = '';

  it('staff compute the plan: every meeting presents six profiles, each profile four times', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto('/cochallenge');
    await page.getByTestId('cochallenge-open').first().click();
    await page.waitForURL(/\/cochallenge\/[0-9a-f-]{36}$/);
    url = new URL(page.url()).pathname;
    await seeCount(page.getByTestId('pair-card'), 4);
    await seeCount(page.getByTestId('company-row'), 8);
    await page.getByTestId('plan-compute').click();
    await seeText(page.getByTestId('plan-target'), /4 à 4 fois/u);
    await seeCount(page.getByTestId('plan-table').locator('tbody tr'), 8);
    await page.getByTestId('plan-start').click();
    await see(page.getByTestId('plan-close'));
  });

  it('a pitcher records a promise on her phone, and the counter moves', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto(`${url}/day`);
    await seeCount(page.getByTestId('day-meeting'), 2);
    const first = page.getByTestId('day-promise').first();
    await seeText(first, '+ Promesse de RDV');
    await first.click();
    await seeText(first, 'Promesse notée');
    // No horizontal scroll at phone width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.goto(`${url}/counter`);
    await seeText(page.getByTestId('counter-promised'), '1');
  });

  it('staff follow the promise to a quote, and the results show it in euros', async () => {
    // The company asked Camille for a quote: drafted on her activity (the journey of a quote has its own e2e).
    const db = e2e.database.db;
    const [activity] = await db.select().from(activities).where(eq(activities.code, 'CAMILLE-GRAPHISME'));
    const [client] = await db.select().from(clients).where(eq(clients.name, 'Boulangerie Les Trois Épis'));
    const [advisor] = await db.select().from(users).where(eq(users.email, DEMO.advisor));
    await createDraftQuote(db, { coopId: activity!.coopId, userId: advisor!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' }, quoteOf(activity!.id, client!.id) as Parameters<typeof createDraftQuote>[2], parisToday());
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto(url);
    const row = page.getByTestId('promise-row').first();
    await see(row);
    await row.getByTestId('promise-status').click();
    await page.getByRole('option', { name: 'Devis envoyé' }).click();
    await row.getByTestId('promise-quote').click();
    await page.getByRole('option').first().click();
    await row.getByTestId('promise-apply').click();
    await seeText(row, 'Devis envoyé');
    await seeText(page.getByTestId('results-quoted'), /[1-9]/u);
  });
});
