import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import ical, { ICalEventStatus } from 'ical-generator';
import { FRANCE_TIME_ZONE } from '../../platform/calendar/index.js';
import type { EventRow } from './schema.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * The event as an iCalendar file (RFC 5545). Times are written in Paris local time under
 * TZID=Europe/Paris with its VTIMEZONE, from zoned dayjs dates: ical-generator writes a plain
 * Date as its UTC wall time under the TZID, an hour or two off. The UID is stable per event
 * and SEQUENCE grows at each change, so a calendar that imported it replaces its copy.
 */
export function renderEventIcs(event: EventRow, extra: { hostName: string | null; coopName: string }): string {
  const cal = ical({ prodId: { company: 'mutualise', product: 'events', language: 'FR' }, name: extra.coopName });
  cal.timezone({ name: FRANCE_TIME_ZONE, generator: getVtimezoneComponent });
  const description = [event.theme ? `Thème : ${event.theme}` : null, extra.hostName ? `Animé par ${extra.hostName}` : null, event.description, event.onlineUrl].filter(Boolean).join('\n\n');
  cal.createEvent({
    id: `${event.id}@events.mutualise`,
    sequence: event.sequence,
    // DTSTAMP is UTC by the RFC: the time this version of the event was written.
    stamp: dayjs.utc(event.updatedAt),
    start: dayjs(event.startsAt).tz(FRANCE_TIME_ZONE),
    end: dayjs(event.endsAt).tz(FRANCE_TIME_ZONE),
    timezone: FRANCE_TIME_ZONE,
    summary: event.title,
    description: description || null,
    location: event.place ?? event.onlineUrl ?? null,
    url: event.onlineUrl ?? null,
    status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  return cal.toString();
}

export const icsFileName = (event: Pick<EventRow, 'title' | 'startsAt'>) =>
  `${dayjs(event.startsAt).tz(FRANCE_TIME_ZONE).format('YYYY-MM-DD')}-${event.title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60) || 'evenement'}.ics`;
