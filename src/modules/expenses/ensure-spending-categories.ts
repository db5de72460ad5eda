import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { defaultSpendingCategories } from './domain/default-categories.js';
import { spendingCategories } from './schema.js';

/**
 * Gives a coop the default categories the first time it needs them (a coop created after
 * migration 0041; the migration seeded the others). Categories are never deleted, so a coop
 * with none has never been seeded; once it has some, they are the coop's and left alone.
 * Idempotent by the (coop, code) unique key: two first readers at once insert once.
 */
export async function ensureSpendingCategories(tx: Executor, coopId: string): Promise<void> {
  const [any] = await tx.select({ id: spendingCategories.id }).from(spendingCategories).where(eq(spendingCategories.coopId, coopId)).limit(1);
  if (any) return;
  await tx
    .insert(spendingCategories)
    .values(defaultSpendingCategories().map((c) => ({ coopId, ...c })))
    .onConflictDoNothing();
}
