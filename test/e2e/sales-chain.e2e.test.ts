import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/platform/auth/schema.js';
import { createActivity } from '../../src/modules/activities/index.js';
import { createClient } from '../../src/modules/clients/index.js';
import { coops } from '../../src/modules/coops/schema.js';
import { members } from '../../src/modules/members/schema.js';
import { frenchDate, parisToday } from './support/dates.js';
import { DEMO, type E2E, field, logIn, see, seeCount, seeText, seeValue, startE2E, watchJourney } from './support/harness.js';

/*
 * An activity and a client of their own, new in the demo cooperative: the demo's sales history
 * (its invoices, payments and revenue) stays out of the figures this journey reads.
 */
const ACTIVITY = { code: 'CAMILLE-WEB', name: 'Camille Martin Sites web' };
const ACTIVITY_LABEL = `${ACTIVITY.code} — ${ACTIVITY.name}`;
const CLIENT = { name: 'Atelier Sérigraphie des Pentes', email: 'contact@serigraphie-pentes.fr' };

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [camille] = await db.select({ id: members.id }).from(members).where(eq(members.email, DEMO.member));
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  await db.transaction(async (tx) => {
    const activity = await createActivity(tx, staff, { code: ACTIVITY.code, name: ACTIVITY.name, holders: [{ memberId: camille!.id, shareBp: 10_000 }] });
    await createClient(tx, staff, {
      kind: 'company',
      name: CLIENT.name,
      legalForm: 'SARL',
      siren: '812345676',
      siret: '81234567600009',
      email: CLIENT.email,
      activityId: activity.id,
      addresses: [{ kind: 'billing', line1: '12 montée de la Grande-Côte', postalCode: '69001', city: 'Lyon', country: 'FR', isDefault: true }],
      contacts: [{ firstName: 'Martine', lastName: 'Garnier', role: 'Gérante', isPrimary: true }],
    });
  });
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('sales-chain', () => e2e);

/*
 * The figures a person reads along the way, worked out by hand:
 *   quote: 3 × 450,00 + 2 × 325,50 = 2 001,00 € HT, VAT 20 % 400,20 €, 2 401,20 € TTC;
 *   deposit 30 %: 600,30 € HT + 120,06 € VAT = 720,36 € TTC;
 *   balance: 1 400,70 € HT + 280,14 € VAT = 1 680,84 € TTC; 720,36 + 1 680,84 = 2 401,20.
 */
const QUOTE = { net: '2 001,00 €', vat: '400,20 €', gross: '2 401,20 €' };
const DEPOSIT = { net: '600,30 €', vat: '120,06 €', gross: '720,36 €', typed: '720,36' };
const BALANCE = { net: '1 400,70 €', vat: '280,14 €', gross: '1 680,84 €', typed: '1680,84' };

/** The invoice number shown on the detail page once validated. */
async function invoiceNumberOn(page: Page): Promise<string> {
  await seeText(page.getByTestId('invoice-number'), /^F\d{4}-\d{5}$/);
  return ((await page.getByTestId('invoice-number').textContent()) ?? '').trim();
}

/** The advisor finds the draft the member submitted among the invoices to validate, and validates it. */
/** `totalId`: where the page shows what the client pays (a final invoice: the amount due after its deposits). */
async function validateSubmittedInvoice(staff: Page, invoiceId: string, gross: string, totalId = 'total-gross'): Promise<string> {
  await staff.getByTestId('nav-invoices').click();
  await see(staff.getByRole('heading', { name: 'Factures' }));
  await staff.getByTestId('invoice-filter-to-validate').click();
  await staff.waitForURL(/toValidate=true/);
  const row = staff.getByTestId(`invoice-row-${invoiceId}`);
  await seeText(row, 'Soumise à validation');
  await seeText(row, gross);
  await row.getByRole('link', { name: 'Brouillon' }).click();
  await staff.waitForURL((url) => url.pathname === `/invoices/${invoiceId}`);
  await seeText(staff.getByTestId(totalId), gross);
  await staff.getByTestId('invoice-validate').click();
  await staff.getByTestId('invoice-validate-modal-confirm').click();
  await see(staff.getByText('Facture validée : son numéro est attribué.'));
  const number = await invoiceNumberOn(staff);
  await seeText(staff.getByTestId('invoice-status'), 'Validée');
  await staff.getByTestId('invoice-send').click();
  await staff.getByTestId('send-mail-confirm').click();
  await see(staff.getByText("Envoi demandé : le mail attend dans la boîte d'envoi avec le PDF Factur-X."));
  await seeText(staff.getByTestId('invoice-status'), "En attente d'envoi");
  return number;
}

