import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivity } from '../../src/modules/activities/index.js';
import { clientActivities, clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { members } from '../../src/modules/members/schema.js';
import { recordPayment } from '../../src/modules/payments/index.js';
import { createDraftQuote, sendQuote, submitQuote, validateQuote } from '../../src/modules/quotes/index.js';
import { users } from '../../src/platform/auth/schema.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, logIn, see, seeCount, seeText, seeValue, startE2E, WAIT_MS, watchJourney } from './support/harness.js';

/*
 * The demo has no sales: this journey issues its own. Marie Durand owes 2 695,00 € (2 450 € of
 * carpentry at 10 %) and paid 1 000 € by cheque; Studio Lumen owes 9 360,00 € (12 days at 650 €,
 * 20 %) and was sent a quote whose portal link the phone reads.
 */
let e2e: E2E;
let portalPath = '';

function addDaysIso(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const today = parisToday();
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [camilleUser] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.member));
  const [camille] = await db.select({ id: members.id }).from(members).where(eq(members.email, DEMO.member));
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const member = { coopId: coop!.id, userId: camilleUser!.id, roles: ['member' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const activity = await createActivity(db, staff, { code: 'CAMILLE-BOIS', name: 'Camille Martin Menuiserie', holders: [{ memberId: camille!.id, shareBp: 10_000 }] });
  // The demo's own clients, with no sales yet.
  const clientNamed = async (name: string) => (await db.select({ id: clients.id }).from(clients).where(eq(clients.name, name)))[0]!;
  const durand = await clientNamed('Marie Durand');
  const lumen = await clientNamed('Studio Lumen');
  // Camille quotes Studio Lumen for her new activity: the client works with it, so she sees it.
  await db.insert(clientActivities).values({ coopId: coop!.id, clientId: lumen.id, activityId: activity.id });
  const issue = async (clientId: string, line: { description: string; quantityMilli: number; unitPriceCents: number; vatRateBp: number }) => {
    const draft = await createDraftInvoice(db, staff, {
      kind: 'invoice',
      activityId: activity.id,
      clientId,
      serviceDate: today,
      operationCategory: 'services',
      lines: [{ ...line, unit: 'C62', vatCategory: 'S' }],
    });
    await validateInvoice(db, staff, draft.id, today);
    return draft.id;
  };
  const shelves = await issue(durand.id, { description: 'Bibliothèque sur mesure en chêne', quantityMilli: 1000, unitPriceCents: 245_000, vatRateBp: 1000 });
  await issue(lumen.id, { description: 'Direction de projet', quantityMilli: 12_000, unitPriceCents: 65_000, vatRateBp: 2000 });
  await recordPayment(db, staff, { clientId: durand.id, date: today, amountCents: 100_000, mode: 'cheque', reference: 'Chèque n° 3345120 (premier versement)', allocations: [{ invoiceId: shelves, amountCents: 100_000 }] });

  const quote = await createDraftQuote(
    db,
    member,
    {
      activityId: activity.id,
      clientId: lumen.id,
      validUntil: addDaysIso(today, 30),
      notes: null,
      lines: [
        { description: 'Étagères murales en chêne massif, huilées, fixations invisibles comprises', quantityMilli: 14_500, unit: 'C62', unitPriceCents: 123_456, vatCategory: 'S', vatRateBp: 2000, discountBp: 1250, sectionTitle: 'Lot 1 — Agencement du showroom' },
        { description: 'Pose', quantityMilli: 3000, unit: 'DAY', unitPriceCents: 48_000, vatCategory: 'S', vatRateBp: 2000, sectionTitle: null },
      ],
    },
    today,
  );
  await submitQuote(db, member, quote.id, today);
  await validateQuote(db, staff, quote.id, today);
  await sendQuote(db, e2e.app.deps.storage, member, quote.id, today, e2e.baseUrl);
  const [mail] = await db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'hello@studiolumen.fr'));
  portalPath = new URL(/https?:\/\/\S+\/portal\/quotes\/\S+/.exec(mail!.textBody)![0]).pathname;
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('lists-and-details', () => e2e);

/** The page itself never scrolls sideways (what the phone's reader would have to do). */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, clientWidth: document.scrollingElement!.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** Every badge on the page shows its whole text: none ends in "…". */
async function expectWholeBadges(page: Page) {
  const clipped = await page.evaluate(() =>
    [...document.querySelectorAll('.mantine-Badge-root')].flatMap((badge) => [badge, ...badge.querySelectorAll('*')]).filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent),
  );
  expect(clipped).toEqual([]);
}

describe('on a phone (390 px)', () => {
  it('the lists are cards with whole badges and the page never scrolls sideways', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.admin);
    for (const [path, row] of [
      ['/invoices', 'invoice-row-'],
      ['/payments', 'payment-row-'],
      ['/quotes', 'quote-row-'],
      ['/clients', 'client-row-'],
      ['/activities', 'activity-row-'],
      ['/members', 'member-row-'],
    ] as const) {
      await page.goto(path);
      await see(page.getByTestId('list-cards').first());
      await see(page.locator(`[data-testid^="${row}"]`).first());
      // A card, not a table row: the list has no table left to scroll.
      await seeCount(page.locator(`table [data-testid^="${row}"]`), 0);
      await expectNoSidewaysScroll(page);
      await expectWholeBadges(page);
    }
    // The partly paid invoice's status reads in full.
    await page.goto('/invoices');
    await seeText(page.locator('[data-testid^="invoice-row-"]').filter({ hasText: 'Marie Durand' }).getByTestId('invoice-status'), 'Partiellement payée');
    await expectWholeBadges(page);
    // The settings' switches stay on screen.
    await page.goto('/settings');
    await see(page.getByTestId('member-validation-switch'));
    await expectNoSidewaysScroll(page);
  });

  it("the client reads the quote's lines as cards, prices included, without scrolling sideways", async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await page.goto(portalPath);
    await see(page.locator('[data-testid^="quote-line-card-"]').first());
    await seeText(page.getByTestId('quote-lines'), 'Lot 1 — Agencement du showroom');
    await seeText(page.locator('[data-testid^="quote-line-card-"]').first(), '1 234,56 €');
    await expectNoSidewaysScroll(page);
    await expectWholeBadges(page);
  });
});

