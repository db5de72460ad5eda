import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { mailDeliveries } from '../../platform/mail/mail-deliveries.js';
import type { InvoiceSend } from './contract.js';
import { visibleInvoice, type Viewer } from './invoice-access.js';
import { invoiceSends } from './schema.js';

/** Each time the invoice was mailed, latest first, with whether the mail actually left. */
export async function listInvoiceSends(db: Executor, viewer: Viewer, id: string): Promise<InvoiceSend[]> {
  await visibleInvoice(db, viewer, id);
  const rows = await db
    .select()
    .from(invoiceSends)
    .where(and(eq(invoiceSends.coopId, viewer.coopId), eq(invoiceSends.invoiceId, id)))
    .orderBy(desc(invoiceSends.createdAt));
  const deliveries = await mailDeliveries(db, viewer.coopId, rows.map((r) => r.mailId));
  return rows.map((r) => ({
    id: r.id,
    at: r.createdAt,
    to: r.toAddress,
    cc: r.ccAddress,
    mailStatus: deliveries.get(r.mailId)?.status ?? null,
    mailSentAt: deliveries.get(r.mailId)?.sentAt ?? null,
  }));
}
