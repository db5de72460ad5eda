import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceBookings, resources } from '../../src/modules/resources/schema.js';
import { addDays } from '../../src/platform/calendar/index.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * A member books a hot desk for a whole day from the calendar on her phone (day view); a
 * second member opens the same desk's week and sees the day taken.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('resource-booking', () => e2e);

const DESK = 'Poste nomade 4';
/** ISO weekday of a calendar day (1 = Monday). */
const weekdayOf = (d: string) => ((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** The first working day after today, Paris (desks book within opening hours, Monday to Friday). */
const today = parisToday();
let day = addDays(today, 1);
while (weekdayOf(day) > 5) day = addDays(day, 1);
const daysAhead = Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);

describe('booking a desk from the calendar', () => {
  it('a member books a desk for a day from the calendar on her phone', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto('/resources');
    // The calendar opens on the site's day: its resources side by side.
    for (let i = 0; i < daysAhead; i++) await page.getByRole('button', { name: 'Suivant' }).click();
    await page.locator(`[data-testid="free-slot"][data-resource="${DESK}"]`).first().click();
    await page.getByLabel('Journée entière (9 h – 18 h)').check();
    await seeText(page.getByRole('dialog'), /Prix : 15,00\s€ HT/);
    await page.getByRole('dialog').getByRole('button', { name: 'Réserver' }).click();
    await see(page.getByText('Réservation enregistrée.'));
    await see(page.locator(`[data-testid="busy-slot"][data-resource="${DESK}"]`).first());
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const [desk] = await e2e.database.db.select().from(resources).where(eq(resources.name, DESK));
    const rows = await e2e.database.db.select().from(resourceBookings).where(and(eq(resourceBookings.resourceId, desk!.id), eq(resourceBookings.status, 'confirmed')));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.priceCents).toBe(1500);
  });

  it('a second member sees the slot taken', async () => {
    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, 'ines.moreau@demo.mutualise.coop');
    await page.goto('/resources');
    await page.getByTestId('calendar-view').getByText('Semaine').click();
    await page.getByTestId('resource-select').click();
    await page.getByRole('option', { name: DESK }).click();
    // The week view starts on Monday: the day is in this week or the next.
    const monday = (d: string) => addDays(d, 1 - weekdayOf(d));
    if (monday(day) !== monday(today)) await page.getByRole('button', { name: 'Suivant' }).click();
    await see(page.getByTestId('busy-slot').first());
    await seeText(page.getByTestId('busy-slot').first(), /Camille Martin|Réservé/);
  });
});
