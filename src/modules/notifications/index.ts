export { notificationRoutes } from './routes.js';
export { runNotifications } from './run-notifications.js';
export { fanOutNotifications } from './fan-out-notifications.js';
export { sendNotificationDigests } from './send-notification-digests.js';
