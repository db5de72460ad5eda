import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { mailOutbox, type MailStatus } from './schema.js';

export interface MailDelivery {
  status: MailStatus;
  /** When the mail left; null while it waits or after it failed. */
  sentAt: Date | null;
}

/**
 * Where the given mails stand in the outbox. A screen says "sent" only from this: a mail is
 * queued in the transaction of the act that causes it and leaves later (or never, without
 * SMTP or after five failures), so the act alone proves nothing reached anyone.
 */
export async function mailDeliveries(db: Executor, coopId: string, mailIds: readonly (string | null)[]): Promise<Map<string, MailDelivery>> {
  const ids = [...new Set(mailIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: mailOutbox.id, status: mailOutbox.status, sentAt: mailOutbox.sentAt }).from(mailOutbox).where(and(eq(mailOutbox.coopId, coopId), inArray(mailOutbox.id, ids)));
  return new Map(rows.map((r) => [r.id, { status: r.status, sentAt: r.sentAt }]));
}
