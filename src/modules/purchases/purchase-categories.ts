import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import { listSpendingCategories, spendingCategoryOf, type SpendingCategory } from '../expenses/index.js';

/**
 * The category a line read from an e-invoice starts with: the file names no account, and a
 * guess that lowered an activity's contribution unasked would be wrong, so it is the neutral
 * "other supplies" (6068, outside the contribution base), else the first active category.
 * Staff change it before approving.
 */
export async function defaultPurchaseCategory(db: Db, coopId: string): Promise<SpendingCategory | null> {
  const active = await listSpendingCategories(db, coopId);
  return active.find((c) => c.code === 'other_supplies' && !c.inContributionBase) ?? active.find((c) => !c.inContributionBase) ?? active[0] ?? null;
}

/**
 * The categories a set of lines names, each an active category of the coop (a new choice is
 * never filed under a retired one); a 400 naming the line otherwise.
 */
export async function chosenCategories(tx: Executor, coopId: string, lines: readonly { spendingCategoryId: string }[], path: (i: number) => string): Promise<Map<string, SpendingCategory>> {
  const out = new Map<string, SpendingCategory>();
  for (const [i, l] of lines.entries()) {
    const category = out.get(l.spendingCategoryId) ?? (await spendingCategoryOf(tx, coopId, l.spendingCategoryId));
    if (!category || !category.active) throw invalidField(path(i), { fr: 'Catégorie de dépense inconnue ou inactive.', en: 'Unknown or inactive spending category.' });
    out.set(category.id, category);
  }
  return out;
}
