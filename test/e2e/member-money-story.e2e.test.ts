import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { endowFund } from '../../src/modules/advances/index.js';
import { advances } from '../../src/modules/advances/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { breakdownOfGross, simulateFromNet } from '../../src/modules/salaries/contract.js';
import { salaryRequests } from '../../src/modules/salaries/schema.js';
import { users } from '../../src/platform/auth/schema.js';
import type { Actor } from '../../src/platform/http/context.js';
import { draftOf } from '../support/invoicing-db-fixtures.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, field, logIn, see, seeNo, seeText, startE2E, WAIT_MS, watchJourney } from './support/harness.js';

/*
 * The issue's story in one journey, in the demo cooperative (contribution 10 % taken as invoices
 * validate, commission 8 %, employer 45 % / employee 22 %):
 *   A = Nathalie Roux (NR-CONSEIL, independent) brings the deal; B = Camille (CAMILLE-GRAPHISME)
 *   works 60 %, C = Chloé (CHLOE-TRAD) 40 %; the structure keeps a 10 % margin.
 *   Invoiced 10 000,00 € HT (12 000,00 € TTC), paid: margin 1 000,00 €; Camille 5 400,00 €,
 *   Chloé 3 600,00 €; contribution 540,00 € + 360,00 € = 900,00 €; commission 800,00 € paid
 *   480,00 € by Camille and 320,00 € by Chloé, received by Nathalie.
 * Built in the browser: the job (advisor), the payment of the job's invoice (advisor), the salary
 * simulation, request and validation, the advance request, approval and the settling payment.
 * Set up through the services, as not the point of this story: the job's and Chloé's invoices
 * (drafted and validated: the invoicing journeys cover that), and the fund's endowment.
 */
const CHLOE = 'chloe.dubois@demo.mutualise.coop';
const NATHALIE = 'nathalie.roux@demo.mutualise.coop';
const CLIENT = 'Cabinet Lemoine Avocats';
const rates = { contributionRateBp: 1000, employerRateBp: 4500, employeeRateBp: 2200 };
const euros = (cents: number) => new RegExp(new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }).format(cents / 100).replace(/\s+/g, '\\s'));
const centsOf = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d,-]/g, '').replace(',', '.')) * 100);

let e2e: E2E;
let staff: Actor;
const activityOf = new Map<string, string>();
let clientId = '';
let jobInvoice = { id: '', number: '' };
let chloeInvoice = { id: '', number: '' };
const today = parisToday();

beforeAll(async () => {
  e2e = await startE2E();
  const db = e2e.database.db;
  const [coop] = await db.select({ id: coops.id, contributionRateBp: coops.contributionRateBp }).from(coops);
  expect(coop!.contributionRateBp).toBe(rates.contributionRateBp);
  const [advisor] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.advisor));
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.admin));
  staff = { coopId: coop!.id, userId: advisor!.id, roles: ['staff'], ip: '127.0.0.1', locale: 'fr' };
  for (const a of await db.select({ id: activities.id, code: activities.code }).from(activities)) activityOf.set(a.code, a.id);
  [{ id: clientId }] = (await db.select({ id: clients.id }).from(clients).where(and(eq(clients.coopId, coop!.id), eq(clients.name, CLIENT)))) as [{ id: string }];
  // The coop's assembly allotted 20 000 € of its reserves to the guarantee fund.
  await endowFund(db, { ...staff, userId: admin!.id, roles: ['admin'] }, { amountCents: 2_000_000, date: today, source: 'reserves' });
  // The demo and the browser start on two cores shared with other work: more than the default minute.
}, 180_000);
afterAll(async () => {
  await e2e?.close();
}, 60_000);
watchJourney('member-money-story', () => e2e);

