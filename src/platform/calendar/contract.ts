// What the web may use of the calendar: the same pure day arithmetic the server decides with.
// The clock itself (todayFromClock) stays on the server side.
export { addDays, addMonths, daysBetween, endOfMonth, isIsoDay } from './calendar-days.js';
export { FRANCE_TIME_ZONE, todayInFrance } from './today-in-france.js';
