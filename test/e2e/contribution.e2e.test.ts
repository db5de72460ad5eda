import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { users } from '../../src/platform/auth/schema.js';
import { todayFromClock } from '../../src/platform/calendar/index.js';
import { DEMO, type E2E, logIn, see, seeText, seeValue, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('contribution', () => e2e);

/**
 * Hugo's training activity, and an invoice of it issued through the real validation (the demo
 * of the e2e harness has no sales: it seeds them only with a file storage).
 */
const HUGO = 'hugo.petit@demo.mutualise.coop';
async function hugos() {
  const db = e2e.database.db;
  const [activity] = await db.select({ id: activities.id, coopId: activities.coopId }).from(activities).where(eq(activities.code, 'HUGO-FORMATION'));
  const [client] = await db.select({ id: clients.id }).from(clients).where(eq(clients.name, 'Commune de Villeurbanne'));
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  if (!activity || !client || !advisor) throw new Error('the demo seed no longer has these records');
  const actor = { coopId: activity.coopId, userId: advisor.id, roles: ['staff' as const], ip: '127.0.0.1', locale: 'fr' as const };
  const today = todayFromClock();
  const draft = await createDraftInvoice(db, actor, {
    kind: 'invoice',
    activityId: activity.id,
    clientId: client.id,
    serviceDate: today,
    operationCategory: 'services',
    lines: [{ description: 'Formation rénovation (jours)', quantityMilli: 2000, unit: 'DAY', unitPriceCents: 61_750, vatCategory: 'S', vatRateBp: 2000 }],
  });
  await validateInvoice(db, actor, draft.id, today);
  return { activityId: activity.id, invoiceId: draft.id };
}

describe('the cooperative contribution', () => {
  it('the admin sets a monthly ceiling, the advisor an activity rate, and the member sees what his invoice and his activity gave', async () => {
    const { activityId, invoiceId } = await hugos();

    const admin = (await e2e.newPage()).page;
    await logIn(admin, DEMO.admin);
    await admin.goto('/settings');
    const card = admin.getByTestId('contribution-settings');
    await see(card.getByRole('heading', { name: 'Plancher et plafond de la contribution' }));
    await seeText(admin.getByTestId('contribution-basis'), 'au fil des encaissements');
    await card.getByTestId('contribution-ceiling').fill('500');
    await card.getByText('par mois et par activité').click();
    await see(card.getByText("ne le dépasse jamais", { exact: false }));
    await card.getByTestId('contribution-settings-save').click();
    await see(admin.getByText('Plancher et plafond enregistrés.'));
    await admin.reload();
    await seeValue(admin.getByTestId('contribution-ceiling'), '500');

    const advisor = (await e2e.newPage()).page;
    await logIn(advisor, DEMO.advisor);
    await advisor.goto(`/activities/${activityId}`);
    const rule = advisor.getByTestId('activity-contribution-rule');
    await seeText(rule, /Plafond : 500,00\s€ par mois/);
    await advisor.getByTestId('activity-contribution-rate').fill('8');
    await advisor.getByTestId('activity-contribution-save').click();
    await see(advisor.getByText('Règle de contribution enregistrée', { exact: false }));
    await seeText(rule, /^8\s%/);

    const member = (await e2e.newPage({ width: 390, height: 844 })).page;
    await logIn(member, HUGO);
    await member.goto(`/invoices/${invoiceId}`);
    // Issued at the coop's rate then in force: a later change does not touch it.
    await seeText(member.getByText(/Contribution coopérative \(10/), /10\s?%/);
    await seeText(member.getByTestId('total-contribution'), /123,50\s€/);
    await see(member.getByText('Prélevée à la validation de la facture.'));
    await member.goto(`/activities/${activityId}`);
    await see(member.getByTestId('activity-contribution-year'));
    expect(await member.getByTestId('activity-contribution-form').count()).toBe(0);
  });
});
