import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../src/platform/calendar/index.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * Month end: the advisor runs the month's resource billing from the plans page; Camille
 * Martin's activity is charged her "Nomade 10 jours" plan (150 € excluding VAT, an internal
 * charge on her activity) and she reads it on her treasury; a second run bills nothing more.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('resource-billing', () => e2e);

const today = parisToday();
// The month just ended; in January the ended month belongs to last fiscal year (its own closing),
// so the journey bills the running month, which Camille's plan covers all of too.
const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
const month = lastMonth.slice(0, 4) === today.slice(0, 4) ? lastMonth : today.slice(0, 7);
const LABEL = `Formule Nomade 10 jours ${month}`;

/** Cents from a French amount as the page shows it ("1 234,56 €", "-150,00 €"). */
const cents = (text: string) => Math.round(Number(text.replace(/[^\d,-]/g, '').replace(',', '.')) * 100);

async function openTreasury(page: Page) {
  await page.goto('/');
  await page.getByTestId('my-money-open-CAMILLE-GRAPHISME').click();
  await page.waitForURL(/\/activities\/[0-9a-f-]{36}\/treasury$/);
  await see(page.getByTestId('treasury-expenses'));
  await expect.poll(async () => (await page.getByTestId('treasury-expenses').textContent()) ?? '…').not.toBe('…');
  return cents((await page.getByTestId('treasury-expenses').textContent())!);
}

async function runBilling(page: Page) {
  await page.getByTestId('billing-month').fill(month);
  await page.getByTestId('billing-run').click();
}

describe('the month of resources billed to the activities', () => {
  it('the advisor bills the month once; the member reads the charge on her activity; a second run bills nothing', async () => {
    const member = (await e2e.newPage({ width: 390, height: 844 })).page;
    await logIn(member, DEMO.member);
    const expensesBefore = await openTreasury(member);

    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, DEMO.advisor);
    await page.getByTestId('nav-plans').click();
    await page.getByTestId('plans-tab-billing').click();
    await runBilling(page);
    const result = page.getByTestId('billing-result');
    await seeText(result, /^[1-9]\d* ligne\(s\) facturée\(s\), 0 déjà facturée\(s\)/);
    const billed = Number(((await result.textContent()) ?? '').match(/^(\d+)/)![1]);
    const row = page.getByRole('row').filter({ hasText: LABEL });
    await seeText(row, 'Camille Martin');
    await seeText(row, '150,00 €');
    const total = (await page.getByTestId('billing-total').textContent()) ?? '';

    // Again: every line is already billed, the page says so, and the month's total has not moved.
    await runBilling(page);
    await seeText(result, `0 ligne(s) facturée(s), ${billed} déjà facturée(s)`);
    await seeText(result, 'Rien de nouveau à facturer : ce mois est déjà facturé.');
    await seeText(page.getByTestId('billing-total'), total.replace(/\s+/g, ' '));
    await expect.poll(() => page.getByRole('row').filter({ hasText: LABEL }).count()).toBe(1);

    // The member's activity: 150 € more in its expenses, and the line behind it.
    await member.reload();
    await expect.poll(async () => cents((await member.getByTestId('treasury-expenses').textContent()) ?? '0')).toBe(expensesBefore + 15_000);
    await member.getByTestId('treasury-figure-expenses').click();
    await member.waitForURL(/group=expenses/);
    const line = member.getByTestId('treasury-lines').getByText(LABEL).first();
    await see(line);
    await see(member.getByTestId('treasury-lines').getByText('150,00 €').first());
    const { scrollWidth, innerWidth } = await member.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });
});
