import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { recordPayment } from '../../src/modules/payments/index.js';
import { users } from '../../src/platform/auth/schema.js';
import { todayFromClock } from '../../src/platform/calendar/index.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  // Camille's activity invoices 1 018 € excluding VAT (1 218,99 € with it), and the client pays all of it.
  const db = e2e.database.db;
  const today = todayFromClock();
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [activity] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.coopId, coop!.id), eq(activities.code, 'CAMILLE-GRAPHISME')));
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.coopId, coop!.id), eq(clients.name, 'Boulangerie Les Trois Épis')));
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const draft = await createDraftInvoice(db, staff, draftOf(activity!.id, client!.id, { serviceDate: today }));
  const invoice = await validateInvoice(db, staff, draft.id, today);
  await recordPayment(db, staff, { clientId: client!.id, date: today, amountCents: 121_899, mode: 'transfer', reference: 'VIR 4411', allocations: [{ invoiceId: invoice.id, amountCents: 121_899 }] });
  // The app, the browser and the setup share two busy cores with the other journeys.
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('activity-treasury', () => e2e);

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe("an activity's treasury", () => {
  it('a member sees their money first on the dashboard, opens the treasury and the entries behind a figure, on a phone', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    const money = page.getByTestId('my-money-CAMILLE-GRAPHISME');
    await seeText(money.getByTestId('my-money-collected'), '1 018,00 €');
    await seeText(money.getByTestId('my-money-invoiced'), '1 018,00 €');
    await seeText(money.getByTestId('my-money-owed'), '0,00 €');
    await expectNoHorizontalOverflow(page);

    await page.getByTestId('my-money-open-CAMILLE-GRAPHISME').click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}\/treasury$/);
    await seeText(page.getByTestId('treasury-invoiced'), '1 018,00 €');
    await seeText(page.getByTestId('treasury-collected'), '1 018,00 €');
    await see(page.getByTestId('treasury-chart'));
    await expectNoHorizontalOverflow(page);

    // The lines behind "collected": the invoice's receivable and the client's payment, on the activity.
    await page.getByTestId('treasury-figure-collected').click();
    await page.waitForURL(/group=receivables/);
    const lines = page.getByTestId('treasury-lines');
    await see(lines.getByText('2 lignes'));
    await see(lines.getByText('1 218,99 €').first());
    await expectNoHorizontalOverflow(page);
  });

  it('the activity page shows the treasury card in place of the old balance', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.member);
    await page.getByTestId('nav-activities').click();
    await page.getByTestId('activity-row-CAMILLE-GRAPHISME').getByRole('link', { name: 'CAMILLE-GRAPHISME' }).click();
    await seeText(page.getByTestId('treasury-invoiced'), '1 018,00 €');
    expect(await page.getByTestId('activity-balance').count()).toBe(0);
    await page.getByTestId('treasury-open').click();
    await page.waitForURL(/\/treasury$/);
    await see(page.getByTestId('treasury-chart'));
    // The coop-wide table is not a member's.
    expect(await page.getByTestId('nav-treasury').count()).toBe(0);
  });

  it("staff see every activity's treasury in one table, with the totals and the guarantee fund", async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.getByTestId('nav-treasury').click();
    await see(page.getByRole('heading', { name: 'Trésorerie de la coopérative' }));
    const row = page.getByTestId('treasury-row-CAMILLE-GRAPHISME');
    await see(row.getByText('1 018,00 €').first());
    await see(page.getByTestId('treasury-totals'));
    await see(page.getByTestId('guarantee-fund'));
    const href = await page.getByTestId('treasury-export').getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('CAMILLE-GRAPHISME');

    await row.getByRole('link').click();
    await page.waitForURL(/\/activities\/[0-9a-f-]{36}\/treasury$/);
    await seeText(page.getByTestId('treasury-collected'), '1 018,00 €');
  });

  it('speaks English when the person picks it', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await see(page.getByTestId('my-money'));
    await page.evaluate(() => localStorage.setItem('mutualise.language', 'en'));
    await page.reload();
    await see(page.getByRole('heading', { name: 'My money' }));
    await seeText(page.getByTestId('my-money-CAMILLE-GRAPHISME').getByTestId('my-money-collected'), /1,018\.00/);
  });
});
