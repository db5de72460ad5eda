import { and, eq, isNull } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { LIFECYCLE_CODES, type SupplierInvoiceStatus } from './domain/supplier-invoice-lifecycle.js';
import { supplierInvoices, supplierInvoiceStatuses, suppliers } from './schema.js';

/** One lifecycle status of a received invoice, as it goes back to the supplier's platform. */
export interface LifecycleStatusMessage {
  statusId: string;
  coopId: string;
  invoiceNumber: string;
  issueDate: string;
  supplierSiren: string | null;
  supplierName: string;
  code: number;
  label: string;
  reason: string | null;
  at: string;
}

/**
 * The one door to the approved platform (PA) that receives the coop's invoices: each status
 * goes through `send`. No platform is connected yet; an implementation that calls one
 * replaces `storageLifecycleConnector` in server.ts, nothing else changes.
 */
export interface LifecycleConnector {
  /** Where the statuses go, shown on the page. */
  readonly destination: string;
  /** Sends one status; sending the same status twice (a job run again) must be harmless. */
  send(status: LifecycleStatusMessage): Promise<{ sentTo: string }>;
}

/** Writes each status as a JSON file in the platform's storage, under one key per status (a rerun overwrites it). */
export function storageLifecycleConnector(storage: FileStorage): LifecycleConnector {
  return {
    destination: 'files: purchases/lifecycle/',
    async send(status) {
      const key = `purchases/lifecycle/${status.coopId}/${status.statusId}.json`;
      await storage.put(key, Buffer.from(JSON.stringify(status, null, 2)));
      return { sentTo: key };
    },
  };
}

export const SEND_LIFECYCLE_STATUS = 'purchases.send_lifecycle_status';

/** Records a status change of the reform's lifecycle and queues its sending, in the caller's transaction. */
export async function recordLifecycleStatus(tx: Executor, input: { coopId: string; invoiceId: string; status: SupplierInvoiceStatus; reason?: string | null; by: string | null }): Promise<void> {
  const [row] = await tx
    .insert(supplierInvoiceStatuses)
    .values({ coopId: input.coopId, invoiceId: input.invoiceId, status: input.status, code: LIFECYCLE_CODES[input.status].code, reason: input.reason ?? null, by: input.by })
    .returning({ id: supplierInvoiceStatuses.id });
  await enqueueJob(tx, { coopId: input.coopId, kind: SEND_LIFECYCLE_STATUS, payload: { statusId: row!.id } });
}

/** The job: sends one recorded status through the connector, then notes when and where it went. */
export function sendLifecycleStatusJob(db: Db, connector: LifecycleConnector): JobHandler {
  return async (job) => {
    const statusId = String((job.payload as { statusId?: unknown }).statusId ?? '');
    const [row] = await db
      .select({ s: supplierInvoiceStatuses, number: supplierInvoices.number, issueDate: supplierInvoices.issueDate, supplierName: suppliers.name, supplierSiren: suppliers.siren })
      .from(supplierInvoiceStatuses)
      .innerJoin(supplierInvoices, and(eq(supplierInvoices.coopId, supplierInvoiceStatuses.coopId), eq(supplierInvoices.id, supplierInvoiceStatuses.invoiceId)))
      .innerJoin(suppliers, and(eq(suppliers.coopId, supplierInvoices.coopId), eq(suppliers.id, supplierInvoices.supplierId)))
      .where(and(eq(supplierInvoiceStatuses.coopId, job.coopId), eq(supplierInvoiceStatuses.id, statusId)));
    if (!row || row.s.sentAt) return;
    const { sentTo } = await connector.send({
      statusId,
      coopId: job.coopId,
      invoiceNumber: row.number,
      issueDate: row.issueDate,
      supplierSiren: row.supplierSiren,
      supplierName: row.supplierName,
      code: row.s.code,
      label: LIFECYCLE_CODES[row.s.status].label,
      reason: row.s.reason,
      at: row.s.at.toISOString(),
    });
    await db
      .update(supplierInvoiceStatuses)
      .set({ sentAt: new Date(), sentTo })
      .where(and(eq(supplierInvoiceStatuses.coopId, job.coopId), eq(supplierInvoiceStatuses.id, statusId), isNull(supplierInvoiceStatuses.sentAt)));
  };
}
