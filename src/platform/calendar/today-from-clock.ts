import { todayInFrance } from './today-in-france.js';

/**
 * Today in France by the server's clock: the one clock read, at the edge (routes, schedulers).
 * Rules below take the day as an argument, so that a test or a replay can pick it.
 */
export function todayFromClock(): string {
  return todayInFrance(new Date());
}
