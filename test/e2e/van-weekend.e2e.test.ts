import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resourceBookings, resourceHandoverPhotos, resourceHandovers, resources } from '../../src/modules/resources/schema.js';
import { fromLocal } from '../../src/modules/resources/index.js';
import { addDays } from '../../src/platform/calendar/index.js';
import { frenchDate, parisToday } from './support/dates.js';
import { type E2E, field, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * Lucas Bernard, photographer, books the coop's van for a weekend (Friday 17:00 to Monday
 * 09:00) from the calendar, then on his phone checks it out and back in with the odometer, a
 * note on its state and a photo of a scratch, and reads the kilometres driven.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('van-weekend', () => e2e);

const LUCAS = 'lucas.bernard@demo.mutualise.coop';
const VAN = 'Kangoo utilitaire';
/** ISO weekday of a calendar day (1 = Monday). */
const weekdayOf = (d: string) => ((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
const monday = (d: string) => addDays(d, 1 - weekdayOf(d));
const today = parisToday();
// A Friday more than a week ahead: the demo's van bookings and its service fall in the next five working days.
let friday = addDays(today, 8);
while (weekdayOf(friday) !== 5) friday = addDays(friday, 1);
const backOn = addDays(friday, 3);
const weeksAhead = Math.round((Date.parse(monday(friday)) - Date.parse(monday(today))) / (7 * 86_400_000));

/** A few bytes a photo check reads as PNG (the server trusts the bytes, not the name). */
const PHOTO = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);

async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function weekendBooking() {
  const db = e2e.database.db;
  const [van] = await db.select().from(resources).where(eq(resources.name, VAN));
  const rows = await db.select().from(resourceBookings).where(and(eq(resourceBookings.resourceId, van!.id), eq(resourceBookings.startsAt, fromLocal(friday, '17:00', 'Europe/Paris'))));
  return rows;
}

describe('the van for a weekend', () => {
  it('a member books the van from Friday evening to Monday morning', async () => {
    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, LUCAS);
    await page.getByTestId('nav-resources').click();
    await page.getByTestId('calendar-view').getByText('Semaine').click();
    await page.getByTestId('resource-select').click();
    await page.getByRole('option', { name: VAN }).click();
    for (let i = 0; i < weeksAhead; i++) await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: `Libre ${VAN} ${friday} 17:00` }).click();
    const dialog = page.getByRole('dialog');
    const until = field(dialog, 'Retour le');
    await until.fill(frenchDate(backOn));
    await until.press('Tab');
    await field(dialog, 'À').click();
    await page.getByRole('option', { name: '09:00', exact: true }).click();
    // 64 hours: the van's rules (4 to 72 hours, nights and weekends allowed) accept it, at a price.
    await seeText(dialog, /Prix : [\d\s,]+\s€ HT/);
    expect(await dialog.getByTestId('booking-refusal').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Réserver' }).click();
    await see(page.getByText('Réservation enregistrée.'));
    // The weekend shows taken on the calendar, Saturday included though the premises are closed.
    await seeText(page.getByTestId('resource-calendar'), 'Ma réservation');

    const rows = await weekendBooking();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.endsAt.toISOString()).toBe(fromLocal(backOn, '09:00', 'Europe/Paris').toISOString());
    expect(rows[0]!.status).toBe('confirmed');
    expect(rows[0]!.priceCents).toBeGreaterThan(0);
  });

  it('on his phone he checks it out and back in with the mileage, a note and a photo, and reads the kilometres driven', async () => {
    const [booking] = await weekendBooking();
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, LUCAS);
    await page.goto('/resources/mine');
    const card = page.getByTestId(`ops-booking-${booking!.id}`);
    await seeText(card, VAN);
    await seeText(card, 'Départ du véhicule');
    await expectNoHorizontalOverflow(page);

    await field(card, 'Kilométrage au compteur (km)').fill('48210');
    await field(card, 'Carburant ou charge (%)').fill('90');
    await field(card, 'État, remarques').fill('Rayure sur la portière arrière droite');
    await card.locator('input[type=file]').setInputFiles({ name: 'rayure.png', mimeType: 'image/png', buffer: PHOTO });
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    await seeText(card, 'Parti le');
    await seeText(card, 'Retour du véhicule');

    // Below the mileage out: refused with the reason, nothing recorded.
    await field(card, 'Kilométrage au compteur (km)').fill('48000');
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    await seeText(card, 'ne peut pas être inférieur à celui du départ');

    await field(card, 'Kilométrage au compteur (km)').fill('48562');
    await field(card, 'État, remarques').fill('Rendu propre, plein fait');
    await card.getByRole('button', { name: 'Enregistrer' }).click();
    await seeText(card, 'Rendu le');
    await seeText(card.getByTestId('km-driven'), '352 km parcourus');
    // The photo of the scratch is on the page, as a thumbnail that opens the full photo.
    const thumb = card.getByTestId('handover-photo');
    await see(thumb);
    const full = await page.request.get((await thumb.getAttribute('href'))!);
    expect(full.status()).toBe(200);
    expect(full.headers()['content-type']).toBe('image/png');
    await seeText(card, 'Rayure sur la portière arrière droite');
    await expectNoHorizontalOverflow(page);

    const db = e2e.database.db;
    const [handover] = await db.select().from(resourceHandovers).where(eq(resourceHandovers.bookingId, booking!.id));
    expect(handover).toMatchObject({ outMileageKm: 48210, inMileageKm: 48562, outFuelPercent: 90, outNotes: 'Rayure sur la portière arrière droite', inNotes: 'Rendu propre, plein fait' });
    const photos = await db.select().from(resourceHandoverPhotos).where(eq(resourceHandoverPhotos.bookingId, booking!.id));
    expect(photos.map((p) => [p.direction, p.contentType])).toEqual([['out', 'image/png']]);
    const [after] = await weekendBooking();
    expect(after!.status).toBe('completed');
  });

  it('staff open the weekend booking from the calendar and read its mileage, notes and photo', async () => {
    const { page } = await e2e.newPage({ width: 1280, height: 900 });
    await logIn(page, 'admin@demo.mutualise.coop');
    await page.getByTestId('nav-resources').click();
    await page.getByTestId('calendar-view').getByText('Semaine').click();
    await page.getByTestId('resource-select').click();
    await page.getByRole('option', { name: VAN }).click();
    for (let i = 0; i < weeksAhead; i++) await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('button', { name: `Départ et retour ${VAN} ${friday} 17:00` }).click();
    const dialog = page.getByRole('dialog');
    await seeText(dialog, '352 km parcourus');
    await seeText(dialog, 'Rayure sur la portière arrière droite');
    await seeText(dialog, 'Rendu propre, plein fait');
    await see(dialog.getByTestId('handover-photo'));
  });
});
