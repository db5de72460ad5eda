import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { DEMO, type E2E, field, logIn, see, seeFieldError, startE2E, WAIT_MS, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('password-reset', () => e2e);

const email = DEMO.accountant;
const newPassword = 'registre-des-ecritures-2026';

/**
 * The reset link of the latest reset mail to `to`. Reset mails concern an account, not a
 * cooperative, so no admin's outbox page shows them: read them where they wait.
 */
async function resetLinkSentTo(to: string): Promise<string> {
  const latest = async () => {
    const [mail] = await e2e.database.db
      .select({ text: mailOutbox.textBody })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.toAddress, to), eq(mailOutbox.template, 'password_reset')))
      .orderBy(desc(mailOutbox.createdAt))
      .limit(1);
    return mail?.text.match(/https?:\/\/\S+\/reset-password\?token=\S+/)?.[0] ?? null;
  };
  await expect.poll(latest, { timeout: WAIT_MS }).not.toBeNull();
  return (await latest())!;
}

async function attemptLogin(page: Awaited<ReturnType<E2E['newPage']>>['page'], password: string) {
  await page.goto('/login');
  await field(page, 'Adresse e-mail').fill(email);
  await field(page, 'Mot de passe').fill(password);
  await page.getByTestId('login-submit').click();
}

describe('a forgotten password', () => {
  it('is replaced through the mailed one-time link: the new password opens the account, the old one no longer does', async () => {
    const { page } = await e2e.newPage();
    await page.goto('/login');
    await page.getByRole('link', { name: 'Mot de passe oublié ?' }).click();
    await see(page.getByRole('heading', { name: 'Mot de passe oublié' }));
    await field(page, 'Adresse e-mail').fill(email);
    await page.getByTestId('forgot-password-submit').click();
    await see(page.getByText('Si un compte existe pour cette adresse, un lien de réinitialisation vient de lui être envoyé.'));

    const link = await resetLinkSentTo(email);
    expect(link.startsWith(`${e2e.baseUrl}/reset-password?token=`)).toBe(true);

    await page.goto(link);
    await see(page.getByRole('heading', { name: 'Choisir un nouveau mot de passe' }));
    // Two different entries are caught before anything is sent.
    await field(page, 'Nouveau mot de passe').fill(newPassword);
    await field(page, 'Confirmer le mot de passe').fill(`${newPassword}!`);
    await page.getByTestId('reset-password-submit').click();
    await seeFieldError(field(page, 'Confirmer le mot de passe'), 'Les deux mots de passe ne sont pas identiques.');
    // A password too short is refused by the server, under the field.
    await field(page, 'Nouveau mot de passe').fill('court');
    await field(page, 'Confirmer le mot de passe').fill('court');
    await page.getByTestId('reset-password-submit').click();
    await seeFieldError(field(page, 'Nouveau mot de passe'), 'Le mot de passe doit compter au moins 12 caractères.');

    await field(page, 'Nouveau mot de passe').fill(newPassword);
    await field(page, 'Confirmer le mot de passe').fill(newPassword);
    await page.getByTestId('reset-password-submit').click();
    await page.waitForURL((url) => url.pathname === '/login');
    await see(page.getByText('Votre mot de passe a été changé. Vous pouvez vous connecter.'));

    // The link served once.
    await page.goto(link);
    await field(page, 'Nouveau mot de passe').fill(`${newPassword}-bis`);
    await field(page, 'Confirmer le mot de passe').fill(`${newPassword}-bis`);
    await page.getByTestId('reset-password-submit').click();
    await see(page.getByText("Ce lien n'est plus valable. Demandez-en un nouveau."));

    // The old password no longer opens the account…
    await attemptLogin(page, DEMO.password);
    await see(page.getByRole('alert').getByText('Adresse e-mail ou mot de passe incorrect.'));
    expect(new URL(page.url()).pathname).toBe('/login');

    // …the new one does.
    await logIn(page, email, newPassword);
    await see(page.getByRole('heading', { name: 'Tableau de bord' }));
    await page.getByTestId('user-menu').click();
    await see(page.getByText(`Connecté·e en tant que ${email}`));
  });
});
