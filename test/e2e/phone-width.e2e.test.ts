import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2E, logIn, see, seeCount, seeText, startE2E, WAIT_MS, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('phone-width', () => e2e);

/** The page itself never scrolls sideways: wide tables scroll inside their own box. */
async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Whether any part of the element lies inside the viewport. */
async function isOnScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize();
  if (!box || !viewport) return false;
  return box.x + box.width > 0 && box.y + box.height > 0 && box.x < viewport.width && box.y < viewport.height;
}

/** Whether the keyboard can reach the element (an inert or hidden one refuses the focus). */
const canFocus = (locator: Locator) =>
  locator.evaluate((element: HTMLElement) => {
    element.focus();
    const focused = document.activeElement === element;
    element.blur();
    return focused;
  });

/** Whether the element shows its whole text (a squeezed badge shows "1…" for "12"). */
const showsWholeText = (locator: Locator) => locator.evaluate((element) => [element, ...element.querySelectorAll('*')].every((e) => e.scrollWidth <= e.clientWidth));

describe('on a phone', () => {
  it('the admin reaches the members list through the burger menu and can use it without the page overflowing', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.admin);
    await see(page.getByRole('heading', { name: 'Tableau de bord' }));
    await expectNoHorizontalOverflow(page);
    // The dashboard's counts stay readable next to their wrapped labels.
    await seeText(page.getByTestId('pending-missingCharter'), '12');
    expect(await showsWholeText(page.getByTestId('pending-missingCharter'))).toBe(true);

    // The navigation waits behind the burger: off-screen, and out of the keyboard's way.
    const membersLink = page.getByTestId('nav-members');
    await expect.poll(() => canFocus(membersLink), { timeout: WAIT_MS }).toBe(false);
    expect(await isOnScreen(membersLink)).toBe(false);
    await page.getByTestId('nav-toggle').click();
    await expect.poll(() => isOnScreen(membersLink), { timeout: WAIT_MS }).toBe(true);
    expect(await canFocus(membersLink)).toBe(true);
    // The drawer names the cooperative, which the header has no room for.
    await see(page.getByRole('navigation', { name: 'Navigation principale' }).getByText(DEMO.coopName));
    await membersLink.click();

    // Following a link folds the menu away and shows the list.
    await page.waitForURL((url) => url.pathname === '/members');
    await see(page.getByRole('heading', { name: 'Membres' }));
    await expect.poll(() => isOnScreen(membersLink), { timeout: WAIT_MS }).toBe(false);
    await seeText(page.getByTestId('member-total'), '12 membres');
    await see(page.getByTestId('member-row-camille.martin@demo.mutualise.coop'));
    await expectNoHorizontalOverflow(page);

    // Searching narrows the list; the member's file opens from it.
    await page.getByTestId('member-search').fill('martin');
    await seeText(page.getByTestId('member-total'), '1 membre');
    await seeCount(page.locator('[data-testid^="member-row-"]'), 1);
    await expectNoHorizontalOverflow(page);
    await page.getByRole('link', { name: 'Martin Camille' }).click();
    await see(page.getByRole('heading', { name: 'Camille Martin' }));
    await seeText(page.getByTestId('member-status').first(), 'Salarié·e (CESA)');
    await expectNoHorizontalOverflow(page);
  });

  it('the admin reads the audit log as cards: each member by name, the changes in words, no id or JSON, nothing wider than the screen', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.admin);
    await page.goto('/audit?action=member.created');
    await see(page.getByRole('heading', { name: "Journal d'audit" }));
    const cards = page.getByTestId('list-cards');
    const first = cards.locator('[data-testid^="audit-row-"]').first();
    await seeText(first, 'Membre créé');
    await seeText(first.locator('[data-testid^="audit-target-"]'), /Membre\s*\S+ \S+/);
    expect(await cards.textContent()).not.toMatch(/[{}]|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await expectNoHorizontalOverflow(page);
  });
});
