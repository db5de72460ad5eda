export { addDays, addMonths, assertIsoDay, daysBetween, endOfMonth, isIsoDay, yearOf } from './calendar-days.js';
export { todayFromClock } from './today-from-clock.js';
export { FRANCE_TIME_ZONE, todayInFrance } from './today-in-france.js';
