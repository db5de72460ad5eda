import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/platform/auth/schema.js';
import { activities } from '../../src/modules/activities/schema.js';
import { endowFund } from '../../src/modules/advances/index.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { journalEntryLines } from '../../src/modules/ledger/schema.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { DEMO, type E2E, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';
import { parisToday } from './support/dates.js';

let e2e: E2E;
let activityId: string;
let invoice: { id: string; number: string };
const day = parisToday();

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.admin));
  const [activity] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.coopId, coop!.id), eq(activities.code, 'CAMILLE-GRAPHISME')));
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.coopId, coop!.id), eq(clients.name, 'Boulangerie Les Trois Épis')));
  activityId = activity!.id;
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  // The coop's assembly allotted 20 000 € of its reserves to the guarantee fund.
  await endowFund(db, { ...staff, userId: admin!.id, roles: ['admin'] }, { amountCents: 2_000_000, date: day, source: 'reserves' });
  const draft = await createDraftInvoice(
    db,
    staff,
    draftOf(activityId, client!.id, { serviceDate: day, lines: [{ description: 'Identité visuelle', quantityMilli: 1000, unit: 'C62', unitPriceCents: 100_000, vatCategory: 'S', vatRateBp: 2000 }] }),
  );
  invoice = { id: draft.id, number: (await validateInvoice(db, staff, draft.id, day)).number };
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('invoice-advance', () => e2e);

/** What the fund has paid the activity and not yet been repaid (its 4675 balance). */
async function advancedToActivity() {
  const [row] = await e2e.database.db
    .select({ b: sql<number>`coalesce(sum(${journalEntryLines.debitCents} - ${journalEntryLines.creditCents}), 0)`.mapWith(Number) })
    .from(journalEntryLines)
    .where(and(eq(journalEntryLines.accountNumber, '4675'), eq(journalEntryLines.activityId, activityId)));
  return row!.b;
}

describe('a member has an invoice prefinanced by the guarantee fund', () => {
  it('she asks from her phone, the team approves, the fund pays, the client pays and the advance is settled', async () => {
    // Camille, on her phone: her validated invoice offers an advance, at most what the rules allow.
    const member = await e2e.newPage({ width: 390, height: 844 });
    await logIn(member.page, DEMO.member);
    await member.page.goto(`/invoices/${invoice.id}`);
    const card = member.page.getByTestId('invoice-advance');
    await card.getByTestId('invoice-advance-ask').click();
    // Her revenue of the year is this invoice: her ceiling (25 % of it) is what binds.
    await expect.poll(() => card.getByTestId('invoice-advance-amount').inputValue()).toBe('250');
    await card.getByTestId('invoice-advance-submit').click();
    await seeText(card.getByTestId('advance-status'), 'Demandé');

    // The advisor approves it on the fund page: the fund pays it at once.
    const advisor = await e2e.newPage();
    await logIn(advisor.page, DEMO.advisor);
    await advisor.page.goto('/advances');
    await seeText(advisor.page.getByTestId('fund-available'), '20 000,00 €');
    await advisor.page.locator('[data-testid^="advance-approve-"]').first().click();
    await advisor.page.getByTestId('advance-approve-modal-confirm').click();
    await see(advisor.page.getByText('Préfinancement accordé et versé.'));
    // The fee (2 %) came back to the fund: 20 000 − 250 + 5.
    await seeText(advisor.page.getByTestId('fund-available'), '19 755,00 €');
    expect(await advancedToActivity()).toBe(25_000);

    // Camille sees it paid, on the invoice and among her advances.
    await member.page.reload();
    await seeText(card.getByTestId('advance-status'), 'Versé');
    await member.page.goto('/advances');
    await seeText(member.page.getByTestId('advance-status').first(), 'Versé');
    const { scrollWidth, innerWidth } = await member.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);

    // The client pays the whole invoice: the team records it from the invoice page.
    await advisor.page.goto(`/invoices/${invoice.id}`);
    await advisor.page.getByTestId('invoice-record-payment').click();
    await advisor.page.getByTestId('payment-submit').click();
    await seeText(advisor.page.getByTestId('invoice-status').first(), 'Payée');

    // The fund is repaid from the client's payment: the advance is settled.
    await member.page.goto(`/invoices/${invoice.id}`);
    await seeText(member.page.getByTestId('invoice-advance').getByTestId('advance-status'), 'Soldé');
    expect(await advancedToActivity()).toBe(0);
  });
});