async function chooseOption(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

/** Two busy cores: a page may take seconds to read again (the harness's own waits are 15 s). */
const POLL = { timeout: WAIT_MS, interval: 250 };

const FIGURES = ['invoiced', 'collected', 'contribution', 'commissionsIn', 'commissionsOut', 'advances'] as const;
type Figures = Record<(typeof FIGURES)[number], number>;

/** An activity's treasury figures as its page shows them (the demo's history included: the journey reads what changed). */
async function treasuryOf(page: Page, code: string): Promise<Figures> {
  await page.goto(`/activities/${activityOf.get(code)}/treasury`);
  await expect.poll(async () => (await page.getByTestId('treasury-available').textContent()) ?? '…', POLL).not.toBe('…');
  const out = {} as Figures;
  for (const key of FIGURES) out[key] = centsOf(await page.getByTestId(`treasury-${key}`).textContent());
  return out;
}

async function treasuryMoved(page: Page, code: string, before: Figures, moved: Partial<Figures>) {
  const expected = Object.fromEntries(FIGURES.map((k) => [k, moved[k] ?? 0]));
  await expect
    .poll(async () => {
      const now = await treasuryOf(page, code);
      return Object.fromEntries(FIGURES.map((k) => [k, now[k] - before[k]]));
    }, { timeout: 90_000, interval: 500 })
    .toEqual(expected);
}

describe("the member's money, from a shared job to a salary and an advance", () => {
  it('a job brought by A, worked by B and C (60/40), invoiced and paid: each activity shows its share, A the commission, the coop its contribution and margin', async () => {
    const { page: advisor } = await e2e.newPage();
    await logIn(advisor, DEMO.advisor);
    const before = {
      camille: await treasuryOf(advisor, 'CAMILLE-GRAPHISME'),
      chloe: await treasuryOf(advisor, 'CHLOE-TRAD'),
      nathalie: await treasuryOf(advisor, 'NR-CONSEIL'),
    };

    // The advisor declares the job.
    await advisor.goto('/jobs');
    await see(advisor.getByRole('heading', { name: 'Affaires' }));
    await advisor.getByTestId('job-new').click();
    await chooseOption(advisor, 'job-client', CLIENT);
    await field(advisor, "Titre de l'affaire").fill('Rapport annuel bilingue');
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

    // Its invoice, issued from Camille's activity (set up through the service).
    const draft = await createDraftInvoice(e2e.database.db, staff, {
      ...draftOf(activityOf.get('CAMILLE-GRAPHISME')!, clientId, {
        serviceDate: today,
        lines: [{ description: 'Traduction et mise en page', quantityMilli: 1000, unit: 'C62', unitPriceCents: 1_000_000, vatCategory: 'S', vatRateBp: 2000 }],
      }),
      jobId,
    });
    jobInvoice = { id: draft.id, number: (await validateInvoice(e2e.database.db, staff, draft.id, today)).number };

    // The client pays it: the advisor records the transfer from the invoice page.
    await advisor.goto(`/invoices/${jobInvoice.id}`);
    await advisor.getByTestId('invoice-record-payment').click();
    await advisor.getByTestId('payment-submit').click();
    await seeText(advisor.getByTestId('invoice-status').first(), 'Payée');
    // The coop's contribution on the invoice: 10 % of each activity's part, none on the margin.
    await seeText(advisor.getByTestId('total-contribution'), euros(90_000));

    // The job's page: the structure's margin and the bringer's commission, to the cent.
    await advisor.goto(`/jobs/${jobId}`);
    await seeText(advisor.getByTestId('job-invoiced'), euros(1_000_000));
    await seeText(advisor.getByTestId('job-margin-total'), euros(100_000));
    await seeText(advisor.getByTestId('job-commission-total'), euros(80_000));
    await seeText(advisor.getByTestId('job-invoice-totals'), euros(1_200_000));

    // Each activity's treasury moved by its own share, its contribution and its commission.
    await treasuryMoved(advisor, 'CAMILLE-GRAPHISME', before.camille, { invoiced: 540_000, collected: 540_000, contribution: 54_000, commissionsOut: 48_000 });
    await treasuryMoved(advisor, 'CHLOE-TRAD', before.chloe, { invoiced: 360_000, collected: 360_000, contribution: 36_000, commissionsOut: 32_000 });
    await treasuryMoved(advisor, 'NR-CONSEIL', before.nathalie, { commissionsIn: 80_000 });

    // Each member sees the job and their own part of it, nothing of the others'.
    for (const [email, code, revenue, commission] of [
      [DEMO.member, 'CAMILLE-GRAPHISME', 540_000, 48_000],
      [CHLOE, 'CHLOE-TRAD', 360_000, 32_000],
      [NATHALIE, 'NR-CONSEIL', 0, 80_000],
    ] as const) {
      const { page } = await e2e.newPage();
      await logIn(page, email);
      await page.goto(`/jobs/${jobId}`);
      const mine = page.getByTestId(`job-split-${code}`);
      await seeText(mine, euros(commission));
      if (revenue) await seeText(mine, euros(revenue));
      for (const other of ['CAMILLE-GRAPHISME', 'CHLOE-TRAD', 'NR-CONSEIL'].filter((c) => c !== code)) {
        expect(await page.getByTestId(`job-split-${other}`).count(), `${email} sees ${other}`).toBe(0);
      }
      await seeNo(page.getByTestId('job-margin-total'));
      await page.context().close();
    }
  }, 420_000);

  it('B simulates then asks a salary within her treasury, and the advisor validates it', async () => {
    const { page: camille } = await e2e.newPage();
    await logIn(camille, DEMO.member);
    // Her menu offers her salary: she is an entrepreneur-salarié (an independent invoices the coop instead).
    await seeNo(camille.getByTestId('nav-member-invoices'));
    await camille.getByTestId('nav-salary').click();
    await expect.poll(async () => /\d/.test((await camille.getByTestId('salary-available').textContent()) ?? ''), POLL).toBe(true);
    const available = centsOf(await camille.getByTestId('salary-available').textContent());
    expect(available).toBeGreaterThan(0);

    // "I want 1 500 € net: how much must I invoice?", then she asks that gross: within what her activity holds.
    const wanted = simulateFromNet(1_500_00, rates)!;
    const asked = breakdownOfGross(wanted.grossCents, rates);
    expect(asked.employerCostCents).toBeLessThanOrEqual(available);
    await camille.getByTestId('simulator-direction').getByText('À partir du net souhaité').click();
    await camille.getByTestId('simulator-amount').fill('1500');
    await seeText(camille.getByTestId('sim-revenue'), euros(wanted.revenueCents));
    await seeText(camille.getByTestId('sim-gross'), euros(asked.grossCents));
    await seeText(camille.getByTestId('sim-net'), euros(1_500_00));
    await camille.getByTestId('simulator-use-gross').click();
    await seeText(camille.getByTestId('salary-request-cost'), euros(asked.employerCostCents));
    await camille.getByTestId('salary-request-submit').click();
    await see(camille.getByText(`brut demandé`, { exact: false }));
    const [request] = await e2e.database.db
      .select()
      .from(salaryRequests)
      .where(and(eq(salaryRequests.activityId, activityOf.get('CAMILLE-GRAPHISME')!), eq(salaryRequests.status, 'requested'), eq(salaryRequests.grossCents, asked.grossCents)));
    expect(request).toBeDefined();
    await expect.poll(async () => centsOf(await camille.getByTestId('salary-available').textContent()), POLL).toBe(available - asked.employerCostCents);

    // The advisor validates it.
    const { page: advisor } = await e2e.newPage();
    await logIn(advisor, DEMO.advisor);
    await advisor.goto('/salaries?status=requested');
    await seeText(advisor.getByTestId(`salary-row-${request!.id}`), 'Camille');
    await advisor.getByTestId(`salary-validate-${request!.id}`).click();
    const dialog = advisor.getByRole('dialog', { name: 'Valider le salaire' });
    await dialog.getByTestId('salary-decision-confirm').click();
    await seeNo(dialog);

    await camille.reload();
    await seeText(camille.getByTestId(`salary-row-${request!.id}`), 'Validé');
    // Posted: the salary and its employer contributions left the activity, nothing twice.
    await expect.poll(async () => centsOf(await camille.getByTestId('salary-available').textContent()), POLL).toBe(available - asked.employerCostCents);
  }, 300_000);

  it('C asks an advance on a validated invoice, the fund pays it, and the client’s payment settles it', async () => {
    const db = e2e.database.db;
    const draft = await createDraftInvoice(
      db,
      staff,
      draftOf(activityOf.get('CHLOE-TRAD')!, clientId, { serviceDate: today, lines: [{ description: 'Traduction des statuts', quantityMilli: 1000, unit: 'C62', unitPriceCents: 150_000, vatCategory: 'S', vatRateBp: 2000 }] }),
    );
    chloeInvoice = { id: draft.id, number: (await validateInvoice(db, staff, draft.id, today)).number };

    const { page: chloe } = await e2e.newPage({ width: 390, height: 844 });
    await logIn(chloe, CHLOE);
    // Her invoice is issued: what moves now is the fund's money, then the client's.
    const before = await treasuryOf(chloe, 'CHLOE-TRAD');
    await chloe.goto(`/invoices/${chloeInvoice.id}`);
    const card = chloe.getByTestId('invoice-advance');
    await card.getByTestId('invoice-advance-ask').click();
    await expect.poll(async () => Number(await card.getByTestId('invoice-advance-amount').inputValue()), POLL).toBeGreaterThan(0);
    await card.getByTestId('invoice-advance-submit').click();
    await seeText(card.getByTestId('advance-status'), 'Demandé');
    const [advance] = await db.select().from(advances).where(eq(advances.invoiceId, chloeInvoice.id));

    // The advisor approves: the fund pays it at once.
    const { page: advisor } = await e2e.newPage();
    await logIn(advisor, DEMO.advisor);
    await advisor.goto('/advances');
    await advisor.getByTestId(`advance-approve-${advance!.id}`).click();
    await advisor.getByTestId('advance-approve-modal-confirm').click();
    await see(advisor.getByText('Préfinancement accordé et versé.'));
    await chloe.goto(`/invoices/${chloeInvoice.id}`);
    await seeText(card.getByTestId('advance-status'), 'Versé');
    await treasuryMoved(chloe, 'CHLOE-TRAD', before, { advances: advance!.amountCents });

    // The client pays the invoice: the advance is settled from it.
    await advisor.goto(`/invoices/${chloeInvoice.id}`);
    await advisor.getByTestId('invoice-record-payment').click();
    await advisor.getByTestId('payment-submit').click();
    await seeText(advisor.getByTestId('invoice-status').first(), 'Payée');
    await chloe.goto(`/invoices/${chloeInvoice.id}`);
    await seeText(card.getByTestId('advance-status'), 'Soldé');
    // Collected in full, nothing outstanding with the fund any more.
    await treasuryMoved(chloe, 'CHLOE-TRAD', before, { collected: 150_000 });
  }, 300_000);
});
