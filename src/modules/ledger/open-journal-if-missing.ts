import { recordAudit, type AuditActor } from '../../platform/audit/record-audit.js';
import type { Executor } from '../../platform/db/client.js';
import { journals } from './schema.js';

/** Opens a journal the first time a coop names it (BQ2 for a second bank account); an existing one is left as it is. */
export async function openJournalIfMissing(tx: Executor, actor: AuditActor, code: string, label: string): Promise<void> {
  const created = await tx.insert(journals).values({ coopId: actor.coopId, code, label }).onConflictDoNothing().returning({ code: journals.code });
  if (created.length) await recordAudit(tx, actor, { action: 'journal.created', entityType: 'journal', entityId: code, after: { code, label } });
}
