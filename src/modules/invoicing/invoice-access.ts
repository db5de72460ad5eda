import { and, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { activityIdsOfMember } from '../activities/index.js';
import { memberIdOfUser } from '../members/index.js';
import { invoiceErrors } from './errors.js';
import { invoices, type InvoiceRow } from './schema.js';

export type Viewer = Pick<Actor, 'coopId' | 'userId' | 'roles'>;

/**
 * The activities whose invoices a person sees: all for the coop's team, for a member the
 * activities they hold (another member's business is not theirs to read).
 */
export async function invoiceScopeOf(db: Executor, viewer: Viewer): Promise<'all' | string[]> {
  if (isStaff(viewer)) return 'all';
  const memberId = await memberIdOfUser(db, viewer.coopId, viewer.userId);
  return memberId ? activityIdsOfMember(db, viewer.coopId, memberId) : [];
}

/** The invoices a scope sees, as a condition on `invoices`; null when it sees none. */
export function visibleInvoices(coopId: string, scope: 'all' | string[]): SQL | null {
  const inCoop = eq(invoices.coopId, coopId);
  if (scope === 'all') return inCoop;
  if (scope.length === 0) return null;
  return and(inCoop, inArray(invoices.activityId, scope))!;
}

/**
 * The invoice if the person may see it, locked for the rest of the transaction when `lock`
 * (a validation, an edit and a credit note on one invoice take turns). 404 otherwise,
 * whether it belongs to another cooperative or to another member.
 */
export async function visibleInvoice(db: Executor, viewer: Viewer, id: string, opts: { lock?: boolean } = {}): Promise<InvoiceRow> {
  const visible = visibleInvoices(viewer.coopId, await invoiceScopeOf(db, viewer));
  if (!visible) throw invoiceErrors.INVOICE_NOT_FOUND();
  const query = db.select().from(invoices).where(and(visible, eq(invoices.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw invoiceErrors.INVOICE_NOT_FOUND();
  return row;
}
