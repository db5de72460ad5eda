import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { invoices } from '../../src/modules/invoicing/schema.js';
import { DEMO, type E2E, logIn, see, seeText, seeValue, startE2E, watchJourney } from './support/harness.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});
watchJourney('contribution', () => e2e);

/** Camille's activity and one invoice of hers the demo issued through the real validation. */
async function camilles() {
  const db = e2e.database.db;
  const [activity] = await db.select({ id: activities.id, coopId: activities.coopId }).from(activities).where(eq(activities.code, 'CAMILLE-GRAPHISME'));
  if (!activity) throw new Error('the demo seed no longer has this activity');
  const [invoice] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.coopId, activity.coopId), eq(invoices.activityId, activity.id), eq(invoices.kind, 'invoice'), isNotNull(invoices.number)))
    .limit(1);
  if (!invoice) throw new Error('the demo seed no longer issues an invoice for Camille');
  return { activityId: activity.id, invoiceId: invoice.id };
}

describe('the cooperative contribution', () => {
  it('the admin sets a monthly ceiling, the advisor an activity rate, and the member sees what her invoice and her activity gave', async () => {
    const { activityId, invoiceId } = await camilles();

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
    await logIn(member, DEMO.member);
    await member.goto(`/invoices/${invoiceId}`);
    // Issued at the coop's rate then in force: a later change does not touch it.
    await seeText(member.getByText(/Contribution coopérative \(10/), /10\s?%/);
    await see(member.getByTestId('total-contribution'));
    await see(member.getByText('Prélevée à la validation de la facture.'));
    await member.goto(`/activities/${activityId}`);
    await see(member.getByTestId('activity-contribution-year'));
    expect(await member.getByTestId('activity-contribution-form').count()).toBe(0);
  });
});