describe('on a laptop (1024 px)', () => {
  it('the statuses in the invoices and payments tables read in full', async () => {
    const { page } = await e2e.newPage({ width: 1024, height: 768 });
    await logIn(page, DEMO.admin);
    await page.goto('/invoices');
    await seeText(page.locator('[data-testid^="invoice-row-"]').filter({ hasText: 'Marie Durand' }).getByTestId('invoice-status'), 'Partiellement payée');
    await expectWholeBadges(page);
    await page.goto('/payments');
    await see(page.locator('[data-testid^="payment-row-"]').first());
    await expectWholeBadges(page);
  });
});

describe('what a detail page holds', () => {
  it("staff read an invoice's payments and sends, then record the rest from the invoice itself", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.admin);
    await page.goto('/invoices?q=Durand');
    const row = page.locator('[data-testid^="invoice-row-"]').filter({ hasText: 'Marie Durand' });
    await seeText(row.getByTestId('invoice-status'), 'Partiellement payée');
    await row.getByRole('link').first().click();
    await page.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);

    // The cheque already received, as the team recorded it.
    const payments = page.getByTestId('invoice-payments');
    await seeCount(payments.locator('[data-testid^="invoice-payment-"]'), 1);
    await seeText(payments, 'Chèque n° 3345120 (premier versement)');
    await seeText(payments, 'Chèque');
    await seeText(payments, '1 000,00 €');
    // Its dunning, for the team: the steps with their mails' own status, and a pause.
    await see(page.getByTestId('invoice-dunning'));

    // Recording a payment opens the form on this client and what is left.
    await payments.getByTestId('invoice-record-payment').click();
    await seeValue(page.getByTestId('payment-amount'), '1695,00');
    await seeValue(page.getByTestId('payment-client'), 'Marie Durand');
    await page.getByTestId('payment-submit').click();
    await seeCount(payments.locator('[data-testid^="invoice-payment-"]'), 2);
    await seeText(page.getByTestId('total-left'), '0,00 €');
    await seeText(page.getByTestId('invoice-status').first(), 'Payée');
    await seeCount(payments.getByTestId('invoice-record-payment'), 0);
  });

  it("a client's page shows its quotes, invoices and what it owes, and starts a new invoice for it", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.admin);
    await page.goto('/clients?q=Lumen');
    await page.getByRole('link', { name: 'Studio Lumen' }).first().click();
    await see(page.getByRole('heading', { name: 'Studio Lumen' }));
    const invoices = page.getByTestId('client-invoices');
    await seeCount(invoices.locator('[data-testid^="client-invoice-"]'), 1);
    // The 12 days of project management at 650 € + 20 % VAT, none of it paid.
    await seeText(invoices.getByTestId('client-outstanding'), '9 360,00 €');
    await seeCount(page.getByTestId('client-quotes').locator('[data-testid^="client-quote-"]'), 1);

    await invoices.getByTestId('client-new-invoice').click();
    await page.waitForURL((url) => url.pathname === '/invoices/new' && url.searchParams.has('clientId'));
    await seeValue(page.getByTestId('invoice-client'), 'Studio Lumen');
  });

  it('the invoices list sorts by amount and totals the whole filtered set', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.admin);
    await page.goto('/invoices');
    await see(page.getByTestId('list-totals'));
    await page.getByTestId('sort-gross').click();
    await page.waitForURL((url) => url.searchParams.get('sort') === 'gross' && url.searchParams.get('dir') === 'asc');
    // The header says ascending before it is clicked again (a click on the page of before would ask for ascending again).
    await see(page.locator('th[aria-sort="ascending"]').getByTestId('sort-gross'));
    await page.getByTestId('sort-gross').click();
    await page.waitForURL((url) => url.searchParams.get('dir') === 'desc');
    // The largest first, as the amounts read on screen.
    const euros = (text: string) => Number(text.replace(/[^\d,-]/g, '').replace(',', '.'));
    const sortedDown = async () => {
      const amounts = (await page.locator('[data-testid^="invoice-row-"] td:nth-child(6)').allTextContents()).map(euros);
      return amounts.length > 1 && amounts.every((a, i) => i === 0 || amounts[i - 1]! >= a);
    };
    await expect.poll(sortedDown, { timeout: WAIT_MS }).toBe(true);
    const exportHref = await page.getByTestId('invoice-export').getAttribute('href');
    expect(exportHref).toBe('/api/invoices/export.csv?sort=gross&dir=desc');
    await expect.poll(() => page.evaluate(async (href) => (await fetch(href)).headers.get('content-type'), exportHref!), { timeout: WAIT_MS }).toContain('text/csv');
  });
});

