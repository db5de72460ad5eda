import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceBookings, resources } from '../../src/modules/resources/schema.js';
import { addDays } from '../../src/platform/calendar/index.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * Camille Martin holds the "Nomade 10 jours" plan (10 day passes a month for the hot desks).
 * She reads her balance on « Mon forfait », books a desk for a whole day from the calendar,
 * and comes back to « Mon forfait » through the menu: one pass fewer, and the use listed.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('nomad-pass', () => e2e);

const DESK = 'Poste nomade 5';
/** ISO weekday of a calendar day (1 = Monday). */
const weekdayOf = (d: string) => ((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
const today = parisToday();
/** The first working day after today, Paris (desks open Monday to Friday). */
let day = addDays(today, 1);
while (weekdayOf(day) > 5) day = addDays(day, 1);
const monday = (d: string) => addDays(d, 1 - weekdayOf(d));

async function passesLeft(page: Page): Promise<number> {
  const cell = page.getByTestId('grant-left-pass_day');
  await see(cell);
  return Number((await cell.textContent())?.trim());
}

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe('a nomad member spends a pass', () => {
  it('books a desk for a day and sees one pass fewer on « Mon forfait »', async () => {
    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, DEMO.member);
    await page.getByTestId('nav-plans').click();
    await seeText(page.getByTestId('my-plan-name'), 'Nomade 10 jours');
    const before = await passesLeft(page);
    expect(before).toBeGreaterThan(0);
    const usesBefore = await page.getByTestId('plan-uses').locator('tr').count();

    await page.getByTestId('nav-resources').click();
    await page.getByTestId('calendar-view').getByText('Semaine').click();
    await page.getByTestId('resource-select').click();
    await page.getByRole('option', { name: DESK }).click();
    if (monday(day) !== monday(today)) await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: `Libre ${DESK} ${day} 09:00` }).click();
    await page.getByLabel('Journée entière (9 h – 18 h)').check();
    await page.getByRole('dialog').getByRole('button', { name: 'Réserver' }).click();
    await see(page.getByText('Réservation enregistrée. Elle est couverte par votre forfait.'));

    // Her bookings say what paid it: the plan, not 15 €.
    await page.getByRole('tab', { name: 'Mes réservations' }).click();
    await see(page.getByText('Couvert par mon forfait').first());

    // Back through the menu (no reload): the balance is read again, not taken from the cache.
    await page.getByTestId('nav-plans').click();
    // Passes are monthly: a desk booked next month (today is the month's last working day) takes next month's pass.
    const expected = day.slice(0, 7) === today.slice(0, 7) ? before - 1 : before;
    await seeText(page.getByTestId('grant-left-pass_day'), String(expected));
    await expect.poll(() => page.getByTestId('plan-uses').locator('tr').count()).toBe(usesBefore + 1);
    await seeText(page.getByTestId('plan-uses').locator('tr').first(), 'Pass journée × 1');
    await seeText(page.getByTestId('plan-uses').locator('tr').first(), 'Réservation');

    const [desk] = await e2e.database.db.select().from(resources).where(eq(resources.name, DESK));
    const [booking] = await e2e.database.db.select().from(resourceBookings).where(and(eq(resourceBookings.resourceId, desk!.id), eq(resourceBookings.status, 'confirmed')));
    expect(booking).toMatchObject({ paidBy: 'allowance', billableCents: 0 });
  });

  it('reads the same balance on her phone, without scrolling sideways', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto('/plans');
    await seeText(page.getByTestId('my-plan-name'), 'Nomade 10 jours');
    await see(page.getByTestId('plan-uses'));
    await seeText(page.getByTestId('plan-uses').locator('tr').first(), 'Pass journée × 1');
    await expectNoHorizontalOverflow(page);
  });
});
