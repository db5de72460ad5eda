import type { Db } from '../platform/db/client.js';
import type { Actor } from '../platform/http/context.js';
import { createDraftInvoice, validateInvoice } from '../modules/invoicing/index.js';
import { createJob } from '../modules/jobs/index.js';
import { recordPaymentIn } from '../modules/payments/index.js';

export interface DemoJobsContext {
  db: Db;
  /** The advisor who sets the job up and issues its invoice. */
  advisor: Actor;
  today: string;
  activityIds: ReadonlyMap<string, string>;
  clientIds: ReadonlyMap<string, string>;
  memberIds: ReadonlyMap<string, string>;
  /** With the demo's sales: the job's first invoice, issued and paid today. */
  withSales: boolean;
}

/**
 * A shared job, the performance-centre way: Julien Fournier (JF Projets, project direction)
 * brought Studio Lumen's new website; Inès builds it (60 %) and Camille designs it (40 %);
 * the coop keeps a 10 % project margin and Julien earns the coop's 8 % commission. With the
 * sales, its first invoice is issued and paid, so every page of the job has figures (the
 * demo's one partly paid invoice is another story, told by seed-demo-sales).
 */
export async function seedDemoJobs(ctx: DemoJobsContext): Promise<void> {
  const { db, advisor } = ctx;
  const clientId = ctx.clientIds.get('Studio Lumen')!;
  const { id: jobId } = await createJob(db, advisor, {
    clientId,
    title: 'Nouveau site et identité de Studio Lumen',
    description: 'Refonte du site vitrine et de la charte graphique, en deux lots.',
    bringerMemberId: ctx.memberIds.get('julien.fournier@demo.mutualise.coop')!,
    bringerActivityId: ctx.activityIds.get('JF-PROJETS')!,
    marginRateBp: 1000,
    participants: [
      { activityId: ctx.activityIds.get('INES-DEV')!, shareBp: 6000 },
      { activityId: ctx.activityIds.get('CAMILLE-GRAPHISME')!, shareBp: 4000 },
    ],
  });
  if (!ctx.withSales) return;
  const { id } = await createDraftInvoice(db, advisor, {
    kind: 'invoice',
    activityId: ctx.activityIds.get('INES-DEV')!,
    clientId,
    jobId,
    serviceDate: ctx.today,
    operationCategory: 'services',
    lines: [
      { description: 'Lot 1 : maquettes et charte graphique', quantityMilli: 1000, unit: 'C62', unitPriceCents: 320_000, vatCategory: 'S', vatRateBp: 2000 },
      { description: 'Lot 1 : développement des gabarits', quantityMilli: 6000, unit: 'DAY', unitPriceCents: 55_000, vatCategory: 'S', vatRateBp: 2000 },
    ],
  });
  await validateInvoice(db, advisor, id, ctx.today);
  // 6,500.00 € HT, 7,800.00 € TTC, paid on receipt.
  await recordPaymentIn(db, advisor, { clientId, date: ctx.today, amountCents: 780_000, mode: 'transfer', reference: 'VIR STUDIO LUMEN LOT 1', allocations: [{ invoiceId: id, amountCents: 780_000 }] });
}
