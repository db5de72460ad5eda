import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
