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
  /** How a person reads the record the entry is about: an invoice's number, a client's name; null when it cannot be named (a deleted draft). */
  targetLabel: z.string().nullable(),
  /** The amount and day that tell such records apart (a payment, a bank line), when they have one. */
  targetAmountCents: z.number().int().nullable(),
  targetDate: z.string().nullable(),
  /** Labels of the records the changes name by id (a client, an activity), by id. */
  labels: z.record(z.string(), z.string()),
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
