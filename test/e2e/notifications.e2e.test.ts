import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type E2E, logIn, see, seeText, startE2E, WAIT_MS, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('notifications', () => e2e);

describe('a member submits an invoice; the advisor is told', () => {
  it("the advisor's bell shows 1 and the dashboard's queue counts it; opening it leads to the invoice and marks it read", async () => {
    // What waits for the advisor before: the demo may already hold invoices to validate.
    const { page: staff } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(staff, DEMO.advisor);
    const queue = staff.getByTestId('queue-invoicesToValidate-count');
    await see(queue);
    const before = Number((await queue.textContent())?.trim());
    expect(await staff.getByRole('button', { name: /non lue/ }).count()).toBe(0);

    // The member drafts and submits an invoice.
    const { page: member } = await e2e.newPage();
    await logIn(member, DEMO.member);
    await member.goto('/invoices/new');
    await see(member.getByRole('heading', { name: 'Nouvelle facture' }));
    await member.getByTestId('invoice-activity').click();
    await member.getByRole('option', { name: 'CAMILLE-GRAPHISME — Camille Martin Graphisme' }).click();
    await member.getByTestId('invoice-client').click();
    await member.getByRole('option', { name: 'Boulangerie Les Trois Épis' }).click();
    await member.getByTestId('line-description-0').fill('Affiche du marché');
    await member.getByTestId('line-quantity-0').fill('1');
    await member.getByTestId('line-price-0').fill('300');
    await member.getByTestId('invoice-save').click();
    await member.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    const invoicePath = new URL(member.url()).pathname;
    await member.getByTestId('invoice-submit').click();
    await see(member.getByText("Facture soumise à l'équipe de la coopérative."));

    // The job runner turns the audit record into a notification; the advisor's page shows it once reloaded.
    const bell = staff.getByRole('button', { name: '1 notification non lue' });
    await expect
      .poll(
        async () => {
          await staff.reload();
          await see(staff.getByTestId('queue-invoicesToValidate-count'));
          return bell.count();
        },
        { timeout: WAIT_MS * 2, interval: 1_000 },
      )
      .toBe(1);
    await seeText(queue, String(before + 1));

    // The queue leads to the filtered list.
    await staff.getByTestId('queue-invoicesToValidate').click();
    await staff.waitForURL(/\/invoices\?toValidate=true$/);

    // The bell's latest: the member's invoice, which opens and is then read.
    await bell.click();
    const item = staff.getByTestId('bell-item').first();
    await seeText(item, 'Facture Boulangerie Les Trois Épis à valider');
    await seeText(item, 'par Camille Martin');
    await item.click();
    await staff.waitForURL((url) => url.pathname === invoicePath);
    await see(staff.getByRole('button', { name: 'Notifications', exact: true }));
    expect(await staff.getByRole('button', { name: /non lue/ }).count()).toBe(0);

    // The notifications page keeps it, read, and holds the mail preference.
    await staff.goto('/notifications');
    await see(staff.getByTestId('notification-row').first());
    await seeText(staff.getByTestId('notification-row').first(), 'Facture Boulangerie Les Trois Épis à valider');
    // At phone width, the page, its cards and the header with the bell fit the screen.
    const widths = await staff.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.inner);
    await staff.getByTestId('mail-mode-each').click();
    await see(staff.getByText('Préférence enregistrée.'));

    // The member, who acted, is not told of her own submission.
    await member.reload();
    await see(member.getByRole('button', { name: 'Notifications', exact: true }));
  });
});
