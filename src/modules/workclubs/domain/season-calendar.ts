import { addDays } from '../../../platform/calendar/index.js';

/** A workclub runs 45 days: long enough to move a project, short enough to keep the pace. */
export const SEASON_DAYS = 45;
/** Sessions every two weeks: the rhythm that lets each person act between meetings. */
export const SESSION_INTERVAL_DAYS = 14;

export type SessionKind = 'kickoff' | 'work' | 'review';
export interface PlannedSession {
  date: string;
  kind: SessionKind;
}

/** The default end of a season that starts on `startsOn`: 45 days later. */
export const defaultSeasonEnd = (startsOn: string) => addDays(startsOn, SEASON_DAYS);

/**
 * The sessions proposed to a group: a kickoff on the first day, a working session every
 * 14 days after it as long as it falls at least 7 days before the end (a session the week of
 * the review would have nothing new to report), and the closing review on the last day.
 * For 45 days: days 0, 14, 28 and 45.
 */
export function proposeSessionDates(startsOn: string, endsOn: string): PlannedSession[] {
  if (endsOn <= startsOn) return [{ date: startsOn, kind: 'kickoff' }];
  const out: PlannedSession[] = [{ date: startsOn, kind: 'kickoff' }];
  const lastWork = addDays(endsOn, -7);
  for (let d = addDays(startsOn, SESSION_INTERVAL_DAYS); d <= lastWork; d = addDays(d, SESSION_INTERVAL_DAYS)) out.push({ date: d, kind: 'work' });
  out.push({ date: endsOn, kind: 'review' });
  return out;
}
