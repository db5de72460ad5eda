import { and, desc, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventRegistrations, events } from '../../src/modules/events/schema.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { dateTimeValue, fillDateTime } from './support/dates.js';
import { DEMO, type E2E, fieldError, logIn, see, seeNo, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * A member registers for the coming co-lunch on her phone and receives the confirmation with
 * the .ics (the mail in the outbox carries it, and the event page's calendar link gives the
 * same instant); the advisor moves it by an hour (a capacity below the people registered is
 * refused on its field) and the member is mailed the updated .ics; the advisor takes attendance
 * of the last co-lunch on a phone.
 */
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('colunch-registration', () => e2e);

const TITLE = 'Colunch : Négocier son TJM';

function startOf(ics: string): Date {
  const comp = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtz);
  return new ICAL.Event(comp.getFirstSubcomponent('vevent')!).startDate.toJSDate();
}

async function noHorizontalScroll(page: import('playwright-core').Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe('a co-lunch, from the registration to the attendance', () => {
  it('a member registers for the co-lunch on her phone and receives the .ics by mail', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto('/events');
    const card = page.getByTestId(`event-card-${TITLE}`);
    await see(card);
    await seeText(card.getByTestId('event-kind'), 'Colunch');
    await seeText(card.getByTestId('event-when'), /^Jeudi \d+ \S+ à 12:30$/);
    await card.getByTestId('event-register').click();
    await seeText(card.getByTestId('event-my-status'), 'Inscrit·e');
    await noHorizontalScroll(page);

    const db = e2e.database.db;
    const [event] = await db.select().from(events).where(eq(events.title, TITLE));
    const [mail] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, DEMO.member), eq(mailOutbox.template, 'event_registration_confirmed'))).orderBy(desc(mailOutbox.createdAt)).limit(1);
    expect(mail!.subject).toContain(TITLE);
    const ics = mail!.attachments.find((a) => a.filename.endsWith('.ics'))!;
    const stored = await e2e.app.deps.storage.read(ics.storageKey, { sha256: ics.sha256 });
    expect(stored.ok).toBe(true);
    expect(startOf(stored.ok ? stored.bytes.toString('utf8') : '').getTime()).toBe(event!.startsAt.getTime());

    // The event page offers the same file to add to a calendar.
    await card.getByRole('link', { name: 'Voir' }).click();
    await seeText(page.getByTestId('event-my-status'), 'Inscrit·e');
    const href = await page.getByTestId('event-ics').getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(startOf(await res.text()).getTime()).toBe(event!.startsAt.getTime());
  });

  it('the advisor moves the co-lunch by an hour on a phone; the member registered receives the updated .ics', async () => {
    const db = e2e.database.db;
    const [before] = await db.select().from(events).where(eq(events.title, TITLE));
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.advisor);
    await page.goto(`/events/${before!.id}`);
    // A partner's guest comes too, so that two people hold a place.
    await page.getByTestId('guest-name').fill('Léa Girard');
    await page.getByTestId('guest-email').fill('lea.girard@example.org');
    await page.getByTestId('guest-add').click();
    await see(page.getByTestId('registrant-Léa Girard'));
    const confirmed = (await db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, before!.id), eq(eventRegistrations.status, 'confirmed')))).length;
    expect(confirmed).toBeGreaterThanOrEqual(2);
    await page.getByTestId('event-edit').click();
    const form = page.getByTestId('event-form');
    await see(form);
    // Prefilled in Paris time, and it says who will be told.
    expect(await dateTimeValue(form, 'event-starts')).toMatch(/T12:30$/);
    await seeText(form.getByTestId('event-edit-notice'), `les ${confirmed} personnes inscrites`);
    await noHorizontalScroll(page);

    await form.getByTestId('event-capacity').fill(String(confirmed - 1));
    await form.getByTestId('event-create-submit').click();
    await expect.poll(() => fieldError(form.getByTestId('event-capacity'))).toContain(`${confirmed} personne(s) sont inscrites`);
    const [unchanged] = await db.select().from(events).where(eq(events.id, before!.id));
    expect(unchanged!.capacity).toBe(before!.capacity);

    await form.getByTestId('event-capacity').fill(String(before!.capacity));
    const day = (await dateTimeValue(form, 'event-starts')).slice(0, 10);
    await fillDateTime(form, 'event-starts', `${day}T13:30`);
    await fillDateTime(form, 'event-ends', `${day}T15:00`);
    await form.getByTestId('event-create-submit').click();
    await seeNo(form);
    await seeText(page.getByTestId('event-detail-when'), /à 13:30 – 15:00$/);

    const [after] = await db.select().from(events).where(eq(events.id, before!.id));
    expect(after!.startsAt.getTime() - before!.startsAt.getTime()).toBe(3_600_000);
    const [mail] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, DEMO.member), eq(mailOutbox.template, 'event_updated'))).orderBy(desc(mailOutbox.createdAt)).limit(1);
    expect(mail!.subject).toContain(TITLE);
    const ics = mail!.attachments.find((a) => a.filename.endsWith('.ics'))!;
    const stored = await e2e.app.deps.storage.read(ics.storageKey, { sha256: ics.sha256 });
    expect(stored.ok).toBe(true);
    expect(startOf(stored.ok ? stored.bytes.toString('utf8') : '').getTime()).toBe(after!.startsAt.getTime());
    const [guestMail] = await db.select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, 'lea.girard@example.org'), eq(mailOutbox.template, 'event_updated')));
    expect(guestMail).toBeDefined();
  });

  it('the advisor takes attendance of the last co-lunch on a phone', async () => {
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.advisor);
    await page.goto('/events');
    await page.getByTestId('events-tab-past').click();
    const last = page.locator('[data-testid^="event-card-Colunch"]').first();
    await see(last);
    await last.getByRole('link', { name: 'Voir' }).click();
    // Camille came without registering: the advisor adds her at the door (staff may, after the start).
    await page.getByTestId('event-add-member').click();
    await page.getByTestId('event-add-member').fill('Camille');
    await page.getByRole('option', { name: /Camille Martin/ }).click();
    await page.getByTestId('event-add-member-submit').click();
    await see(page.getByTestId('registrant-Camille Martin'));
    await page.getByTestId('event-attendance').click();
    await see(page.getByTestId('attendance-summary'));
    const row = page.getByTestId('attendance-Camille Martin');
    await row.getByTestId('attendance-absent').click();
    await expect.poll(async () => row.getByTestId('attendance-absent').getAttribute('aria-pressed')).toBe('true');
    await row.getByTestId('attendance-present').click();
    await expect.poll(async () => row.getByTestId('attendance-present').getAttribute('aria-pressed')).toBe('true');
    await seeText(page.getByTestId('attendance-summary'), /^1 présents/);
    await noHorizontalScroll(page);
    // A tap target a thumb can hit.
    const box = await row.getByTestId('attendance-present').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);

    const eventId = new URL(page.url()).pathname.split('/')[2]!;
    const regs = await e2e.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId));
    expect(regs.some((r) => r.attended === true)).toBe(true);
  });
});
