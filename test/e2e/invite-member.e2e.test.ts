import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCoop } from '../support/fixtures.js';
import { addMonths, frenchDate, parisToday } from './support/dates.js';
import { DEMO, type E2E, field, logIn, see, seeFieldError, seeNo, seeText, seeValue, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('invite-member', () => e2e);

const person = { firstName: 'Noémie', lastName: 'Garnier', email: 'noemie.garnier@example.org' };
const strongPassword = 'tissage-de-lin-et-chanvre';

describe('inviting a new member', () => {
  it('the admin invites a person, who joins through the mailed link, fills their profile, is moved into a CAPE by their advisor, and cannot reach the settings', async () => {
    // The admin invites the person as an entrepreneur-salarié from "Personnes et accès".
    const { page: admin } = await e2e.newPage();
    await logIn(admin, DEMO.admin);
    await admin.getByTestId('nav-people').click();
    await see(admin.getByRole('heading', { name: 'Personnes et accès' }));
    await admin.getByTestId('invite-open').click();
    const invite = admin.getByRole('dialog', { name: 'Inviter une personne' });
    await field(invite, 'Adresse e-mail').fill(person.email);
    await field(invite, 'Prénom').fill(person.firstName);
    await field(invite, 'Nom').fill(person.lastName);
    await field(invite, "Type d'adhésion").click();
    await admin.getByRole('option', { name: 'Entrepreneur·e salarié·e' }).click();
    await invite.getByTestId('invite-submit').click();
    await see(admin.getByText(`Invitation envoyée à ${person.email}.`));
    await seeNo(invite);
    const row = admin.getByTestId(`person-row-${person.email}`);
    await seeText(row, 'Invitation en attente');
    await seeText(row, 'Membre');

    // The invitation waits in the outbox, where the admin reads it and its link.
    await admin.getByTestId('nav-outbox').click();
    await see(admin.getByRole('heading', { name: "Boîte d'envoi" }));
    const mailRow = admin.getByTestId(`mail-row-${person.email}`);
    await seeText(mailRow, 'Invitation');
    await mailRow.getByRole('button', { name: /^Lire l'e-mail/ }).click();
    const mail = admin.getByTestId('mail-view');
    await seeText(mail.getByTestId('mail-body'), `Bonjour ${person.firstName} ${person.lastName}`);
    await seeText(mail.getByTestId('mail-body'), DEMO.coopName);
    const link = await mail.getByTestId('mail-link').getAttribute('href');
    expect(link).toMatch(new RegExp(`^${e2e.baseUrl}/invitation\\?token=`));

    // The person opens the link in their own browser and sees which cooperative invites them.
    const { page: newcomer } = await e2e.newPage();
    await newcomer.goto(link!);
    await see(newcomer.getByRole('heading', { name: `Rejoindre ${DEMO.coopName}` }));
    await seeText(newcomer.getByTestId('invitation-role'), 'Membre');
    await see(newcomer.getByText(`Votre compte : ${person.email}`));
    await seeValue(newcomer.getByLabel('Nom affiché'), `${person.firstName} ${person.lastName}`);

    // A weak password is refused under the field, and nothing is created.
    const password = newcomer.getByLabel('Mot de passe', { exact: true });
    await password.fill('lin-chanvre');
    await newcomer.getByLabel('Confirmer le mot de passe').fill('lin-chanvre');
    await newcomer.getByTestId('accept-invitation-submit').click();
    await seeFieldError(password, 'Le mot de passe doit compter au moins 12 caractères.');
    expect(new URL(newcomer.url()).pathname).toBe('/invitation');

    // A strong one signs them in.
    await password.fill(strongPassword);
    await newcomer.getByLabel('Confirmer le mot de passe').fill(strongPassword);
    await newcomer.getByTestId('accept-invitation-submit').click();
    await newcomer.waitForURL((url) => url.pathname === '/');
    await see(newcomer.getByText(`Bienvenue dans ${DEMO.coopName} !`));

    // They fill their profile: phone, skills, presentation.
    await newcomer.getByTestId('nav-me').click();
    await see(newcomer.getByRole('heading', { name: 'Mon profil' }));
    await seeText(newcomer.getByTestId('member-status'), 'Candidat');
    await newcomer.getByLabel('Téléphone').fill('06 11 22 33 44');
    const skills = newcomer.getByRole('combobox', { name: 'Compétences' });
    await skills.fill('tissage');
    await skills.press('Enter');
    await skills.fill('teinture végétale');
    await skills.press('Enter');
    await newcomer.getByLabel('Présentation').fill('Tisserande, je crée des tissus en fibres locales.');
    await newcomer.getByTestId('profile-save').click();
    await see(newcomer.getByText('Profil enregistré.'));

    // Saved for good: a reload shows the same profile.
    await newcomer.reload();
    await seeValue(newcomer.getByLabel('Téléphone'), '06 11 22 33 44');
    await seeValue(newcomer.getByLabel('Présentation'), 'Tisserande, je crée des tissus en fibres locales.');
    await see(newcomer.getByText('tissage', { exact: true }));
    await see(newcomer.getByText('teinture végétale', { exact: true }));

    // Their advisor finds them among the members and signs a CAPE with them.
    const { page: advisor } = await e2e.newPage();
    await logIn(advisor, DEMO.advisor);
    await advisor.getByTestId('nav-members').click();
    await advisor.getByTestId('member-search').fill('garnier');
    const memberRow = advisor.getByTestId(`member-row-${person.email}`);
    await seeText(memberRow, 'Candidat');
    await memberRow.getByRole('link', { name: `${person.lastName} ${person.firstName}` }).click();
    await see(advisor.getByRole('heading', { name: `${person.firstName} ${person.lastName}` }));
    await seeText(advisor.getByTestId('member-status').first(), 'Candidat');
    // The advisor sees what the member wrote.
    await see(advisor.getByText('06 11 22 33 44'));

    const today = parisToday();
    const capeEnd = addMonths(today, 6);
    await advisor.getByTestId('transition-in_support').click();
    const move = advisor.getByRole('dialog', { name: 'Signer un CAPE' });
    // Shown the French way, whatever the browser's language.
    await seeValue(move.getByLabel("Date d'effet"), today.split('-').reverse().join('/'));
    await move.getByLabel('Début du contrat').fill(today);
    await move.getByLabel('Fin du contrat').fill(capeEnd);
    // Leaving the field closes its calendar, which would cover the button.
    await move.getByLabel('Fin du contrat').press('Tab');
    await move.getByTestId('transition-submit').click();
    await see(advisor.getByText('Statut mis à jour : En accompagnement (CAPE).'));
    await seeNo(move);
    await seeText(advisor.getByTestId('member-status').first(), 'En accompagnement (CAPE)');

    // The path tab tells the story: created as a candidate, then the CAPE, by the advisor.
    await advisor.getByRole('tab', { name: 'Parcours' }).click();
    const timeline = advisor.getByLabel('Historique');
    await seeText(timeline, 'Candidat');
    await seeText(timeline, 'Fiche créée');
    await seeText(timeline, 'En accompagnement (CAPE)');
    await seeText(timeline, `${frenchDate(today)} · par Karim Conseiller`);
    await seeText(advisor.getByText('Début du CAPE').locator('..'), frenchDate(today));
    await seeText(advisor.getByText('Fin du CAPE').locator('..'), frenchDate(capeEnd));

    // The member sees their new status after a reload.
    await newcomer.reload();
    await seeText(newcomer.getByTestId('member-status'), 'En accompagnement (CAPE)');

    // The settings are not theirs: no link, a 403 page, and the API refuses too.
    await see(newcomer.getByTestId('nav-me'));
    expect(await newcomer.getByTestId('nav-settings').count()).toBe(0);
    expect(await newcomer.getByRole('link', { name: 'Paramètres' }).count()).toBe(0);
    await newcomer.goto('/settings');
    await see(newcomer.getByRole('heading', { name: '403 — vous ne pouvez pas ouvrir cette page' }));
    const refused = await newcomer.evaluate(async () => {
      // With the session's CSRF token, so that what refuses is the role, not the token.
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const res = await fetch('/api/coop', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ contributionRateBp: 0 }),
      });
      const body = (await res.json()) as { error: { code: string } };
      return { status: res.status, code: body.error.code };
    });
    expect(refused).toEqual({ status: 403, code: 'FORBIDDEN' });
    const bare = await newcomer.evaluate(async () => (await fetch('/api/coop', { method: 'PATCH' })).status);
    expect(bare).toBe(403);
  });
});

