// Workclubs: seasons, applications, groups that mix trades, sessions, goals, progress and
// reviews; partner-company guests reach their group by a signed link. The composition root
// mounts the two route plugins; the demo seed runs a season through the same operations.
export { workclubGuestRoutes, workclubRoutes } from './routes.js';
export { openSeason } from './open-season.js';
export { applyToSeason } from './apply-to-season.js';
export { inviteExternal } from './invite-external.js';
export { proposeSeasonGroups } from './propose-season-groups.js';
export { confirmGroups } from './confirm-groups.js';
export { scheduleSession } from './schedule-session.js';
export { rescheduleSession } from './reschedule-session.js';
export { reportProgress, setGoal, updateGoal } from './work-in-group.js';
export { getGroup } from './get-group.js';
