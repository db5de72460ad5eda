import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { DEFAULT_MAIL_MODE, type NotificationPreference } from './contract.js';
import { notificationPreferences } from './schema.js';

export async function getNotificationPreference(db: Executor, actor: Actor): Promise<NotificationPreference> {
  const [row] = await db
    .select({ mailMode: notificationPreferences.mailMode })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.coopId, actor.coopId), eq(notificationPreferences.userId, actor.userId)));
  return { mailMode: row?.mailMode ?? DEFAULT_MAIL_MODE };
}

/** How I want to be mailed in this coop; it applies to the notifications written from now on. */
export async function setNotificationPreference(db: Executor, actor: Actor, input: NotificationPreference): Promise<NotificationPreference> {
  await db
    .insert(notificationPreferences)
    .values({ coopId: actor.coopId, userId: actor.userId, mailMode: input.mailMode })
    .onConflictDoUpdate({ target: [notificationPreferences.coopId, notificationPreferences.userId], set: { mailMode: input.mailMode, updatedAt: new Date() } });
  return { mailMode: input.mailMode };
}
