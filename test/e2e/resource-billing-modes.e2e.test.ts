import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * The admin chooses to bill members' resources by invoice, runs last month's billing from a
 * phone and sees, per mode, what was billed with each item's invoice (RES series) linked.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('resource-billing', () => e2e);

describe('monthly billing of resources', () => {
  it('the admin switches to member invoices and bills last month: each line links its invoice, nothing twice', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.admin);
    await page.goto(`${e2e.baseUrl}/plans`);
    await page.getByTestId('plans-tab-billing').click();
    await see(page.getByTestId('billing-settings'));
    await page.getByTestId('billing-mode-member_invoice').check();
    await page.getByTestId('billing-settings-save').click();
    await seeText(page.locator('body'), 'Mode de facturation enregistré');
    await page.getByTestId('billing-run').click();
    await seeText(page.getByTestId('billing-by-mode'), 'Facture au membre');
    await see(page.getByTestId('billing-item-invoice').first());
    await seeText(page.getByTestId('billing-item-invoice').first(), /^RES-\d{4}-\d{4}$/);
    const lines = await page.getByTestId('billing-item-invoice').count();
    expect(lines).toBeGreaterThan(0);
    // Run again: nothing more is billed.
    await page.getByTestId('billing-run').click();
    await seeText(page.locator('body'), /0 ligne\(s\) facturée\(s\)/);
    expect(await page.getByTestId('billing-item-invoice').count()).toBe(lines);
    // The page does not scroll sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
});
