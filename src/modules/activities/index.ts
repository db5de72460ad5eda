export { activeActivityIds, activityIdsOfMember, activitySummaries, assertActivitiesExist, countActivities, holdersOf, type ActivitySummary } from './activity-lookup.js';
export { activityScopeOf, scopeHolds, whereInScope, type ActivityScope, type Viewer } from './activity-scope-of.js';
export { createActivity, type NewActivity } from './create-activity.js';
export { activityRoutes } from './routes.js';
