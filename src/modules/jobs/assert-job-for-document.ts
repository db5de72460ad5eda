import type { Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { AppError } from '../../platform/errors.js';
import { visibleJob } from './job-access.js';

/**
 * Checks that a quote or invoice may be attached to a job (a 400 on `jobId` otherwise): one
 * the person sees, still open, of the document's client (a job is one client's engagement).
 */
export async function assertJobForDocument(tx: Executor, actor: Actor, jobId: string, clientId: string): Promise<void> {
  const unknown = () => invalidField('jobId', { fr: 'Affaire inconnue dans cette coopérative.', en: 'Unknown job in this cooperative.' });
  const { row } = await visibleJob(tx, actor, jobId).catch((err: unknown) => {
    throw err instanceof AppError ? unknown() : err;
  });
  if (row.status !== 'open') throw invalidField('jobId', { fr: 'Cette affaire est close.', en: 'This job is closed.' });
  if (row.clientId !== clientId) throw invalidField('jobId', { fr: "Cette affaire est celle d'un autre client.", en: "This job is another client's." });
}
