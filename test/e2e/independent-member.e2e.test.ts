import { and, eq, like } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activities } from '../../src/modules/activities/schema.js';
import { clients } from '../../src/modules/clients/schema.js';
import { coops } from '../../src/modules/coops/schema.js';
import { checkIndependenceOfCoop } from '../../src/modules/independents/index.js';
import { createDraftInvoice, validateInvoice } from '../../src/modules/invoicing/index.js';
import { addMemberDocument } from '../../src/modules/members/index.js';
import { members } from '../../src/modules/members/schema.js';
import { recordPayment } from '../../src/modules/payments/index.js';
import { users } from '../../src/platform/auth/schema.js';
import type { Actor } from '../../src/platform/http/context.js';
import { mailOutbox } from '../../src/platform/mail/schema.js';
import { parisToday } from './support/dates.js';
import { DEMO, type E2E, field, logIn, see, seeNo, seeText, startE2E, watchJourney } from './support/harness.js';

/*
 * The performance-centre model, lived by Julien Fournier (JF Projets, independent, who declared
 * 85 000,00 € of revenue last year in the demo): the advisor declares a job where Julien works
 * with Inès (entrepreneur-salariée), 70 / 30, with a 10 % project margin, and the coop invoices
 * the client 80 000,00 € HT, paid. Julien's part: 80 000 × 90 % × 70 % = 50 400,00 €, less the
 * coop's 10 % contribution = 45 360,00 €, which he invoices the coop. Once the advisor accepts
 * it, his volume through the coop is 53 % of his declared revenue, past the coop's 50 %.
 */
const JULIEN = 'julien.fournier@demo.mutualise.coop';
const CLIENT = 'Biocoop Croix-Rousse';
const TITLE = 'Déploiement du nouveau système de caisse';
const DESCRIPTION = 'Direction du projet de déploiement des caisses Biocoop';
/** The IBAN on Julien's profile, which the invoice form offers. */
const JULIEN_IBAN = 'FR7630004000031234567890143';
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
  // The journeys' demo has its people, not their files: Julien's fiscal statement of last year
  // (85 000,00 € of revenue) is filed here, as the advisor does from his record.
  const [julien] = await db.select({ id: members.id }).from(members).where(and(eq(members.coopId, coop!.id), eq(members.email, JULIEN)));
  await db.update(members).set({ iban: JULIEN_IBAN }).where(eq(members.id, julien!.id));
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('JF Projets EURL - liasse fiscale', { x: 50, y: 780, size: 14, font: await pdf.embedFont(StandardFonts.Helvetica) });
  const year = Number(parisToday().slice(0, 4)) - 1;
  await addMemberDocument(db, e2e.app.deps.storage, staff, julien!.id, { kind: 'fiscal_statement', title: `Liasse fiscale ${year}`, year, declaredRevenueCents: 8_500_000 }, { fileName: 'liasse.pdf', contentType: 'application/pdf', bytes: Buffer.from(await pdf.save()) });
}, 180_000);
afterAll(async () => {
  await e2e?.close();
}, 60_000);
watchJourney('independent-member', () => e2e);

