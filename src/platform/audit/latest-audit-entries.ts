import { desc, eq } from 'drizzle-orm';
import { users } from '../auth/schema.js';
import type { Executor } from '../db/client.js';
import { auditLog, type AuditChanges } from './schema.js';

export interface LatestAuditEntry {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  changes: AuditChanges;
}

/** The most recent audit records of a cooperative, newest first, with the name of who acted. */
export async function latestAuditEntries(db: Executor, coopId: string, limit: number): Promise<LatestAuditEntry[]> {
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.displayName,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      changes: auditLog.changes,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(eq(auditLog.coopId, coopId))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(limit);
  return rows;
}
