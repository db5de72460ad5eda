// Community events: co-lunches, workshops, meetups, open days; registrations with a waiting
// list, reminders, attendance, and the themes members propose and vote for. The composition
// root mounts the routes and registers the reminder job.
export { eventRoutes } from './routes.js';
export { SEND_EVENT_REMINDER } from './registration-mails.js';
export { sendEventReminderJob } from './send-event-reminder.js';
export { createEvent } from './create-event.js';
export { registerForEvent } from './register-for-event.js';
export { markAttendance } from './mark-attendance.js';
export { proposeTheme } from './propose-theme.js';
export { voteForTheme } from './vote-for-theme.js';
