import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { SpendingCategory } from './contract.js';
import { spendingCategoryView } from './list-spending-categories.js';
import { spendingCategories } from './schema.js';

/** One category of the coop, active or not (a document keeps the one it was filed under); null when the coop has none by that id. */
export async function spendingCategoryOf(db: Executor, coopId: string, id: string): Promise<SpendingCategory | null> {
  const [row] = await db
    .select()
    .from(spendingCategories)
    .where(and(eq(spendingCategories.coopId, coopId), eq(spendingCategories.id, id)));
  return row ? spendingCategoryView(row) : null;
}
