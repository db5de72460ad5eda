// The events module's front door: its pages for the route table.
export { default as EventsPage } from './EventsPage';
export { default as EventPage } from './EventPage';
export { default as AttendancePage } from './AttendancePage';
