import { and, eq } from 'drizzle-orm';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { importStatement } from '../../src/modules/banking/index.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { runDunning } from '../../src/modules/dunning/index.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { createRemittance, recordPayment } from '../../src/modules/payments/index.js';
import { users } from '../../src/platform/auth/schema.js';
import { addDays, todayFromClock } from '../../src/platform/calendar/index.js';
import { CSV_MAPPING } from '../support/bank-fixtures.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { DEMO, type E2E, logIn, see, seeCount, seeText, startE2E, WAIT_MS, watchJourney } from './support/harness.js';

let e2e: E2E;
let overdueNumber = '';
beforeAll(async () => {
  e2e = await startE2E();
  // Something in every list the phone reads: an invoice 10 days late, chased once (a dunning
  // case and a mail in the outbox), part paid by a cheque handed to the bank on a remittance
  // slip, and a bank statement.
  const db = e2e.database.db;
  const today = todayFromClock();
  const issued = addDays(today, -40);
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [activity] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.coopId, coop!.id), eq(activities.code, 'CAMILLE-GRAPHISME')));
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.coopId, coop!.id), eq(clients.name, 'Boulangerie Les Trois Épis')));
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const draft = await createDraftInvoice(db, staff, draftOf(activity!.id, client!.id, { serviceDate: issued, paymentTermsDays: 30 }));
  const invoice = await validateInvoice(db, staff, draft.id, issued);
  overdueNumber = invoice.number;
  const cheque = await recordPayment(db, staff, { clientId: client!.id, date: today, amountCents: 10_000, mode: 'cheque', reference: 'Chèque n° 7712345', allocations: [{ invoiceId: invoice.id, amountCents: 10_000 }] });
  await createRemittance(db, staff, { date: today, paymentIds: [cheque.id] });
  const frenchDay = `${today.slice(8, 10)}/${today.slice(5, 7)}/${today.slice(0, 4)}`;
  const csv = ['Relevé de compte;;;;', 'Date;Libellé;Référence;Débit;Crédit', `${frenchDay};FRAIS DE TENUE DE COMPTE TRIMESTRIELS;;12,30;`].join('\n');
  await importStatement(db, e2e.app.deps.storage, staff, CSV_MAPPING, { fileName: 'releve.csv', bytes: Buffer.from(csv, 'utf8') });
  await runDunning(db, e2e.app.deps.storage, coop!.id, today);
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

/** The page itself never scrolls sideways (what the phone's reader would have to do). */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

describe('the back-office lists on a phone (390 px)', () => {
  it('are cards, not tables scrolled sideways: people, outbox, bank statements, dunning, trial balance, general ledger and remittance slips', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.admin);
    for (const [path, row] of [
      ['/people', 'person-row-'],
      ['/outbox', 'mail-row-'],
      ['/bank', 'bank-statement-row-'],
      ['/dunning', 'dunning-case-'],
      ['/ledger/trial-balance', 'ledger-trial-balance-row-'],
      ['/ledger/general-ledger', 'ledger-general-ledger-row-'],
      ['/payments', 'remittance-'],
    ] as const) {
      await page.goto(path);
      await see(page.locator(`[data-testid="list-cards"] [data-testid^="${row}"]`).first());
      // A card, not a table row: the list has no table left to scroll.
      await seeCount(page.locator(`table [data-testid^="${row}"]`), 0);
      await expectNoSidewaysScroll(page);
    }
    // The trial balance keeps its totals, as a card.
    await page.goto('/ledger/trial-balance');
    await seeText(page.getByTestId('ledger-trial-balance-totals'), /Total/);
    await expectNoSidewaysScroll(page);
    // A dunning case's history opens inside its card.
    await page.goto('/dunning');
    await page.getByTestId(`dunning-history-${overdueNumber}`).click();
    await seeText(page.getByTestId(`dunning-case-${overdueNumber}`).getByTestId(`dunning-timeline-${overdueNumber}`), 'Étape 1');
    await expectNoSidewaysScroll(page);
    // A remittance slip still waiting can be cancelled from its card.
    await page.goto('/payments');
    await see(page.locator('[data-testid^="remittance-cancel-"]').first());
  });

  it("the settings' switches and choices are whole and on screen", async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.admin);
    await page.goto('/settings');
    await see(page.getByTestId('member-validation-switch'));
    await seeText(page.getByTestId('contribution-basis'), 'au fil des encaissements');
    // Every switch and every segmented choice lies inside the screen, and none of their texts
    // is cut (the contribution's "à l'encaissement" read "à l'encai" at 390 px).
    const clipped = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const roots = [...document.querySelectorAll('.mantine-Switch-root, .mantine-SegmentedControl-root')];
      const texts = [...document.querySelectorAll('.mantine-Switch-label, .mantine-Switch-description, .mantine-SegmentedControl-root, .mantine-SegmentedControl-label')];
      return [
        ...roots.filter((e) => e.getBoundingClientRect().left < 0 || e.getBoundingClientRect().right > width),
        ...texts.filter((e) => e.scrollWidth > e.clientWidth),
      ].map((e) => e.textContent);
    });
    expect(clipped).toEqual([]);
    await expectNoSidewaysScroll(page);
  });
});
