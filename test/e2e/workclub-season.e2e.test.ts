import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/platform/calendar/index.js';
import { workclubGroups, workclubReviews } from '../../src/modules/workclubs/schema.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { dateTimeValue, fillDateTime, frenchDate, parisToday } from './support/dates.js';
import { DEMO, type E2E, fieldError, logIn, see, seeNo, seeText, startE2E, watchJourney } from './support/harness.js';

/**
 * A workclub season: the advisor opens it, two members apply with their project and a guest
 * from a partner company is invited, the advisor sees the proposed group (trades shown) and
 * confirms it, schedules a session and moves it to the afternoon; a member sets a goal and reports her progress at the
 * session on her phone; the advisor closes the group with a review of each project. The
 * guest is mailed the session with its .ics; the advisor then cuts the guest's access and the
 * guest's link, opened on a phone, says so.
 */
let e2e: E2E;
const today = parisToday();
const SEASON = 'Saison de printemps';

beforeAll(async () => {
  e2e = await startE2E();
}, 240_000);
afterAll(async () => {
  await e2e?.close();
});
watchJourney('workclub-season', () => e2e);

async function apply(email: string, title: string) {
  const { page, context } = await e2e.newPage({ width: 390, height: 844 });
  await logIn(page, email);
  await page.goto('/workclubs');
  await seeText(page.getByTestId('workclub-season-name'), SEASON);
  await page.getByTestId('workclub-project-title').fill(title);
  await page.getByTestId('workclub-project-description').fill(`${title} : trouver mes premiers clients avec l’aide du groupe.`);
  await page.getByTestId('workclub-apply').click();
  await seeText(page.getByTestId('workclub-application-status'), 'Candidature envoyée');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
}