/** Staff record one transfer received from the client, put on one invoice only. */
async function recordPayment(staff: Page, payment: { amount: string; shown: string; reference: string; invoice: string; others: string[] }) {
  await staff.getByTestId('payment-new').click();
  const form = staff.getByRole('dialog', { name: 'Enregistrer un paiement' });
  await see(form);
  await form.getByTestId('payment-client').click();
  await staff.getByRole('option', { name: CLIENT.name }).click();
  await see(form.getByTestId(`allocation-row-${payment.invoice}`));
  await form.getByTestId('payment-amount').fill(payment.amount);
  await field(form, 'Référence').fill(payment.reference);
  // The form proposes the oldest due first; the client's transfer names the invoice it pays.
  await form.getByTestId(`allocation-${payment.invoice}`).fill(payment.amount);
  for (const other of payment.others) await form.getByTestId(`allocation-${other}`).fill('');
  await seeValue(form.getByTestId(`allocation-${payment.invoice}`), payment.amount);
  await seeText(form.getByTestId('allocation-credit'), '0,00 €');
  await form.getByTestId('payment-submit').click();
  await see(staff.getByText(`Paiement de ${payment.shown} enregistré pour ${CLIENT.name}.`));
}

describe('the sales chain, from the quote to the revenue of the activity', () => {
  it('a member quotes, staff validate and send, the client accepts online, the member invoices a 30 % deposit then the balance, staff validate both and record the payments, both invoices are paid and the activity shows the revenue', async () => {
    // Before anything is sold, the activity has earned nothing.
    const { page: member } = await e2e.newPage();
    await logIn(member, DEMO.member);
    await member.getByTestId('nav-activities').click();
    await member.getByTestId(`activity-row-${ACTIVITY.code}`).getByRole('link', { name: ACTIVITY.code }).click();
    await seeText(member.getByTestId('treasury-invoiced'), '0,00 €');
    const activityPath = new URL(member.url()).pathname;

    // 1. The member drafts the quote: two lines at 20 %, and submits it to the team.
    await member.getByTestId('nav-quotes').click();
    await see(member.getByRole('heading', { name: 'Mes devis' }));
    await member.getByTestId('quote-new').click();
    await see(member.getByRole('heading', { name: 'Nouveau devis' }));
    await field(member, 'Activité').click();
    await member.getByRole('option', { name: new RegExp(ACTIVITY.name) }).click();
    await field(member, 'Client').click();
    await member.getByRole('option', { name: CLIENT.name }).click();
    await member.getByTestId('quote-line-description-0').fill('Maquettes des pages du site');
    await member.getByTestId('quote-line-quantity-0').fill('3');
    await member.getByTestId('quote-line-price-0').fill('450');
    await member.getByTestId('quote-add-line').click();
    await member.getByTestId('quote-line-description-1').fill('Intégration des pages');
    await member.getByTestId('quote-line-quantity-1').fill('2');
    await member.getByTestId('quote-line-price-1').fill('325,50');
    await seeText(member.getByTestId('quote-line-net-1'), '651,00 €');
    await seeText(member.getByTestId('total-net'), QUOTE.net);
    await seeText(member.getByTestId('total-vat'), QUOTE.vat);
    await seeText(member.getByTestId('total-gross'), QUOTE.gross);
    await member.getByTestId('quote-save').click();
    await see(member.getByRole('heading', { name: 'Devis en préparation' }));
    await member.waitForURL(/\/quotes\/[0-9a-f-]{36}$/);
    const quotePath = new URL(member.url()).pathname;
    const quoteId = quotePath.split('/').pop()!;
    await seeText(member.getByTestId('quote-state'), 'Brouillon');
    await member.getByTestId('quote-submit').click();
    await seeText(member.getByTestId('quote-state'), 'À valider');

    // 2. The advisor finds it among the quotes, validates it (it takes its number) and sends it.
    const { page: staff } = await e2e.newPage();
    await logIn(staff, DEMO.advisor);
    await staff.getByTestId('nav-quotes').click();
    const quoteRow = staff.getByTestId(`quote-row-${quoteId}`);
    await seeText(quoteRow, 'À valider');
    await seeText(quoteRow, QUOTE.gross);
    await quoteRow.click();
    await staff.waitForURL((url) => url.pathname === quotePath);
    await seeText(staff.getByTestId('total-gross'), QUOTE.gross);
    await staff.getByTestId('quote-validate').click();
    await staff.getByTestId('quote-validate-modal-confirm').click();
    const numbered = staff.getByRole('heading', { name: /^Devis D\d{4}-\d{4}$/ });
    await see(numbered);
    const quoteNumber = ((await numbered.textContent()) ?? '').replace('Devis ', '');
    await seeText(staff.getByTestId('quote-state'), 'Validé');
    await staff.getByTestId('quote-send').click();
    await staff.getByTestId('send-mail-confirm').click();
    await seeText(staff.getByTestId('quote-state'), "En attente d'envoi");

    // The mail to the client waits in the outbox with the portal link.
    const { page: admin } = await e2e.newPage();
    await logIn(admin, DEMO.admin);
    await admin.getByTestId('nav-outbox').click();
    const mailRow = admin.getByTestId(`mail-row-${CLIENT.email}`).filter({ hasText: quoteNumber });
    await see(mailRow);
    await mailRow.getByRole('button', { name: /^Lire l'e-mail/ }).click();
    const link = await admin.getByTestId('mail-view').getByTestId('mail-link').getAttribute('href');
    expect(link).toMatch(new RegExp(`^${e2e.baseUrl}/portal/quotes/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$`));

    // 3. The client, with no account, opens the link in a browser of their own and accepts.
    const { page: client } = await e2e.newPage();
    await client.goto(link!);
    await see(client.getByRole('heading', { name: `Devis ${quoteNumber}` }));
    await seeText(client.getByTestId('quote-lines'), 'Maquettes des pages du site');
    await seeText(client.getByTestId('total-gross'), QUOTE.gross);
    await client.getByTestId('portal-name').fill('Martine Garnier');
    await client.getByTestId('portal-agree').check();
    await client.getByTestId('portal-accept').click();
    await seeText(client.getByTestId('portal-accepted'), 'Accepté par Martine Garnier');

    // 4. The member sees the quote accepted and invoices a 30 % deposit from it.
    await member.reload();
    await seeText(member.getByTestId('quote-state'), 'Accepté');
    await seeText(member.getByTestId('quote-history'), 'Accepté en ligne');
    const invoicing = member.getByTestId('quote-invoicing');
    await seeText(invoicing.getByTestId('quote-remaining'), QUOTE.net);
    await invoicing.getByTestId('quote-invoice-kind').getByText('Acompte', { exact: true }).click();
    await invoicing.getByTestId('quote-invoice-share').fill('30');
    await seeValue(invoicing.getByTestId('quote-invoice-share'), '30');
    await invoicing.getByTestId('quote-invoice-submit').click();
    await see(member.getByText(`Facture brouillon de ${DEPOSIT.gross} créée.`));
    // The member lands on the new draft, where it is checked and handed on.
    await member.waitForURL(/\/invoices\/[0-9a-f-]{36}$/);
    const depositId = new URL(member.url()).pathname.split('/').pop()!;
    await seeText(member.getByTestId('invoice-status'), 'Brouillon');

    // Back on the quote: what is invoiced, what is left, and the way to the deposit.
    await member.goto(quotePath);
    await seeText(invoicing.getByTestId('quote-invoiced'), DEPOSIT.net);
    await seeText(invoicing.getByTestId('quote-remaining'), BALANCE.net);
    const depositRow = invoicing.getByTestId('quote-invoice-deposit');
    await seeText(depositRow, DEPOSIT.gross);

    // The coop sets no validation limit for members: the member hands the deposit to the team.
    await depositRow.getByRole('link', { name: 'Acompte' }).click();
    await member.waitForURL((url) => url.pathname === `/invoices/${depositId}`);
    await seeText(member.getByTestId('invoice-status'), 'Brouillon');
    await seeText(member.locator('[data-testid^="invoice-line-row-"]'), `Acompte de 30 % sur devis ${quoteNumber} du `);
    // A deposit names the order it belongs to and what is ordered.
    await seeText(member.getByTestId('invoice-order'), `Devis ${quoteNumber} du `);
    await seeText(member.getByTestId('invoice-order-summary'), 'Maquettes des pages du site');
    await seeText(member.getByTestId('total-net'), DEPOSIT.net);
    await seeText(member.getByTestId('total-vat'), DEPOSIT.vat);
    await seeText(member.getByTestId('total-gross'), DEPOSIT.gross);
    await expect(member.getByTestId('invoice-validate').count()).resolves.toBe(0);
    await member.getByTestId('invoice-submit').click();
    await see(member.getByText("Facture soumise à l'équipe de la coopérative."));

    const depositNumber = await validateSubmittedInvoice(staff, depositId, DEPOSIT.gross);

    // Then the balance: what is left of the quote, to the cent.
    await member.goto(quotePath);
    await seeText(invoicing.getByTestId('quote-invoice-deposit'), DEPOSIT.gross);
    await invoicing.getByTestId('quote-invoice-kind').getByText('Solde', { exact: true }).click();
    await invoicing.getByTestId('quote-invoice-submit').click();
    await see(member.getByText(`Facture brouillon de ${BALANCE.gross} créée.`));
    await member.waitForURL((url) => /^\/invoices\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.endsWith(depositId));
    const balanceId = new URL(member.url()).pathname.split('/').pop()!;
    expect(balanceId).not.toBe(depositId);
    // The final invoice restates the services of the quote, then deducts the deposit invoice.
    await seeText(member.locator('[data-testid^="invoice-line-row-"]').first(), 'Maquettes des pages du site');
    await seeText(member.locator('[data-testid^="invoice-line-row-"]').nth(1), 'Intégration des pages');
    await seeText(member.getByTestId('invoice-deposits'), depositNumber);
    await seeText(member.getByTestId('invoice-deposits'), DEPOSIT.gross);

    // The quote is now invoiced in full: it says so and no longer offers to invoice.
    await member.goto(quotePath);
    await seeText(member.getByTestId('quote-state'), 'Facturé');
    await seeText(invoicing.getByTestId('quote-invoiced'), QUOTE.net);
    await seeText(invoicing.getByTestId('quote-remaining'), '0,00 €');
    await see(invoicing.getByTestId('quote-fully-invoiced'));
    await seeCount(invoicing.getByTestId('quote-invoice-submit'), 0);
    await invoicing.getByTestId('quote-invoice-balance').getByRole('link', { name: 'Solde' }).click();
    await member.waitForURL((url) => url.pathname === `/invoices/${balanceId}`);
    await seeText(member.locator('[data-testid^="invoice-line-row-"]').first(), 'Maquettes des pages du site');
    // Unlike a deposit, the balance states the date of the service: today unless the member changes it.
    await seeText(member.getByText('Date de la prestation ou de la livraison', { exact: true }).locator('..'), frenchDate(parisToday()));
    await seeText(member.getByTestId('total-net'), QUOTE.net);
    await seeText(member.getByTestId('total-vat'), QUOTE.vat);
    await seeText(member.getByTestId('total-gross'), QUOTE.gross);
    await seeText(member.getByTestId('total-deposits'), DEPOSIT.gross);
    await seeText(member.getByTestId('total-due'), BALANCE.gross);
    await member.getByTestId('invoice-submit').click();
    await see(member.getByText("Facture soumise à l'équipe de la coopérative."));

    const balanceNumber = await validateSubmittedInvoice(staff, balanceId, BALANCE.gross, 'total-due');
    expect(balanceNumber).not.toBe(depositNumber);
    // Both issued invoices add up to the quote the client accepted.
    const cents = (text: string) => Number(text.replace(/[^\d]/g, ''));
    expect(cents(DEPOSIT.gross) + cents(BALANCE.gross)).toBe(cents(QUOTE.gross));

    // 5. The client pays by two transfers; staff record them on the Payments page.
    await staff.getByTestId('nav-payments').click();
    await see(staff.getByRole('heading', { name: 'Paiements reçus' }));
    await recordPayment(staff, { amount: DEPOSIT.typed, shown: DEPOSIT.gross, reference: `VIR ACOMPTE ${depositNumber}`, invoice: depositNumber, others: [balanceNumber] });
    await recordPayment(staff, { amount: BALANCE.typed, shown: BALANCE.gross, reference: `VIR SOLDE ${balanceNumber}`, invoice: balanceNumber, others: [] });
    const payments = staff.locator('[data-testid^="payment-row-"]');
    await seeText(payments.filter({ hasText: `VIR ACOMPTE ${depositNumber}` }), `${depositNumber} · ${DEPOSIT.gross}`);
    await seeText(payments.filter({ hasText: `VIR SOLDE ${balanceNumber}` }), `${balanceNumber} · ${BALANCE.gross}`);

    // 6. The member sees both invoices paid, nothing left to pay.
    await member.getByTestId('nav-invoices').click();
    await see(member.getByRole('heading', { name: 'Mes factures' }));
    await seeText(member.getByTestId(`invoice-row-${depositNumber}`).getByTestId('invoice-status'), 'Payée');
    await seeText(member.getByTestId(`invoice-row-${balanceNumber}`).getByTestId('invoice-status'), 'Payée');
    await member.getByRole('link', { name: balanceNumber }).click();
    await seeText(member.getByTestId('invoice-status'), 'Payée');
    await seeText(member.getByTestId('total-paid'), BALANCE.gross);
    await seeText(member.getByTestId('total-left'), '0,00 €');

    // 7. The activity shows the revenue: the quote's amount excluding VAT.
    await member.getByRole('link', { name: ACTIVITY_LABEL }).click();
    await member.waitForURL((url) => url.pathname === activityPath);
    await seeText(member.getByTestId('treasury-invoiced'), QUOTE.net);
  }, 240_000);
});
