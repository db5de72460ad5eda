import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { users } from '../../src/platform/auth/schema.js';
import { activities } from '../../src/modules/activities/schema.js';
import { importStatement } from '../../src/modules/banking/index.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, getInvoice, openInvoices, validateInvoice } from '../../src/modules/invoicing/index.js';
import { journalEntryLines } from '../../src/modules/ledger/schema.js';
import { recordPaymentIn } from '../../src/modules/payments/index.js';
import { payments } from '../../src/modules/payments/schema.js';
import { CSV_MAPPING } from '../support/bank-fixtures.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { DEMO, type E2E, field, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

const CLIENT = 'Boulangerie Les Trois Épis';
let e2e: E2E;
let staff: { coopId: string; userId: string; roles: ['staff']; ip: string; locale: 'fr' };
let clientId: string;
let chequeInvoice: { id: string; number: string };
let mistakenInvoice: { id: string; number: string };
const now = new Date();
const day = parisToday(now);
const frenchDay = `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;

/** An invoice of 1,200.00 € to the demo baker. */
async function issueInvoice(activityId: string, description: string) {
  const db = e2e.database.db;
  const draft = await createDraftInvoice(
    db,
    staff,
    draftOf(activityId, clientId, { serviceDate: day, lines: [{ description, quantityMilli: 1000, unit: 'C62', unitPriceCents: 100_000, vatCategory: 'S', vatRateBp: 2000 }] }),
  );
  return validateInvoice(db, staff, draft.id, day);
}

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [activity] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.coopId, coop!.id), eq(activities.code, 'CAMILLE-GRAPHISME')));
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.coopId, coop!.id), eq(clients.name, CLIENT)));
  staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' };
  clientId = client!.id;
  chequeInvoice = await issueInvoice(activity!.id, 'Affiches');
  mistakenInvoice = await issueInvoice(activity!.id, 'Flyers');
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('payment-counted-once', () => e2e);

/** The page itself never scrolls sideways at phone width: wide tables scroll inside their own box. */
async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Staff record a payment by hand, put on one invoice only (the client's other open invoices left aside). */
async function recordPayment(page: Page, p: { amount: string; shown: string; mode: string; reference: string; invoice: string }) {
  const others = (await openInvoices(e2e.database.db, staff.coopId, { clientId })).map((i) => i.number).filter((n) => n !== p.invoice);
  await page.getByTestId('payment-new').click();
  const form = page.getByRole('dialog', { name: 'Enregistrer un paiement' });
  await see(form);
  await form.getByTestId('payment-client').click();
  await page.getByRole('option', { name: CLIENT }).click();
  await see(form.getByTestId(`allocation-row-${p.invoice}`));
  await form.getByTestId('payment-amount').fill(p.amount);
  await form.getByTestId('payment-mode').click();
  await page.getByRole('option', { name: p.mode }).click();
  await field(form, 'Référence').fill(p.reference);
  await form.getByTestId(`allocation-${p.invoice}`).fill(p.amount);
  for (const other of others) await form.getByTestId(`allocation-${other}`).fill('');
  await seeText(form.getByTestId('allocation-credit'), '0,00 €');
  await form.getByTestId('payment-submit').click();
  await see(page.getByText(`Paiement de ${p.shown} enregistré pour ${CLIENT}.`));
}

describe('a payment is counted once, and a mistake is undone by reversal', () => {
  it('a cheque recorded by hand, then seen on the bank statement, is confirmed from it: 1 000 € collected and one line in 512', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.getByTestId('nav-payments').click();
    await see(page.getByRole('heading', { name: 'Paiements reçus' }));
    await recordPayment(page, { amount: '1 000,00', shown: '1 000,00 €', mode: 'Chèque', reference: 'Chèque n° 0098765', invoice: chequeInvoice.number });
    const row = page.locator('[data-testid^="payment-row-"]').filter({ hasText: 'Chèque n° 0098765' });
    await seeText(row.getByTestId('payment-status'), 'À remettre en banque (5112)');

    // The next statement credits the cheque.
    const csv = ['Relevé de compte;;;;', 'Date;Libellé;Référence;Débit;Crédit', `${frenchDay};REMISE CHEQUE 0098765 BOULANGERIE;;;1 000,00`].join('\n');
    const imported = await importStatement(e2e.database.db, e2e.app.deps.storage, staff, CSV_MAPPING, { fileName: 'releve.csv', bytes: Buffer.from(csv, 'utf8') });
    await page.goto(`${e2e.baseUrl}/bank/statements/${imported.statements[0]!.id}`);
    const line = page.locator('[data-testid^="bank-line-"]').filter({ hasText: 'REMISE CHEQUE 0098765' }).first();
    // The cheque already recorded is proposed; no new payment is offered unless staff say it is none of these.
    const proposal = line.locator('[data-testid^="bank-recorded-confirm-"]').first();
    await seeText(line.locator('[data-testid^="bank-recorded-"][data-testid$="-0"]').first(), 'Chèque n° 0098765');
    expect(await line.locator('[data-testid^="bank-line-confirm-"]').count()).toBe(0);
    await proposal.click();
    await seeText(line.getByTestId('bank-line-status'), 'Rapprochée');

    const db = e2e.database.db;
    expect(await getInvoice(db, staff, chequeInvoice.id)).toMatchObject({ status: 'partially_paid', paidCents: 100_000 });
    const live = await db.select().from(payments).where(and(eq(payments.coopId, staff.coopId), eq(payments.clientId, clientId), isNull(payments.cancelledAt), eq(payments.date, day)));
    expect(live.map((p) => p.amountCents)).toEqual([100_000]);

    // The general ledger of 512 today shows the cheque once.
    await page.goto(`${e2e.baseUrl}/ledger/general-ledger?account=512&from=${day}&to=${day}`);
    await see(page.getByRole('heading', { name: 'Grand livre' }));
    const rows = page.locator('[data-testid^="ledger-general-ledger-row-"]');
    await seeText(rows.first(), '0098765');
    expect(await rows.count()).toBe(1);
    const bankLines = await db.select().from(journalEntryLines).where(and(eq(journalEntryLines.coopId, staff.coopId), eq(journalEntryLines.accountNumber, '512'), eq(journalEntryLines.entryDate, day)));
    expect(bankLines.map((l) => l.debitCents)).toEqual([100_000]);

    await page.getByTestId('nav-payments').click();
    await seeText(page.locator('[data-testid^="payment-row-"]').filter({ hasText: 'Chèque n° 0098765' }).getByTestId('payment-status'), 'Rapproché');
  });

  it('a payment recorded by mistake is cancelled with its reason, and its invoice is open again', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.getByTestId('nav-payments').click();
    await recordPayment(page, { amount: '1 200,00', shown: '1 200,00 €', mode: 'Virement', reference: 'VIR ERREUR', invoice: mistakenInvoice.number });
    expect(await getInvoice(e2e.database.db, staff, mistakenInvoice.id)).toMatchObject({ status: 'paid' });

    const row = page.locator('[data-testid^="payment-row-"]').filter({ hasText: 'VIR ERREUR' });
    await row.locator('[data-testid^="payment-cancel-"]').click();
    const dialog = page.getByRole('dialog', { name: 'Annuler ce paiement ?' });
    await see(dialog);
    await seeText(dialog, mistakenInvoice.number);
    await dialog.getByTestId('payment-cancel-reason').fill('Virement d’un autre client');
    await dialog.getByTestId('payment-cancel-confirm').click();
    await seeText(row.getByTestId('payment-status'), 'Annulé');
    await seeText(row, 'Virement d’un autre client');

    expect(await getInvoice(e2e.database.db, staff, mistakenInvoice.id)).toMatchObject({ status: 'validated', paidCents: 0 });
    await page.goto(`${e2e.baseUrl}/invoices/${mistakenInvoice.id}`);
    await seeText(page.getByTestId('invoice-status'), 'Validée');
  });

  it('on a phone, cheques are grouped into a remittance slip, the bank line of its total confirms the slip, and the match can be undone', async () => {
    const db = e2e.database.db;
    for (const [amountCents, reference] of [[30_000, 'Chèque 5550001'], [45_000, 'Chèque 5550002']] as const) {
      await db.transaction((tx) => recordPaymentIn(tx, staff, { clientId, date: day, amountCents, mode: 'cheque', reference, allocations: [] }));
    }
    const { page } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(page, DEMO.advisor);
    await page.goto(`${e2e.baseUrl}/payments`);
    await see(page.getByRole('heading', { name: 'Paiements reçus' }));
    await page.getByTestId('remittance-new').click();
    const dialog = page.getByRole('dialog', { name: 'Nouveau bordereau' });
    await dialog.getByText('Chèque 5550001').click();
    await dialog.getByText('Chèque 5550002').click();
    await seeText(dialog.getByTestId('remittance-total'), '2 chèques, 750,00 €');
    await dialog.getByTestId('remittance-submit').click();
    await seeText(page.getByTestId('remittance-1'), 'En attente de la banque');
    await expectNoHorizontalOverflow(page);

    const csv = ['Relevé de compte;;;;', 'Date;Libellé;Référence;Débit;Crédit', `${frenchDay};REMISE CHEQUES BORDEREAU 1;;;750,00`].join('\n');
    const imported = await importStatement(db, e2e.app.deps.storage, staff, CSV_MAPPING, { fileName: 'releve-remise.csv', bytes: Buffer.from(csv, 'utf8') });
    await page.goto(`${e2e.baseUrl}/bank/statements/${imported.statements[0]!.id}`);
    const line = page.locator('[data-testid^="bank-line-"]').filter({ hasText: 'BORDEREAU 1' }).first();
    await seeText(line.locator('[data-testid^="bank-recorded-"][data-testid$="-0"]').first(), 'Bordereau de remise n° 1');
    await expectNoHorizontalOverflow(page);
    await line.locator('[data-testid^="bank-recorded-confirm-"]').first().click();
    await seeText(line.getByTestId('bank-line-status'), 'Rapprochée');

    await line.locator('[data-testid^="bank-line-unmatch-"]').click();
    const undo = page.getByRole('dialog', { name: 'Annuler le rapprochement de cette ligne ?' });
    await undo.getByTestId('bank-unmatch-reason').fill('Mauvais bordereau');
    await undo.getByTestId('bank-unmatch-confirm').click();
    await seeText(line.getByTestId('bank-line-status'), 'À rapprocher');
    await see(line.locator('[data-testid^="bank-recorded-confirm-"]').first());
    await expectNoHorizontalOverflow(page);
  });
});
