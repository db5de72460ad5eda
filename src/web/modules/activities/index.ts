// The activities module's front door: its pages for the route table, and what other modules show.
export { default as ActivitiesPage } from './ActivitiesPage';
export { default as ActivityDetailPage } from './ActivityDetailPage';
export { ActivityStatusBadge } from './ActivityStatusBadge';
export { useActivities, useActivityOptions, useMemberOptions } from './use-activities';
