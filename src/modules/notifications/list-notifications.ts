import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { offsetOf, type Page } from '../../platform/http/pagination.js';
import type { NotificationsQuery, NotificationView } from './contract.js';
import { notificationErrors } from './errors.js';
import { notifications } from './schema.js';

const view = {
  id: notifications.id,
  action: notifications.action,
  entityType: notifications.entityType,
  entityId: notifications.entityId,
  details: notifications.details,
  createdAt: notifications.createdAt,
  readAt: notifications.readAt,
};

/** A person reads their own notifications only, in the coop they act in: the one scope of this module. */
const mine = (actor: Pick<Actor, 'coopId' | 'userId'>) => and(eq(notifications.coopId, actor.coopId), eq(notifications.userId, actor.userId));

/** My notifications, newest first. */
export async function listNotifications(db: Executor, actor: Actor, query: NotificationsQuery): Promise<Page<NotificationView>> {
  const where = query.unread === 'true' ? and(mine(actor), isNull(notifications.readAt)) : mine(actor);
  const [items, [total]] = await Promise.all([
    db.select(view).from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(query.pageSize).offset(offsetOf(query)),
    db.select({ n: count() }).from(notifications).where(where),
  ]);
  return { items, total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function countUnreadNotifications(db: Executor, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Opens one of my notifications and marks it read (reading it again keeps the first time). */
export async function readNotification(db: Executor, actor: Actor, id: string): Promise<NotificationView> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(actor), eq(notifications.id, id), isNull(notifications.readAt)))
    .returning(view);
  if (row) return row;
  const [already] = await db.select(view).from(notifications).where(and(mine(actor), eq(notifications.id, id)));
  if (!already) throw notificationErrors.NOTIFICATION_NOT_FOUND();
  return already;
}

export async function markAllNotificationsRead(db: Executor, actor: Actor): Promise<number> {
  const rows = await db.update(notifications).set({ readAt: new Date() }).where(and(mine(actor), isNull(notifications.readAt))).returning({ id: notifications.id });
  return rows.length;
}
