import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { clientNames } from '../clients/index.js';
import { memberNames } from '../members/index.js';
import { BILLING_MODES, type BillingItem, type BillingItemList } from './contract.js';
import { resourceBillingItems } from './schema.js';

/** What a month's runs billed, for the billing page: item by item with its entry or invoice, the total, and the total per mode. */
export async function listBillingItems(db: Db, coopId: string, month: string): Promise<BillingItemList> {
  const rows = await db
    .select()
    .from(resourceBillingItems)
    .where(and(eq(resourceBillingItems.coopId, coopId), eq(resourceBillingItems.month, month)))
    .orderBy(desc(resourceBillingItems.createdAt))
    .limit(2000);
  const names = await memberNames(db, coopId, [...new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])))]);
  const clients = await clientNames(db, coopId, [...new Set(rows.flatMap((r) => (r.clientId ? [r.clientId] : [])))]);
  return {
    items: rows.map((r): BillingItem => ({
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
      clientName: r.clientId ? (clients.get(r.clientId) ?? null) : null,
      entryId: r.entryId,
      documentId: r.documentId,
      documentNumber: r.documentNumber,
      createdAt: r.createdAt.toISOString(),
    })),
    totalNetCents: rows.reduce((s, r) => s + r.netCents, 0),
    byMode: BILLING_MODES.map((mode) => {
      const of = rows.filter((r) => r.mode === mode);
      return { mode, count: of.length, netCents: of.reduce((s, r) => s + r.netCents, 0) };
    }).filter((m) => m.count > 0),
  };
}
