import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { clientActivities } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { vatSettings } from '../../src/modules/vat/schema.js';
import { users } from '../../src/platform/auth/schema.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

let e2e: E2E;
let number: string;
let invoiceId: string;

beforeAll(async () => {
  e2e = await startE2E();
  // The e2e demo has no sales: the coop files quarterly, and the advisor issues one invoice today
  // (1,000 € at 20 % and a book of 18 € at 5.5 %), on debits, so its VAT is due this quarter.
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  await db.insert(vatSettings).values({ coopId: coop!.id, regime: 'debits', periodicity: 'quarterly' });
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const [link] = await db
    .select({ clientId: clientActivities.clientId, activityId: clientActivities.activityId })
    .from(clientActivities)
    .innerJoin(activities, and(eq(activities.coopId, clientActivities.coopId), eq(activities.id, clientActivities.activityId)))
    .where(and(eq(clientActivities.coopId, coop!.id), eq(activities.status, 'active')))
    .limit(1);
  const today = parisToday();
  const draft = await createDraftInvoice(db, staff, draftOf(link!.activityId, link!.clientId, { serviceDate: today }));
  invoiceId = draft.id;
  ({ number } = await validateInvoice(db, staff, draft.id, today));
  // Starting the app and seeding the demo takes more than the default minute on two busy cores.
}, 300_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('vat-summary', () => e2e);

describe('the accountant reads the VAT return', () => {
  it('opens the quarter, sees the boxes, clicks one and sees its entries, down to the invoice', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.accountant);
    await page.getByTestId('nav-vat').click();
    await see(page.getByRole('heading', { name: 'Déclaration de TVA (CA3)' }));
    const quarter = Math.ceil((new Date().getMonth() + 1) / 3);
    await expect.poll(() => page.getByTestId('vat-period').inputValue()).toBe(`${quarter}e trimestre ${new Date().getFullYear()}`);

    await seeText(page.getByTestId('vat-box-tax-08'), /200,00\s€/);
    await seeText(page.getByTestId('vat-box-tax-09'), /0,99\s€/);
    await seeText(page.getByTestId('vat-box-tax-16'), /200,99\s€/);
    await seeText(page.getByTestId('vat-box-tax-28'), /200,99\s€/);

    await page.getByTestId('vat-box-08').click();
    await see(page.getByTestId('vat-entries-title'));
    const link = page.getByRole('link', { name: number });
    await see(link);
    await link.click();
    await page.waitForURL(new RegExp(`/invoices/${invoiceId}$`));
  });

  it('reads the same at phone width', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.accountant);
    await page.goto('/vat');
    await see(page.getByRole('heading', { name: 'Déclaration de TVA (CA3)' }));
    await seeText(page.getByTestId('vat-box-tax-16'), /200,99\s€/);
    // On a phone the boxes are cards, not a table scrolled sideways.
    await see(page.getByTestId('vat-row-16'));
    expect(await page.locator('table[data-testid="vat-boxes"]').count()).toBe(0);
    await page.getByTestId('vat-box-09').click();
    await see(page.getByRole('link', { name: number }));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