async function chooseOption(page: import('playwright-core').Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

describe('an independent member, the performance-centre way', () => {
  it('works on a job, invoices the coop for their part, is paid, is billed their fee, and is warned once past the threshold', async () => {
    // 1. The advisor declares the job: Julien (independent) with Inès (entrepreneur-salariée).
    const { page: advisor } = await e2e.newPage();
    await logIn(advisor, DEMO.advisor);
    await advisor.getByTestId('nav-jobs').click();
    await advisor.getByTestId('job-new').click();
    await chooseOption(advisor, 'job-client', CLIENT);
    await field(advisor, "Titre de l'affaire").fill(TITLE);
    await advisor.getByTestId('job-margin').fill('10');
    await chooseOption(advisor, 'job-participant-0-activity', /^JF-PROJETS/);
    await advisor.getByTestId('job-participant-0-share').fill('70');
    await advisor.getByTestId('job-add-participant').click();
    await chooseOption(advisor, 'job-participant-1-activity', /^INES-DEV/);
    await advisor.getByTestId('job-participant-1-share').fill('30');
    await advisor.getByTestId('job-save').click();
    await advisor.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const jobId = new URL(advisor.url()).pathname.split('/').pop()!;

    // 2. The coop invoices the client and is paid (the invoicing journeys test those screens).
    const today = parisToday();
    const { id: invoiceId } = await createDraftInvoice(e2e.database.db, staff, {
      kind: 'invoice',
      activityId: activityOf.get('INES-DEV')!,
      clientId,
      jobId,
      serviceDate: today,
      operationCategory: 'services',
      lines: [{ description: 'Déploiement des caisses', quantityMilli: 1000, unit: 'C62', unitPriceCents: 8_000_000, vatCategory: 'S', vatRateBp: 2000 }],
    });
    await validateInvoice(e2e.database.db, staff, invoiceId, today);
    await recordPayment(e2e.database.db, staff, { clientId, date: today, amountCents: 9_600_000, mode: 'transfer', allocations: [{ invoiceId, amountCents: 9_600_000 }] });
    await advisor.reload();
    await seeText(advisor.getByTestId('job-invoiced'), money('80 000,00 €'));

    // 3. Julien sees the job and his part only.
    const { page: julien } = await e2e.newPage();
    await logIn(julien, JULIEN);
    await julien.goto(`/jobs/${jobId}`);
    await seeText(julien.getByTestId('job-split-JF-PROJETS'), money('50 400,00 €'));
    await seeNo(julien.getByTestId('job-split-INES-DEV'));
    // The month's fees are billed (what the monthly run does): Julien, an independent, is billed
    // his; asking twice bills nothing twice. His fees are in his menu, this month's among them.
    await advisor.getByTestId('nav-fees').click();
    await advisor.getByTestId('fees-bill-month').fill(today.slice(0, 7));
    await advisor.getByTestId('fees-bill').click();
    await see(advisor.getByRole('cell', { name: 'Julien Fournier' }).first());
    await advisor.getByTestId('fees-bill').click();
    await julien.getByTestId('nav-fees').click();
    await seeText(julien.getByText(/^\d+ cotisations?$/), '1 cotisation');
    await see(julien.getByRole('cell', { name: today.slice(0, 7) }).first());

    // 4. He has his invoice to the coop written for him, for his part.
    await julien.getByTestId('nav-member-invoices').click();
    await see(julien.getByTestId('independence-card'));
    await seeNo(julien.getByTestId('independence-alert'));
    // He picks the job: his activity, the amount left to invoice (his part less the coop's
    // contribution) and the subject are filled in for him; his IBAN comes from his profile.
    await chooseOption(julien, 'mi-job', /45\s360,00\s€/);
    await expect.poll(() => julien.getByTestId('mi-amount').inputValue(), { timeout: 15_000 }).toBe('45360');
    expect(await julien.getByTestId('mi-activity').inputValue()).toMatch(/^JF-PROJETS/);
    expect(await julien.getByTestId('mi-iban').inputValue()).toBe(JULIEN_IBAN);
    await julien.getByTestId('mi-description').fill(DESCRIPTION);
    await julien.getByTestId('mi-vat-number').fill('FR50798456125');
    await julien.getByTestId('mi-generate').click();
    const row = (page: import('playwright-core').Page) => page.locator('tr[data-testid^="member-invoice-"]', { hasText: DESCRIPTION });
    await seeText(row(julien).getByTestId('member-invoice-status'), 'Reçue');

    // 5. The advisor accepts it and records the transfer.
    await advisor.getByTestId('nav-member-invoices').click();
    await row(advisor).getByTestId('member-invoice-validate').click();
    await seeText(row(advisor).getByTestId('member-invoice-status'), 'Validée');
    await row(advisor).getByTestId('member-invoice-pay').click();
    await advisor.getByTestId('member-invoice-reference').fill('VIR JF PROJETS CAISSES');
    await advisor.getByTestId('member-invoice-pay-submit').click();
    await seeText(row(advisor).getByTestId('member-invoice-status'), 'Payée');

    // 6. Julien sees it paid, and the warning: his volume passed the threshold.
    await julien.reload();
    await seeText(row(julien).getByTestId('member-invoice-status'), 'Payée');
    await see(julien.getByTestId('independence-alert'));
    await seeText(julien.getByTestId('independence-volume'), money('45 360,00 €'));

    // 7. The team sees it on his record.
    const [{ memberId }] = (await e2e.database.db.select({ memberId: members.id }).from(members).where(and(eq(members.coopId, staff.coopId), eq(members.email, JULIEN)))) as [{ memberId: string }];
    await advisor.goto(`/members/${memberId}`);
    await see(advisor.getByTestId('independence-alert'));

    // Once: the daily check finds his alert open and sends nothing more; one mail to Julien,
    // one to his advisor.
    expect(await checkIndependenceOfCoop(e2e.database.db, staff.coopId, today)).toEqual({ opened: 0, cleared: 0 });
    const mails = await e2e.database.db
      .select({ to: mailOutbox.toAddress, template: mailOutbox.template })
      .from(mailOutbox)
      .where(and(eq(mailOutbox.coopId, staff.coopId), like(mailOutbox.template, 'independence.threshold_crossed.%')));
    expect(mails.filter((m) => m.to === JULIEN)).toHaveLength(1);
    expect(mails.filter((m) => m.to === DEMO.advisor && m.template === 'independence.threshold_crossed.staff').length).toBeGreaterThanOrEqual(1);
  });
});
