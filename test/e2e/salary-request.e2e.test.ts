import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { users } from '../../src/platform/auth/schema.js';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, getInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { recordPaymentIn } from '../../src/modules/payments/index.js';
import { breakdownOfGross, simulateFromNet } from '../../src/modules/salaries/contract.js';
import { salaryRequests } from '../../src/modules/salaries/schema.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { DEMO, type E2E, logIn, see, seeNo, seeText, startE2E, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

/**
 * A member simulates her salary ("I want 1 800 € net: how much must I invoice?"), asks the
 * gross within her activity's treasury (at phone width), the advisor validates it, and her
 * treasury shows it spent. The demo's rates: contribution 10 %, employer 45 %, employee 22 %.
 */
let e2e: E2E;
let activityId: string;
const day = parisToday();
const euros = (cents: number) => new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\s+/g, ' ');
const rates = { contributionRateBp: 1000, employerRateBp: 4500, employeeRateBp: 2200 };

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id, contributionRateBp: coops.contributionRateBp }).from(coops);
  expect(coop!.contributionRateBp).toBe(rates.contributionRateBp);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [activity] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.coopId, coop!.id), eq(activities.code, 'CAMILLE-GRAPHISME')));
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.coopId, coop!.id), eq(clients.name, 'Boulangerie Les Trois Épis')));
  activityId = activity!.id;
  // Camille invoiced 6,000 € excl. VAT and the client paid: money her activity may spend.
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const draft = await createDraftInvoice(db, staff, draftOf(activityId, client!.id, { serviceDate: day, lines: [{ description: 'Identité visuelle', quantityMilli: 1000, unit: 'C62', unitPriceCents: 6_000_00, vatCategory: 'S', vatRateBp: 2000 }] }));
  await validateInvoice(db, staff, draft.id, day);
  const { grossCents } = await getInvoice(db, staff, draft.id);
  await db.transaction((tx) => recordPaymentIn(tx, staff, { clientId: client!.id, date: day, amountCents: grossCents, mode: 'transfer', reference: 'VIR IDENTITE', allocations: [{ invoiceId: draft.id, amountCents: grossCents }] }));
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('salary-request', () => e2e);

async function availableCents(page: Page): Promise<number> {
  const text = (await page.getByTestId('salary-available').textContent()) ?? '';
  return Math.round(Number(text.replace(/[^\d,-]/g, '').replace(',', '.')) * 100);
}

describe('a salary, from the simulator to the books', () => {
  const wanted = simulateFromNet(1_800_00, rates)!;
  const amounts = breakdownOfGross(wanted.grossCents, rates);
  let before = 0;

  it('the member simulates 1 800 € net and asks that gross, within her treasury, on her phone', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto('/salary');
    await see(page.getByTestId('salary-available'));
    before = await availableCents(page);
    expect(before).toBeGreaterThanOrEqual(amounts.employerCostCents);
    // The flat rates say what they are.
    await see(page.getByText('la paie est faite par le logiciel de paie', { exact: false }).first());

    await page.getByTestId('simulator-direction').getByText('À partir du net souhaité').click();
    await page.getByTestId('simulator-amount').fill('1800');
    await seeText(page.getByTestId('sim-revenue'), euros(wanted.revenueCents));
    await seeText(page.getByTestId('sim-gross'), euros(wanted.grossCents));
    await seeText(page.getByTestId('sim-net'), euros(1_800_00));

    // Asking more than the treasury is refused before it leaves the page, with the amounts.
    await page.getByTestId('salary-request-gross').fill(String(Math.ceil(before / 145) + 10));
    await see(page.getByText('dépasse la trésorerie disponible', { exact: false }));
    await expect.poll(() => page.getByTestId('salary-request-submit').isDisabled()).toBe(true);

    await page.getByTestId('simulator-use-gross').click();
    await seeText(page.getByTestId('salary-request-cost'), euros(amounts.employerCostCents));
    await page.getByTestId('salary-request-submit').click();
    await see(page.getByText(`Salaire de ${euros(amounts.grossCents)} brut demandé`, { exact: false }));
    const [request] = await e2e.database.db.select().from(salaryRequests).where(eq(salaryRequests.activityId, activityId));
    expect(request).toMatchObject({ status: 'requested', grossCents: amounts.grossCents, employerCostCents: amounts.employerCostCents });
    await seeText(page.getByTestId(`salary-row-${request!.id}`), 'Demandé');
    // Reserved at once: the same euros cannot be asked twice.
    await expect.poll(() => availableCents(page)).toBe(before - amounts.employerCostCents);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  });

  it('the advisor validates it and the salary entry shows in her treasury', async () => {
    const [request] = await e2e.database.db.select().from(salaryRequests).where(eq(salaryRequests.activityId, activityId));
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto('/salaries?status=requested');
    const row = page.getByTestId(`salary-row-${request!.id}`);
    await seeText(row, 'Camille');
    await page.getByTestId(`salary-validate-${request!.id}`).click();
    const dialog = page.getByRole('dialog', { name: 'Valider le salaire' });
    await see(dialog);
    await dialog.getByTestId('salary-decision-confirm').click();
    await seeNo(dialog);
    await page.goto('/salaries');
    await seeText(page.getByTestId(`salary-row-${request!.id}`), 'Validé');

    const member = await e2e.newPage({ width: 390, height: 844 });
    await logIn(member.page, DEMO.member);
    await member.page.goto('/salary');
    await seeText(member.page.getByTestId(`salary-row-${request!.id}`), 'Validé');
    // Posted, no longer pending: the treasury counts it as a salary paid from the activity.
    await expect.poll(() => availableCents(member.page)).toBe(before - amounts.employerCostCents);
    await seeNo(member.page.getByText('de demandes en attente', { exact: false }));
  });
});
