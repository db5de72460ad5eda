export { activityIdsOfMember, activitySummaries, assertActivitiesExist, countActivities, type ActivitySummary } from './activity-lookup.js';
export { createActivity, type NewActivity } from './create-activity.js';
export { activityRoutes } from './routes.js';
