import { z } from 'zod';
import { pageOf, pageQuery } from '../http/pagination.js';
import type { MailStatus } from './schema.js';

// Shared by the routes and the web client: the API's types are written once, here.

export const OUTBOX_STATUSES = ['queued', 'sent', 'failed'] as const satisfies readonly MailStatus[];

export const outboxMail = z.object({
  id: z.string(),
  toAddress: z.string(),
  ccAddress: z.string().nullable(),
  subject: z.string(),
  textBody: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string() })),
  template: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});
export type OutboxMail = z.infer<typeof outboxMail>;

export const outboxAttachmentParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(99) });

export const outboxQuery = pageQuery.extend({ status: z.enum(OUTBOX_STATUSES).optional(), to: z.string().max(254).optional() });

export const outboxPage = pageOf(outboxMail);
export type OutboxPage = z.infer<typeof outboxPage>;
