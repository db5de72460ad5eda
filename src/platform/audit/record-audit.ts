import type { Executor } from '../db/client.js';
import { diffFields } from './diff.js';
import { auditLog } from './schema.js';

export interface AuditActor {
  coopId: string;
  userId: string | null;
  ip?: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  /** Fields whose values must not be written (secrets). */
  omit?: readonly string[];
}

/** Writes one audit record in the caller's transaction, so it commits or rolls back with the change. */
export async function recordAudit(tx: Executor, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    coopId: actor.coopId,
    actorUserId: actor.userId,
    ip: actor.ip ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    changes: diffFields(entry.before ?? null, entry.after ?? null, entry.omit),
  });
}
