import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import ical from 'ical-generator';
import { FRANCE_TIME_ZONE } from '../../platform/calendar/index.js';
import type { Executor } from '../../platform/db/client.js';
import { getGroup } from './get-group.js';
import type { GroupReader } from './workclub-access.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The group's sessions as an iCalendar file, in Paris time with its VTIMEZONE block, so a
 * phone shows 9:30 for a 9:30 session whatever zone it is set to. Session ids are the UIDs:
 * importing again updates the events instead of doubling them.
 */
export async function groupCalendar(db: Executor, reader: GroupReader, groupId: string, coopName: string): Promise<{ fileName: string; content: string }> {
  const group = await getGroup(db, reader, groupId);
  const calendar = ical({ name: `Workclub ${group.season.name} — ${group.name}`, prodId: { company: 'Mutualise', product: 'workclubs', language: 'FR' } });
  calendar.timezone({ name: FRANCE_TIME_ZONE, generator: getVtimezoneComponent });
  for (const s of group.sessions) {
    const start = dayjs(s.startsAt).tz(FRANCE_TIME_ZONE);
    calendar.createEvent({
      id: `workclub-session-${s.id}`,
      start,
      end: start.add(s.durationMinutes, 'minute'),
      timezone: FRANCE_TIME_ZONE,
      summary: `Workclub ${group.name} — ${group.season.name}`,
      location: s.place,
      description: `${coopName} · ${group.participants.map((p) => p.name).join(', ')}`,
    });
  }
  return { fileName: `workclub-${group.name}.ics`, content: calendar.toString() };
}
