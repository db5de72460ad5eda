import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLocal } from '../../src/modules/resources/index.js';
import { resourceBookings, resources } from '../../src/modules/resources/schema.js';
import { addDays } from '../../src/platform/calendar/index.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, logIn, see, seeCount, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * A member opens the site's day (every resource side by side) on a phone whose clock is set to
 * UTC, sees the demo's bookings at their Paris hours, books a free hour of the meeting room;
 * then previews a weekly desk series whose first week is taken and books the free weeks only.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('resource-calendar', () => e2e);

const ROOM = 'Salle Confluence';
const DESK = 'Poste nomade 2';
const weekdayOf = (d: string) => ((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
/** The demo's first booked day: the first working day after today, Paris. */
const today = parisToday();
let day = addDays(today, 1);
while (weekdayOf(day) > 5) day = addDays(day, 1);
const daysAhead = Math.round((Date.parse(day) - Date.parse(today)) / 86_400_000);

describe('the resource calendar', () => {
  it('a member books a free hour from the site’s day view on a phone, read in Paris time whatever the phone’s zone', async () => {
    // A phone set to UTC: the calendar must still read the site's wall clock.
    const context = await e2e.browser.newContext({ baseURL: e2e.baseUrl, locale: 'fr-FR', timezoneId: 'UTC', viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await logIn(page, DEMO.member);
    await page.goto('/resources');
    for (let i = 0; i < daysAhead; i++) await page.getByRole('button', { name: 'Suivant' }).click();
    // The demo books the room 10:00–12:00 Paris that day (09:00–11:00 UTC): rows 10 and 11, not 9.
    const roomBusy = page.locator(`[data-testid="busy-slot"][data-resource="${ROOM}"][data-date="${day}"]`);
    await seeCount(roomBusy, 2);
    expect(await roomBusy.evaluateAll((els) => els.map((e) => e.getAttribute('data-hour')))).toEqual(['10', '11']);
    // Ines's desk is taken 09:00–18:00 Paris: nine hours greyed.
    await seeCount(page.locator(`[data-testid="busy-slot"][data-resource="Poste nomade 2"][data-date="${day}"]`), 9);

    await page.locator(`[data-testid="free-slot"][data-resource="${ROOM}"][data-date="${day}"][data-hour="15"]`).click();
    await seeText(page.getByRole('dialog'), /Prix : 15,00\s€ HT/);
    await page.getByRole('dialog').getByRole('button', { name: 'Réserver' }).click();
    await see(page.getByText('Réservation enregistrée.'));
    await see(page.locator(`[data-testid="busy-slot"][data-resource="${ROOM}"][data-date="${day}"][data-hour="15"]`));
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    // The site's day is wider than the phone: it scrolls inside its own box.
    const grid = await page.getByTestId('site-day').evaluate((e) => e.getBoundingClientRect().width);
    expect(grid).toBeGreaterThan(innerWidth);

    const [room] = await e2e.database.db.select().from(resources).where(eq(resources.name, ROOM));
    const rows = await e2e.database.db.select().from(resourceBookings).where(and(eq(resourceBookings.resourceId, room!.id), eq(resourceBookings.startsAt, fromLocal(day, '15:00', 'Europe/Paris'))));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.endsAt.toISOString()).toBe(fromLocal(day, '16:00', 'Europe/Paris').toISOString());
    await context.close();
  });

  it('a member previews a weekly series with one week taken and books the free weeks only', async () => {
    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, DEMO.member);
    await page.goto('/resources');
    for (let i = 0; i < daysAhead; i++) await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByTestId('weekly-open').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('weekly-resource').click();
    await page.getByRole('option', { name: DESK, exact: true }).click();
    await dialog.getByTestId('weekly-end').click();
    await page.getByRole('option', { name: '13:00', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Nombre de semaines' }).fill('3');
    await dialog.getByTestId('weekly-preview').click();
    await seeCount(dialog.getByTestId('weekly-occurrence'), 3);
    // Ines holds the desk on the first date: that week is a conflict, with its reason.
    await seeText(dialog.getByTestId('weekly-occurrence').first(), /Conflit/);
    await seeCount(dialog.locator('[data-testid="weekly-occurrence"][data-free="true"]'), 2);
    await dialog.getByRole('button', { name: 'Réserver les 2 semaines libres' }).click();
    await see(page.getByText(/2 réservations enregistrées/));

    const [desk] = await e2e.database.db.select().from(resources).where(eq(resources.name, DESK));
    const series = await e2e.database.db.select().from(resourceBookings).where(and(eq(resourceBookings.resourceId, desk!.id), isNotNull(resourceBookings.recurrenceId), eq(resourceBookings.status, 'confirmed')));
    expect(series.map((b) => b.startsAt.toISOString()).sort()).toEqual([fromLocal(addDays(day, 7), '09:00', 'Europe/Paris').toISOString(), fromLocal(addDays(day, 14), '09:00', 'Europe/Paris').toISOString()]);
  });
});
