// Workclubs: seasons, applications, groups that mix trades, sessions, goals, progress and
// reviews; partner-company guests reach their group by a signed link. The composition root
// mounts the two route plugins.
export { workclubGuestRoutes, workclubRoutes } from './routes.js';
