import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import ical from 'ical-generator';
import { FRANCE_TIME_ZONE } from '../../platform/calendar/index.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export interface SessionForCalendar {
  id: string;
  startsAt: Date;
  durationMinutes: number;
  place: string;
  sequence: number;
  updatedAt: Date;
}

/**
 * A group's sessions as an iCalendar file, in Paris time with its VTIMEZONE block, so a phone
 * shows 9:30 for a 9:30 session whatever zone it is set to (ical-generator writes a plain Date
 * as its UTC wall time under the TZID: zoned dayjs dates only). The session id is the UID and
 * SEQUENCE grows at each change of the session: importing the file of a mail about a moved
 * session replaces the old one in the calendar instead of doubling it.
 */
export function renderSessionsIcs(group: { name: string; seasonName: string; participantNames: string[] }, sessions: SessionForCalendar[], coopName: string): string {
  const calendar = ical({ name: `Workclub ${group.seasonName} — ${group.name}`, prodId: { company: 'Mutualise', product: 'workclubs', language: 'FR' } });
  calendar.timezone({ name: FRANCE_TIME_ZONE, generator: getVtimezoneComponent });
  for (const s of sessions) {
    const start = dayjs(s.startsAt).tz(FRANCE_TIME_ZONE);
    calendar.createEvent({
      id: `workclub-session-${s.id}`,
      sequence: s.sequence,
      // DTSTAMP is UTC by the RFC: when this version of the session was written.
      stamp: dayjs.utc(s.updatedAt),
      start,
      end: start.add(s.durationMinutes, 'minute'),
      timezone: FRANCE_TIME_ZONE,
      summary: `Workclub ${group.name} — ${group.seasonName}`,
      location: s.place,
      description: `${coopName} · ${group.participantNames.join(', ')}`,
    });
  }
  return calendar.toString();
}

export const sessionsIcsFileName = (groupName: string) =>
  `workclub-${groupName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'groupe'}.ics`;
