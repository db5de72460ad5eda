import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { users } from '../../src/platform/auth/schema.js';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { addDays, todayFromClock } from '../../src/platform/calendar/index.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { DEMO, type E2E, logIn, see, seeNo, seeText, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
let invoice: { id: string; number: string };

beforeAll(async () => {
  e2e = await startE2E();
  // An invoice issued 40 days ago on 30 days terms: 10 days late, its first reminder (+7) is due.
  const db = e2e.database.db;
  const issued = addDays(todayFromClock(), -40);
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [activity] = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.coopId, coop!.id), eq(activities.code, 'CAMILLE-GRAPHISME')));
  const [client] = await db.select({ id: clients.id }).from(clients).where(and(eq(clients.coopId, coop!.id), eq(clients.name, 'Boulangerie Les Trois Épis')));
  const staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const draft = await createDraftInvoice(db, staff, draftOf(activity!.id, client!.id, { serviceDate: issued, paymentTermsDays: 30 }));
  invoice = await validateInvoice(db, staff, draft.id, issued);
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('dunning', () => e2e);

describe('an advisor chases an overdue invoice', () => {
  it('runs the dunning now, sees the first reminder in the case history, and a second run sends nothing', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.advisor);
    await page.getByTestId('nav-dunning').click();
    await see(page.getByRole('heading', { name: 'Relances' }));
    await seeNo(page.getByTestId(`dunning-case-${invoice.number}`));

    await page.getByTestId('dunning-run-now').click();
    // Mails to clients cannot be taken back: the page asks first.
    await see(page.getByText('Lancer les relances maintenant ?'));
    await page.getByTestId('dunning-run-modal-confirm').click();
    await see(page.getByText('Étapes de relance réalisées : 1.'));
    const row = page.getByTestId(`dunning-case-${invoice.number}`);
    await seeText(row, 'Relance');
    // The reminder waits in the outbox (no SMTP here): it is not shown as sent.
    await seeText(row, "En attente d'envoi");
    await page.getByTestId(`dunning-history-${invoice.number}`).click();
    await seeText(page.getByTestId(`dunning-timeline-${invoice.number}`), 'Étape 1');

    await page.getByTestId('dunning-run-now').click();
    await page.getByTestId('dunning-run-modal-confirm').click();
    await see(page.getByText("Aucune relance à faire aujourd'hui."));
  });

  it('a member has no dunning page', async () => {
    const { page } = await e2e.newPage();
    await logIn(page, DEMO.member);
    await see(page.getByTestId('nav-dashboard'));
    await seeNo(page.getByTestId('nav-dunning'));
  });
});
