// Resource operations on the web: the member's check-in/handover page and the staff occupancy page.
export { default as MyOperationsPage } from './MyOperationsPage';
export { default as OccupancyPage } from './OccupancyPage';
export { HandoverDialog } from './HandoverDetails';
