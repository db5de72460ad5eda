import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { recordPayment } from '../../src/modules/payments/index.js';
import { users } from '../../src/platform/auth/schema.js';
import type { Actor } from '../../src/platform/http/context.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, field, logIn, see, seeText, startE2E, watchJourney } from './support/harness.js';

/*
 * A job shared the performance-centre way, in the demo cooperative: brought by Nathalie Roux
 * (NR Conseil), worked by Camille (graphic design, 60 %) and Chloé (translation, 40 %), with a
 * 10 % project margin and the coop's 8 % commission. Invoiced 10 000,00 € HT:
 *   margin 1 000,00 €; Camille 5 400,00 €, Chloé 3 600,00 €;
 *   commission 800,00 €, paid 480,00 € by Camille and 320,00 € by Chloé, received by Nathalie.
 */
const CHLOE = 'chloe.dubois@demo.mutualise.coop';
const NATHALIE = 'nathalie.roux@demo.mutualise.coop';
const CLIENT = 'Cabinet Lemoine Avocats';
const money = (text: string) => new RegExp(text.replace(/ /g, '\\s'));

let e2e: E2E;
let staff: Actor;
const activityOf = new Map<string, string>();
let clientId = '';

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id }).from(coops);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' };
  for (const a of await db.select({ id: activities.id, code: activities.code }).from(activities)) activityOf.set(a.code, a.id);
  [{ id: clientId }] = (await db.select({ id: clients.id }).from(clients).where(eq(clients.name, CLIENT))) as [{ id: string }];
  // The demo and the browser start on two cores shared with other work: more than the default minute.
}, 180_000);
afterAll(async () => {
  await e2e?.close();
}, 60_000);
watchJourney('shared-job', () => e2e);

async function chooseOption(page: import('playwright-core').Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

describe('a job shared between members, with a deal bringer', () => {
  it('the team declares it, invoices it and collects; each member sees their own part, the bringer the commission', async () => {
    // 1. The advisor declares the job.
    const { page: advisor } = await e2e.newPage();
    await logIn(advisor, DEMO.advisor);
    await advisor.getByTestId('nav-jobs').click();
    await see(advisor.getByRole('heading', { name: 'Affaires' }));
    await advisor.getByTestId('job-new').click();
    await chooseOption(advisor, 'job-client', CLIENT);
    await field(advisor, "Titre de l'affaire").fill('Traduction et mise en page du rapport annuel');
    await chooseOption(advisor, 'job-bringer', 'Nathalie Roux');
    await chooseOption(advisor, 'job-bringer-activity', /^NR-CONSEIL/);
    await advisor.getByTestId('job-margin').fill('10');
    await chooseOption(advisor, 'job-participant-0-activity', /^CAMILLE-GRAPHISME/);
    await advisor.getByTestId('job-participant-0-share').fill('60');
    await advisor.getByTestId('job-add-participant').click();
    await chooseOption(advisor, 'job-participant-1-activity', /^CHLOE-TRAD/);
    await advisor.getByTestId('job-participant-1-share').fill('40');
    await advisor.getByTestId('job-save').click();
    await advisor.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const jobId = new URL(advisor.url()).pathname.split('/').pop()!;
    await seeText(advisor.getByTestId('job-participant-CAMILLE-GRAPHISME'), '60 %');
    await seeText(advisor.getByTestId('job-participant-CHLOE-TRAD'), '40 %');

    // 2. Its invoice is issued and paid (the invoicing journeys have their own tests).
    const today = parisToday();
    const { id: invoiceId } = await createDraftInvoice(e2e.database.db, staff, {
      kind: 'invoice',
      activityId: activityOf.get('CAMILLE-GRAPHISME')!,
      clientId,
      jobId,
      serviceDate: today,
      operationCategory: 'services',
      lines: [{ description: 'Traduction et mise en page', quantityMilli: 1000, unit: 'C62', unitPriceCents: 1_000_000, vatCategory: 'S', vatRateBp: 2000 }],
    });
    await validateInvoice(e2e.database.db, staff, invoiceId, today);
    await recordPayment(e2e.database.db, staff, { clientId, date: today, amountCents: 1_200_000, mode: 'transfer', allocations: [{ invoiceId, amountCents: 1_200_000 }] });

    await advisor.reload();
    await seeText(advisor.getByTestId('job-invoiced'), money('10 000,00 €'));
    await seeText(advisor.getByTestId('job-margin-total'), money('1 000,00 €'));
    await seeText(advisor.getByTestId('job-commission-total'), money('800,00 €'));
    await seeText(advisor.getByTestId('job-invoice-totals'), money('12 000,00 €'));

    // 3. Camille, from her activity's page, finds the job and her part only.
    const { page: camille } = await e2e.newPage();
    await logIn(camille, DEMO.member);
    await camille.goto(`/activities/${activityOf.get('CAMILLE-GRAPHISME')}`);
    await camille.getByTestId('activity-jobs').getByRole('link', { name: /Traduction et mise en page du rapport annuel/ }).click();
    await seeText(camille.getByTestId('job-split-CAMILLE-GRAPHISME'), money('5 400,00 €'));
    await seeText(camille.getByTestId('job-split-CAMILLE-GRAPHISME'), money('480,00 €'));
    await see(camille.getByText('Une autre activité participe à cette affaire.'));
    await seeText(camille.locator('body'), /Vous voyez votre part/);
    if (await camille.getByTestId('job-split-CHLOE-TRAD').count()) throw new Error("Camille sees Chloé's part");

    // 4. Chloé sees hers.
    const { page: chloe } = await e2e.newPage();
    await logIn(chloe, CHLOE);
    await chloe.goto(`/activities/${activityOf.get('CHLOE-TRAD')}`);
    await chloe.getByTestId('activity-jobs').getByRole('link', { name: /Traduction et mise en page du rapport annuel/ }).click();
    await seeText(chloe.getByTestId('job-split-CHLOE-TRAD'), money('3 600,00 €'));
    await seeText(chloe.getByTestId('job-split-CHLOE-TRAD'), money('320,00 €'));

    // 5. Nathalie, the bringer, sees the commission credited to her activity.
    const { page: nathalie } = await e2e.newPage();
    await logIn(nathalie, NATHALIE);
    await nathalie.goto(`/activities/${activityOf.get('NR-CONSEIL')}`);
    await nathalie.getByTestId('activity-jobs').getByRole('link', { name: /Traduction et mise en page du rapport annuel/ }).click();
    await seeText(nathalie.getByTestId('job-split-NR-CONSEIL'), money('800,00 €'));
  });
});
