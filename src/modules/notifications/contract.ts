import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';

// Shared by the routes and the web client: the API's types are written once, here.

/** How a person is mailed about what waits for them: each at once, one digest a day, or not at all. */
export const MAIL_MODES = ['each', 'daily', 'none'] as const;
export type MailMode = (typeof MAIL_MODES)[number];
/** Fewer mails by default: a person who wants each at once says so on their account page. */
export const DEFAULT_MAIL_MODE: MailMode = 'daily';

/** What a notification shows without reading the document again. */
export const notificationDetails = z.object({
  /** The document's number or name ("F-2026-0042", "Boulangerie du Parc"). */
  label: z.string().nullable(),
  amountCents: z.number().int().nullable(),
  /** Who acted, as people know them; null for the system itself. */
  actorName: z.string().nullable(),
});
export type NotificationDetails = z.infer<typeof notificationDetails>;

export const notificationView = z.object({
  id: z.uuid(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  details: notificationDetails,
  createdAt: z.date(),
  readAt: z.date().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationsQuery = pageQuery.extend({
  unread: z.enum(['true', 'false']).optional().describe('true: only the unread ones'),
});
export type NotificationsQuery = z.infer<typeof notificationsQuery>;

export const notificationIdParams = z.object({ id: z.uuid() });

export const unreadCount = z.object({ unread: z.number().int().min(0) });
export type UnreadCount = z.infer<typeof unreadCount>;

export const readAllResult = z.object({ marked: z.number().int().min(0) });

export const notificationPreference = z.object({ mailMode: z.enum(MAIL_MODES) });
export type NotificationPreference = z.infer<typeof notificationPreference>;
