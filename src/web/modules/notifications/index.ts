// The notifications module's front door: the header's bell, its pages for the route table.
export { NotificationBell } from './NotificationBell';
export { default as NotificationsPage } from './NotificationsPage';
export { default as OpenNotificationPage } from './OpenNotificationPage';
