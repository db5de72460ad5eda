import { z } from 'zod';
import { pageOf, pageQuery } from '../http/pagination.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const auditEntry = z.object({
  id: z.string(),
  at: z.date(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.string().uuid().optional(),
  action: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

export const auditPage = pageOf(auditEntry);
export type AuditPage = z.infer<typeof auditPage>;
