import { and, eq, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { activityScopeOf, whereInScope, type ActivityScope, type Viewer } from '../activities/index.js';
import { invoiceErrors } from './errors.js';
import { invoices, type InvoiceRow } from './schema.js';

export type { Viewer };

/** The invoices a scope sees (see `activityScopeOf`), as a condition on `invoices`; null when it sees none. */
export function visibleInvoices(coopId: string, scope: ActivityScope): SQL | null {
  return whereInScope(scope, eq(invoices.coopId, coopId), invoices.activityId);
}

/**
 * The invoice if the person may see it, locked for the rest of the transaction when `lock`
 * (a validation, an edit and a credit note on one invoice take turns). 404 otherwise,
 * whether it belongs to another cooperative or to another member.
 */
export async function visibleInvoice(db: Executor, viewer: Viewer, id: string, opts: { lock?: boolean } = {}): Promise<InvoiceRow> {
  const visible = visibleInvoices(viewer.coopId, await activityScopeOf(db, viewer));
  if (!visible) throw invoiceErrors.INVOICE_NOT_FOUND();
  const query = db.select().from(invoices).where(and(visible, eq(invoices.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw invoiceErrors.INVOICE_NOT_FOUND();
  return row;
}