describe('a workclub season, from the opening to the review', () => {
  let groupUrl = '';

  it('the advisor opens a season', async () => {
    const { page, context } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.getByTestId('nav-workclubs').click();
    await page.getByTestId('workclub-new-season').click();
    await page.getByTestId('workclub-season-name-input').fill(SEASON);
    for (const [id, day] of [['workclub-season-open-on', today], ['workclub-season-close-on', addDays(today, 7)], ['workclub-season-starts-on', addDays(today, 10)]] as const) {
      const input = page.getByTestId(id);
      await input.fill(frenchDate(day));
      await input.press('Tab');
    }
    await page.getByTestId('workclub-season-open').click();
    await seeText(page.getByTestId('workclub-season-name'), SEASON);
    await seeText(page.getByTestId('workclub-season-status'), 'Candidatures ouvertes');
    await context.close();
  });

  it('two members apply with their project', async () => {
    await apply(DEMO.member, 'Offre d’identité visuelle pour les artisans');
    await apply('lucas.bernard@demo.mutualise.coop', 'Studio photo partagé');
  });

  it('the advisor invites a guest, sees the proposed group with the trades, and confirms it; then schedules a session', async () => {
    const { page, context } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto('/workclubs');
    await seeText(page.getByTestId('workclub-season-name'), SEASON);
    await page.getByTestId('workclub-invite-toggle').click();
    await page.getByTestId('workclub-guest-name').fill('Claire Partenaire');
    await page.getByTestId('workclub-guest-email').fill('claire@partenaire.example');
    await page.getByTestId('workclub-guest-company').fill('Atelier Partenaire');
    await page.getByTestId('workclub-guest-project').fill('Ouvrir l’atelier');
    await page.getByTestId('workclub-guest-description').fill('Accueillir des indépendants');
    await page.getByTestId('workclub-guest-invite').click();

    const proposed = page.getByTestId('workclub-proposed-group');
    await see(proposed.first());
    await seeText(proposed.first(), 'Claire Partenaire');
    await seeText(proposed.first(), 'graphiste');
    await seeText(proposed.first(), 'photographe');
    await page.getByTestId('workclub-confirm-groups').click();
    await seeText(page.getByTestId('workclub-season-status'), 'En cours');
    await page.getByTestId('workclub-group-link').first().click();
    await page.waitForURL(/\/workclubs\/groups\/[0-9a-f-]{36}$/);
    groupUrl = new URL(page.url()).pathname;

    // A session without a place is refused under the place field, not only above the form.
    await fillDateTime(page, 'workclub-session-starts', `${addDays(today, 10)}T09:30`);
    await page.getByTestId('workclub-session-schedule').click();
    await expect.poll(() => fieldError(page.getByTestId('workclub-session-place'))).not.toBe('');
    await page.getByTestId('workclub-session-place').fill('Salle Jaurès');
    await page.getByTestId('workclub-session-schedule').click();
    await seeText(page.getByTestId('workclub-sessions'), 'Salle Jaurès');
    await seeText(page.getByTestId('workclub-sessions'), '09:30');

    // The room is taken that morning: the advisor moves the session to the afternoon; an empty place is refused on its field.
    await page.getByTestId('workclub-session-move').first().click();
    const move = page.getByTestId('workclub-move-session-form');
    expect(await dateTimeValue(move, 'workclub-move-starts')).toBe(`${addDays(today, 10)}T09:30`);
    await move.getByTestId('workclub-move-place').fill('');
    await move.getByTestId('workclub-move-submit').click();
    await expect.poll(() => fieldError(move.getByTestId('workclub-move-place'))).not.toBe('');
    await move.getByTestId('workclub-move-place').fill('Salle Jaurès');
    await fillDateTime(move, 'workclub-move-starts', `${addDays(today, 10)}T14:00`);
    await move.getByTestId('workclub-move-submit').click();
    await seeNo(move);
    await seeText(page.getByTestId('workclub-sessions'), '14:00');
    await context.close();
  });

  it('the guest was mailed the session; the advisor cuts her access, and her link then says it was disabled', async () => {
    const mails = await e2e.database.db.select().from(mailOutbox).where(eq(mailOutbox.toAddress, 'claire@partenaire.example'));
    const scheduled = mails.find((m) => m.template === 'workclub.session_scheduled');
    expect(scheduled?.attachments[0]?.filename).toMatch(/\.ics$/);
    expect(scheduled?.textBody).toContain('Salle Jaurès');
    const moved = mails.find((m) => m.template === 'workclub.session_rescheduled');
    expect(moved?.attachments[0]?.filename).toMatch(/\.ics$/);
    const invitation = mails.find((m) => m.template === 'workclub.guest_invited')!;
    const guestPath = new URL(/https?:\/\/\S+\/workclubs\/guest\/\S+/.exec(invitation.textBody)![0]).pathname;

    const { page, context } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto('/workclubs');
    await seeText(page.getByTestId('workclub-season-name'), SEASON);
    const guestLine = page.getByTestId('workclub-guest-line').filter({ hasText: 'Claire Partenaire' });
    await guestLine.getByTestId('workclub-guest-revoke').click();
    await page.getByTestId('workclub-guest-revoke-modal-confirm').click();
    await see(guestLine.getByTestId('workclub-guest-revoked-badge'));
    await see(guestLine.getByTestId('workclub-guest-reinvite'));
    await context.close();

    const phone = await e2e.newPage({ width: 390, height: 844 });
    await phone.page.goto(guestPath);
    await seeText(phone.page.getByTestId('workclub-guest-revoked'), 'demandez-lui une nouvelle invitation');
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.context.close();
  });

  it('the member sets a goal and reports her progress at the session, on her phone', async () => {
    const { page, context } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.member);
    await page.goto('/workclubs');
    await seeText(page.getByTestId('workclub-group-title'), SEASON);
    await page.getByTestId('workclub-goal-input').fill('Rencontrer cinq artisans');
    await page.getByTestId('workclub-goal-add').click();
    await seeText(page.getByTestId('workclub-participant').filter({ hasText: 'Camille Martin' }), 'Rencontrer cinq artisans');
    await page.getByTestId('workclub-progress-report').fill('Deux artisans rencontrés, un devis en cours.');
    await page.getByTestId('workclub-progress-save').click();
    await seeText(page.getByTestId('workclub-report').first(), 'Deux artisans rencontrés');
    await see(page.getByTestId('workclub-calendar'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('the advisor closes the group with a review of each project', async () => {
    const { page, context } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.goto(groupUrl);
    const rows = page.getByTestId('workclub-review-row');
    await see(rows.first());
    const count = await rows.count();
    expect(count).toBe(3);
    for (let i = 0; i < count; i++) {
      await page.getByTestId(`workclub-review-achieved-${i}`).fill(`Projet ${i + 1} : premier client signé`);
      await page.getByTestId(`workclub-review-rating-${i}`).click();
      await page.getByRole('option', { name: '4', exact: true }).click();
    }
    await page.getByTestId('workclub-close-group').click();
    await seeText(page.getByTestId('workclub-group-status'), 'Clos');
    await seeText(page.getByTestId('workclub-review').first(), 'premier client signé');
    const groupId = groupUrl.split('/').pop()!;
    const [group] = await e2e.database.db.select().from(workclubGroups).where(eq(workclubGroups.id, groupId));
    expect(group!.status).toBe('closed');
    expect(await e2e.database.db.select().from(workclubReviews).where(and(eq(workclubReviews.coopId, group!.coopId)))).toHaveLength(3);
    await context.close();
  });
});
