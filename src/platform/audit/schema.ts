import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { coopId, rowId } from '../db/columns.js';

export type AuditChanges = Record<string, { before: unknown; after: unknown }>;

/**
 * Who changed what, when. Append-only: a trigger (migration) refuses UPDATE and DELETE, so
 * the application cannot rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: rowId(),
    coopId: coopId(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Null for the system itself (seed, scheduler). */
    actorUserId: uuid(),
    action: varchar({ length: 64 }).notNull(),
    entityType: varchar({ length: 64 }).notNull(),
    entityId: text().notNull(),
    changes: jsonb().$type<AuditChanges>().notNull(),
    ip: varchar({ length: 64 }),
  },
  (t) => [
    primaryKey({ columns: [t.coopId, t.id] }),
    index('audit_log_coop_at_idx').on(t.coopId, t.at),
    index('audit_log_coop_entity_idx').on(t.coopId, t.entityType, t.entityId),
  ],
);