describe('inviting a person who already has an account in another cooperative', () => {
  it('the admin sees the same invitation as for anyone; the person accepts with the password they already have, then works in both cooperatives', async () => {
    const elsewhere = await createTestCoop(e2e.database.db, 'ailleurs');
    const { page: admin } = await e2e.newPage();
    await logIn(admin, DEMO.admin);
    await admin.getByTestId('nav-people').click();
    await admin.getByTestId('invite-open').click();
    const invite = admin.getByRole('dialog', { name: 'Inviter une personne' });
    await field(invite, 'Adresse e-mail').fill(elsewhere.staff.email);
    await field(invite, 'Prénom').fill('Sacha');
    await field(invite, 'Nom').fill('Ailleurs');
    await field(invite, 'Rôle').click();
    await admin.getByRole('option', { name: 'Conseiller·ère' }).click();
    await invite.getByTestId('invite-submit').click();
    // Nothing tells the admin the address already has an account.
    await see(admin.getByText(`Invitation envoyée à ${elsewhere.staff.email}.`));
    await seeText(admin.getByTestId(`person-row-${elsewhere.staff.email}`), 'Invitation en attente');

    await admin.getByTestId('nav-outbox').click();
    const mailRow = admin.getByTestId(`mail-row-${elsewhere.staff.email}`);
    await seeText(mailRow, 'Invitation');
    await mailRow.getByRole('button', { name: /^Lire l'e-mail/ }).click();
    const link = await admin.getByTestId('mail-view').getByTestId('mail-link').getAttribute('href');

    // The link asks for the password of the account, not a new one.
    const { page: person } = await e2e.newPage();
    await person.goto(link!);
    await see(person.getByRole('heading', { name: `Rejoindre ${DEMO.coopName}` }));
    await see(person.getByText('Vous avez déjà un compte', { exact: false }));
    expect(await person.getByLabel('Confirmer le mot de passe').count()).toBe(0);
    const password = person.getByLabel('Votre mot de passe Mutualise');
    await password.fill('pas-le-bon-mot-de-passe');
    await person.getByTestId('accept-invitation-submit').click();
    await seeFieldError(password, 'Mot de passe incorrect.');
    await password.fill(DEMO.password);
    await person.getByTestId('accept-invitation-submit').click();
    await person.waitForURL((url) => url.pathname === '/');
    await see(person.getByText(`Bienvenue dans ${DEMO.coopName} !`));

    // Back in the admin's browser: the mail closed, the person is no longer waiting.
    await admin.keyboard.press('Escape');
    await seeNo(admin.getByTestId('mail-view'));
    await admin.getByTestId('nav-people').click();
    // The list the admin loaded before the acceptance may be kept a while: read it afresh.
    await admin.reload();
    await see(admin.getByTestId(`person-row-${elsewhere.staff.email}`));
    await seeNo(admin.getByTestId(`person-row-${elsewhere.staff.email}`).getByText('Invitation en attente'));
  });
});
