import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { SpendingCategory } from './contract.js';
import { ensureSpendingCategories } from './ensure-spending-categories.js';
import { spendingCategories, type SpendingCategoryRow } from './schema.js';

export const spendingCategoryView = (r: SpendingCategoryRow): SpendingCategory => ({
  id: r.id,
  code: r.code,
  labelFr: r.labelFr,
  labelEn: r.labelEn,
  account: r.account,
  inContributionBase: r.inContributionBase,
  active: r.active,
});

/** The coop's spending categories, by label; the inactive ones only when asked (the team's settings). */
export async function listSpendingCategories(db: Db, coopId: string, opts: { includeInactive?: boolean } = {}): Promise<SpendingCategory[]> {
  await db.transaction((tx) => ensureSpendingCategories(tx, coopId));
  const rows = await db
    .select()
    .from(spendingCategories)
    .where(opts.includeInactive ? eq(spendingCategories.coopId, coopId) : and(eq(spendingCategories.coopId, coopId), eq(spendingCategories.active, true)))
    .orderBy(asc(spendingCategories.labelFr));
  return rows.map(spendingCategoryView);
}
