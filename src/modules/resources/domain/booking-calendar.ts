import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

dayjs.extend(utc);
dayjs.extend(timezone);

/** One booking as a calendar shows it; the caller has already hidden what the reader may not see. */
export interface CalendarBooking {
  bookingId: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  startsAt: Date;
  endsAt: Date;
  /** The site's time zone (IANA): the booking is shown at the wall-clock time of the place. */
  timeZone: string;
  cancelled: boolean;
  /** RFC 5545 SEQUENCE: a calendar replaces an event only by a higher one (0 booked, 1 cancelled). */
  sequence: number;
  updatedAt: Date;
}

/**
 * The UID of a booking, the same in the feed and in every mail, so that a calendar that
 * imported the invitation updates that event (and a CANCEL removes it) instead of adding one.
 */
export const bookingUid = (bookingId: string): string => `booking-${bookingId}@mutualise.coop`;

/**
 * Times are written in the site's zone with its VTIMEZONE: a calendar then shows 09:00 on
 * the last Sunday of March as 09:00, whatever the reader's own zone. ical-generator reads a
 * zoned dayjs as wall-clock time in that zone (a plain Date would be written as UTC wall-clock
 * under the TZID, one or two hours off).
 */
function addEvents(cal: ICalCalendar, bookings: readonly CalendarBooking[], now: Date): void {
  // No calendar-wide zone: with one, ical-generator writes DTSTAMP and LAST-MODIFIED as
  // floating local times, which RFC 5545 forbids (they must be UTC). Each event names its
  // site's zone, and the generator adds one VTIMEZONE per zone the events use.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  for (const b of bookings) {
    cal.createEvent({
      id: bookingUid(b.bookingId),
      start: dayjs(b.startsAt).tz(b.timeZone),
      end: dayjs(b.endsAt).tz(b.timeZone),
      timezone: b.timeZone,
      stamp: dayjs(now).utc(),
      lastModified: dayjs(b.updatedAt).utc(),
      sequence: b.sequence,
      summary: b.summary,
      description: b.description ?? null,
      location: b.location ?? null,
      status: b.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
}

/** A subscription feed (a member's or a resource's bookings): PUBLISH, refreshed by the client. */
export function buildBookingFeed(input: { name: string; bookings: readonly CalendarBooking[]; now: Date }): string {
  const cal = new ICalCalendar({ name: input.name, prodId: { company: 'Mutualise', product: 'resources', language: 'FR' }, method: ICalCalendarMethod.PUBLISH, ttl: 60 * 15 });
  addEvents(cal, input.bookings, input.now);
  return cal.toString();
}

/**
 * The `.ics` a booking mail carries: REQUEST when it is booked, CANCEL when it is cancelled
 * (RFC 5546 iTIP), so a mail client adds the event then removes it. A weekly series is one
 * file with one event per date (each its booking's UID, so each can be cancelled alone).
 */
export function buildBookingInvitation(input: { bookings: readonly CalendarBooking[]; organizerEmail: string; organizerName: string; now: Date }): string {
  const method = input.bookings.every((b) => b.cancelled) ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
  const cal = new ICalCalendar({ prodId: { company: 'Mutualise', product: 'resources', language: 'FR' }, method });
  addEvents(cal, input.bookings, input.now);
  for (const e of cal.events()) e.organizer({ name: input.organizerName, email: input.organizerEmail });
  return cal.toString();
}
