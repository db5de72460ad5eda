import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityScopeOf, whereInScope } from '../activities/index.js';
import { purchasesErrors } from './errors.js';
import { supplierInvoices, type SupplierInvoiceRow } from './schema.js';

/**
 * The supplier invoices a person may read, by the one scope rule (`activityScopeOf`): the
 * coop's team and accountant all of them, a member those of their activities (never the
 * coop's own purchases, which belong to no activity); null when none.
 */
export async function supplierInvoiceScope(db: Executor, actor: Actor): Promise<SQL | null> {
  const scope = await activityScopeOf(db, actor);
  return whereInScope(scope, eq(supplierInvoices.coopId, actor.coopId), supplierInvoices.activityId);
}

/** The supplier invoice the actor may read; anything else reads as not found. */
export async function visibleSupplierInvoice(db: Executor, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<SupplierInvoiceRow> {
  const scope = await supplierInvoiceScope(db, actor);
  if (!scope) throw purchasesErrors.SUPPLIER_INVOICE_NOT_FOUND();
  const query = db.select().from(supplierInvoices).where(and(scope, eq(supplierInvoices.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw purchasesErrors.SUPPLIER_INVOICE_NOT_FOUND();
  return row;
}
