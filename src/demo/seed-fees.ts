import type { Db } from '../platform/db/client.js';
import type { FileStorage } from '../platform/files/storage.js';
import type { Actor } from '../platform/http/context.js';
import { billMonthlyFees, createMandate, listFees, markFeePaid, updateFeeSettings } from '../modules/fees/index.js';

/**
 * The demo's member fees: the coop's creditor identifier, Nathalie Roux (independent) with a
 * signed SEPA mandate, and the fees of this year's last three months billed to the
 * independents and coworkers (each dated the 1st of its month); the oldest month was paid by
 * transfer, the others wait for the next direct debit.
 */
export async function seedDemoFees(ctx: { db: Db; storage: FileStorage; admin: Actor; advisor: Actor; nathalieId: string; today: string }): Promise<void> {
  const { db, storage, admin, advisor, today } = ctx;
  await updateFeeSettings(db, admin, { creditorId: 'FR72ZZZ123456' });
  await createMandate(db, advisor, { memberId: ctx.nathalieId, reference: 'MUT-NRC-0001', debtorName: 'NR Conseil SARL', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPP', signedOn: today }, today);
  const month = Number(today.slice(5, 7));
  const months = [month - 2, month - 1, month].filter((m) => m >= 1).map((m) => `${today.slice(0, 4)}-${String(m).padStart(2, '0')}`);
  for (const m of months) await billMonthlyFees(db, storage, admin, m, m === today.slice(0, 7) ? today : `${m}-01`);
  if (months.length < 2) return;
  const oldest = await listFees(db, admin, { page: 1, pageSize: 100, month: months[0]! });
  for (const fee of oldest.items) await markFeePaid(db, advisor, fee.id, `${months[1]}-05`, today);
}
