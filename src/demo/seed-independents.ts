import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { generateMemberInvoice, jobSharesOf, markMemberInvoicePaid, validateMemberInvoice } from '../modules/independents/index.js';
import { createDraftInvoice, validateInvoice } from '../modules/invoicing/index.js';
import { createJob } from '../modules/jobs/index.js';
import { addMemberDocument } from '../modules/members/index.js';
import { recordPaymentIn } from '../modules/payments/index.js';

export interface DemoIndependentsContext {
  db: Db;
  storage: FileStorage;
  /** The advisor: files the statements, sets the job up, issues its invoice, accepts and pays the members' invoices. */
  advisor: Actor;
  today: string;
  activityIds: ReadonlyMap<string, string>;
  clientIds: ReadonlyMap<string, string>;
  memberIds: ReadonlyMap<string, string>;
}

/** The independents' latest fiscal statements: the revenue their own company declared last year. */
const STATEMENTS = [
  { email: 'nathalie.roux@demo.mutualise.coop', company: 'NR Conseil SARL', revenueCents: 9_600_000 },
  { email: 'julien.fournier@demo.mutualise.coop', company: 'JF Projets EURL', revenueCents: 8_500_000 },
  // Sarah started her company recently: a small revenue, so her work through the coop weighs a lot in it.
  { email: 'sarah.girard@demo.mutualise.coop', company: 'Girard Marketing SAS', revenueCents: 800_000 },
] as const;

async function statementPdf(company: string, year: number, revenueCents: number): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  // Plain digits: the standard font's WinAnsi encoding has no narrow no-break space (fr-FR grouping).
  const euros = `${Math.floor(revenueCents / 100)},${String(revenueCents % 100).padStart(2, '0')}`;
  page.drawText(`${company} - liasse fiscale ${year}`, { x: 50, y: 780, size: 16, font });
  page.drawText(`Chiffre d'affaires de l'exercice : ${euros} EUR`, { x: 50, y: 740, size: 12, font });
  return Buffer.from(await pdf.save());
}

/**
 * The performance-centre model, lived: each independent filed last year's fiscal statement;
 * Nathalie (NR Conseil) and Sarah (Girard Marketing), both independents, work with Camille
 * (entrepreneur-salariée) on Transports Rhône-Alpes Express's transformation plan, brought by
 * Julien; its invoice is issued and paid; each independent's invoice to the coop for their
 * part is generated from the job: Sarah's accepted and paid, Nathalie's waiting for the
 * advisor. Sarah's volume through the coop passes the coop's threshold against her small
 * declared revenue, so she and the advisor are warned, once. (Their monthly fees: seed-fees.)
 */
export async function seedDemoIndependents(ctx: DemoIndependentsContext): Promise<void> {
  const { db, storage, advisor, today } = ctx;
  const year = Number(today.slice(0, 4)) - 1;
  const memberId = (email: string) => ctx.memberIds.get(email)!;
  for (const s of STATEMENTS) {
    await addMemberDocument(
      db,
      storage,
      advisor,
      memberId(s.email),
      { kind: 'fiscal_statement', title: `Liasse fiscale ${year}`, year, declaredRevenueCents: s.revenueCents },
      { fileName: `liasse-${year}.pdf`, contentType: 'application/pdf', bytes: await statementPdf(s.company, year, s.revenueCents) },
    );
  }

  const clientId = ctx.clientIds.get('Transports Rhône-Alpes Express')!;
  const nr = ctx.activityIds.get('NR-CONSEIL')!;
  const girard = ctx.activityIds.get('GIRARD-MKT')!;
  const { id: jobId } = await createJob(db, advisor, {
    clientId,
    title: 'Plan de transformation et lancement de la nouvelle offre',
    description: 'Conduite du changement (NR Conseil), campagne de lancement (Girard Marketing), supports graphiques (Camille Martin).',
    bringerMemberId: memberId('julien.fournier@demo.mutualise.coop'),
    bringerActivityId: ctx.activityIds.get('JF-PROJETS')!,
    marginRateBp: 1000,
    participants: [
      { activityId: nr, shareBp: 5000 },
      { activityId: girard, shareBp: 3000 },
      { activityId: ctx.activityIds.get('CAMILLE-GRAPHISME')!, shareBp: 2000 },
    ],
  });
  const { id: invoiceId } = await createDraftInvoice(db, advisor, {
    kind: 'invoice',
    activityId: nr,
    clientId,
    jobId,
    serviceDate: today,
    operationCategory: 'services',
    lines: [
      { description: 'Conduite du changement : ateliers et accompagnement des équipes', quantityMilli: 12_000, unit: 'DAY', unitPriceCents: 100_000, vatCategory: 'S', vatRateBp: 2000 },
      { description: 'Campagne de lancement et supports graphiques', quantityMilli: 1000, unit: 'C62', unitPriceCents: 800_000, vatCategory: 'S', vatRateBp: 2000 },
    ],
  });
  await validateInvoice(db, advisor, invoiceId, today);
  // 20,000.00 € HT, 24,000.00 € TTC, paid by transfer.
  await recordPaymentIn(db, advisor, { clientId, date: today, amountCents: 2_400_000, mode: 'transfer', reference: 'VIR TRA EXPRESS PLAN TRANSFO', allocations: [{ invoiceId, amountCents: 2_400_000 }] });

  // Each independent invoices the coop for their part of the job as issued: their revenue,
  // less the bringer's commission and the coop's contribution their activity bears.
  // The same figure the member's form offers (`jobSharesOf`): one rule.
  const partOf = async (activityId: string) => (await jobSharesOf(db, advisor.coopId, { activityIds: [activityId], jobId }))[0]!.leftCents;
  const sarah = await generateMemberInvoice(
    db,
    storage,
    advisor,
    { memberId: memberId('sarah.girard@demo.mutualise.coop'), activityId: girard, jobId, netCents: await partOf(girard), vatRegime: 'standard', vatRateBp: 2000, vatNumber: 'FR23845123785', iban: 'FR7630004000031234567890143', serviceDate: today, description: 'Campagne de lancement de la nouvelle offre de Transports Rhône-Alpes Express' },
    today,
  );
  // Accepting it runs the independence check: Sarah's volume passes the threshold, one warning.
  await validateMemberInvoice(db, advisor, sarah.id, today);
  await markMemberInvoicePaid(db, advisor, sarah.id, { paidOn: today, reference: `VIR ${sarah.number}` }, today);
  await generateMemberInvoice(
    db,
    storage,
    advisor,
    { memberId: memberId('nathalie.roux@demo.mutualise.coop'), activityId: nr, jobId, netCents: await partOf(nr), vatRegime: 'standard', vatRateBp: 2000, vatNumber: 'FR40812345676', iban: 'FR1420041010050500013M02606', serviceDate: today, description: 'Conduite du changement chez Transports Rhône-Alpes Express' },
    today,
  );
}
