import type { Executor } from '../db/client.js';
import { passwordResetRequests } from './schema.js';

/**
 * Queues a password reset request for `email`. The same single row is written whether the
 * address opens an account or not, and nothing is looked up: the answer takes the same time
 * either way, so the form cannot be used to learn who has an account. The job runner sends the
 * link (see `sendRequestedResetLinks`).
 */
export async function requestPasswordReset(db: Executor, email: string): Promise<void> {
  await db.insert(passwordResetRequests).values({ email: email.trim().toLowerCase() });
}
