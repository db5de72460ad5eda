import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import { sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { openAccountIfMissing } from '../ledger/index.js';
import type { CreateSpendingCategoryBody, SpendingCategory, UpdateSpendingCategoryBody } from './contract.js';
import { expensesErrors } from './errors.js';
import { spendingCategoryView } from './list-spending-categories.js';
import { spendingCategories } from './schema.js';

/**
 * The team adds a category. Its account is opened in the chart when the coop does not have it
 * yet (the chart only holds what the coop uses), named after the category.
 */
export async function createSpendingCategory(db: Db, actor: Actor, body: Required<CreateSpendingCategoryBody>): Promise<SpendingCategory> {
  try {
    return await db.transaction(async (tx) => {
      await openAccountIfMissing(tx, actor, body.account, body.labelFr);
      const [row] = await tx
        .insert(spendingCategories)
        .values({ coopId: actor.coopId, ...body })
        .returning();
      await recordAudit(tx, actor, { action: 'spending_category.created', entityType: 'spending_category', entityId: row!.id, after: row });
      return spendingCategoryView(row!);
    });
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw expensesErrors.SPENDING_CATEGORY_DUPLICATE([{ path: 'code', message: expensesErrors.SPENDING_CATEGORY_DUPLICATE().text }]);
    throw err;
  }
}

/**
 * The team renames, reassigns, flags or deactivates a category. Documents already validated
 * keep the entries they posted; the change reaches the next validations.
 */
export async function updateSpendingCategory(db: Db, actor: Actor, id: string, patch: UpdateSpendingCategoryBody): Promise<SpendingCategory> {
  return db.transaction(async (tx) => {
    const where = and(eq(spendingCategories.coopId, actor.coopId), eq(spendingCategories.id, id));
    const [before] = await tx.select().from(spendingCategories).where(where).for('update');
    if (!before) throw expensesErrors.SPENDING_CATEGORY_NOT_FOUND();
    if (patch.account) await openAccountIfMissing(tx, actor, patch.account, patch.labelFr ?? before.labelFr);
    const [after] = await tx
      .update(spendingCategories)
      .set({ ...patch, updatedAt: new Date() })
      .where(where)
      .returning();
    await recordAudit(tx, actor, { action: 'spending_category.updated', entityType: 'spending_category', entityId: id, before, after });
    return spendingCategoryView(after!);
  });
}
