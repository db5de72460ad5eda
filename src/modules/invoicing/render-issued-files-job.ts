import type { Db, Executor } from '../../platform/db/client.js';
import type { FileStorage } from '../../platform/files/storage.js';
import { enqueueJob } from '../../platform/jobs/enqueue-job.js';
import type { JobHandler } from '../../platform/jobs/run-due-jobs.js';
import { issueInvoiceFiles, type FilesLog } from './issue-invoice-files.js';

export const RENDER_ISSUED_FILES = 'invoicing.render_issued_files';

/**
 * Queues the rendering of an issued document's PDF/A-3 and XML in the transaction that
 * issues it. The render itself runs after the commit, outside the series lock, and a crash
 * between the commit and the render leaves this job for the next start, never a document
 * without its files (or with half of them).
 */
export async function enqueueIssuedFilesRender(tx: Executor, actor: { coopId: string; userId: string | null }, invoiceId: string): Promise<void> {
  await enqueueJob(tx, { coopId: actor.coopId, kind: RENDER_ISSUED_FILES, payload: { invoiceId, requestedBy: actor.userId } });
}

/** The handler of that job, for the composition root to register. Idempotent like issueInvoiceFiles. */
export function renderIssuedFilesJob(db: Db, storage: FileStorage, log: FilesLog): JobHandler {
  return async (job) => {
    const { invoiceId, requestedBy } = job.payload as { invoiceId: string; requestedBy: string | null };
    await issueInvoiceFiles(db, storage, { coopId: job.coopId, userId: requestedBy }, invoiceId, log);
  };
}
