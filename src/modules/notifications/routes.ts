import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf } from '../../platform/http/context.js';
import { errorResponses } from '../../platform/http/error-shape.js';
import { pageOf } from '../../platform/http/pagination.js';
import { notificationIdParams, notificationPreference, notificationsQuery, notificationView, readAllResult, unreadCount } from './contract.js';
import { countUnreadNotifications, listNotifications, markAllNotificationsRead, readNotification } from './list-notifications.js';
import { getNotificationPreference, setNotificationPreference } from './notification-preferences.js';

/** Everyone in a coop has notifications of their own; nobody reads another's. */
const EVERYONE = ['admin', 'staff', 'accountant', 'member'] as const;
const tags = ['notifications'];

export async function notificationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = app.deps.database.db;

  app.get(
    '/',
    { config: { access: EVERYONE }, schema: { tags, summary: 'My notifications, newest first', querystring: notificationsQuery, response: { 200: pageOf(notificationView), ...errorResponses } } },
    async (req) => listNotifications(db, actorOf(req), req.query),
  );

  app.get(
    '/unread-count',
    { config: { access: EVERYONE }, schema: { tags, summary: 'How many of my notifications are unread (the bell)', response: { 200: unreadCount, ...errorResponses } } },
    async (req) => ({ unread: await countUnreadNotifications(db, actorOf(req)) }),
  );

  app.post(
    '/read-all',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Mark all my notifications read', response: { 200: readAllResult, ...errorResponses } } },
    async (req) => ({ marked: await markAllNotificationsRead(db, actorOf(req)) }),
  );

  app.post(
    '/:id/read',
    { config: { access: EVERYONE }, schema: { tags, summary: 'Open one of my notifications: it is marked read (404 for anyone else\'s)', params: notificationIdParams, response: { 200: notificationView, ...errorResponses } } },
    async (req) => readNotification(db, actorOf(req), req.params.id),
  );

  app.get(
    '/preferences',
    { config: { access: EVERYONE }, schema: { tags, summary: 'How I am mailed about my notifications in this coop', response: { 200: notificationPreference, ...errorResponses } } },
    async (req) => getNotificationPreference(db, actorOf(req)),
  );

  app.put(
    '/preferences',
    {
      config: { access: EVERYONE },
      schema: { tags, summary: 'Choose how I am mailed: each notification at once, a daily digest, or none', body: notificationPreference, response: { 200: notificationPreference, ...errorResponses } },
    },
    async (req) => setNotificationPreference(db, actorOf(req), req.body),
  );
}
