import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { memberNames } from '../members/index.js';
import type { BillingItem } from './contract.js';
import { resourceBillingItems } from './schema.js';

/** What a month's runs billed, for the billing page: item by item, and the total. */
export async function listBillingItems(db: Db, coopId: string, month: string): Promise<{ items: BillingItem[]; totalNetCents: number }> {
  const rows = await db
    .select()
    .from(resourceBillingItems)
    .where(and(eq(resourceBillingItems.coopId, coopId), eq(resourceBillingItems.month, month)))
    .orderBy(desc(resourceBillingItems.createdAt))
    .limit(2000);
  const names = await memberNames(db, coopId, [...new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])))]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      sourceKind: r.sourceKind,
      sourceId: r.sourceId,
      month: r.month,
      memberName: r.memberId ? (names.get(r.memberId) ?? null) : null,
      activityId: r.activityId,
      label: r.label,
      netCents: r.netCents,
      vatRateBp: r.vatRateBp,
      mode: r.mode,
      createdAt: r.createdAt.toISOString(),
    })),
    totalNetCents: rows.reduce((s, r) => s + r.netCents, 0),
  };
}
