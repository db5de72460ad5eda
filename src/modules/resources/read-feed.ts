import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { memberNames } from '../members/index.js';
import { buildBookingFeed, type CalendarBooking } from './domain/booking-calendar.js';
import { hashFeedToken } from './feed-token.js';
import { listBookingsInRange } from './list-bookings-in-range.js';
import { opsErrors } from './ops-errors.js';
import { resourceFeeds, resources, resourceSettings } from './schema.js';

const DAY = 86_400_000;
/** What a subscribed calendar shows: the last three months and the year ahead. */
const PAST_DAYS = 92;
const AHEAD_DAYS = 366;

/**
 * The iCalendar text of a feed, found by its secret token (no session: calendar apps fetch
 * it alone). A revoked or unknown token is a 404, the same answer for both, so a URL reveals
 * nothing. A resource feed says "Réservé" instead of who booked when the coop hides names:
 * its URL may be pinned on a shared screen or calendar.
 */
export async function readFeed(db: Db, token: string, now: Date): Promise<{ name: string; ics: string }> {
  const [feed] = await db
    .select()
    .from(resourceFeeds)
    .where(and(eq(resourceFeeds.tokenHash, hashFeedToken(token)), isNull(resourceFeeds.revokedAt)))
    .limit(1);
  if (!feed) throw opsErrors.FEED_NOT_FOUND();
  const range = { from: new Date(now.getTime() - PAST_DAYS * DAY), to: new Date(now.getTime() + AHEAD_DAYS * DAY) };
  let name: string;
  let bookings: CalendarBooking[];
  if (feed.resourceId) {
    const [resource] = await db.select({ name: resources.name }).from(resources).where(and(eq(resources.coopId, feed.coopId), eq(resources.id, feed.resourceId)));
    const [settings] = await db.select({ hide: resourceSettings.hideBookerNames }).from(resourceSettings).where(eq(resourceSettings.coopId, feed.coopId));
    const rows = await listBookingsInRange(db, feed.coopId, { ...range, resourceIds: [feed.resourceId] });
    const names = settings?.hide ? new Map<string, string>() : await memberNames(db, feed.coopId, [...new Set(rows.flatMap((r) => (r.memberId ? [r.memberId] : [])))]);
    name = resource?.name ?? 'Ressource';
    bookings = rows.map((r) => ({
      ...calendarFields(r),
      summary: settings?.hide ? 'Réservé' : [r.memberId ? names.get(r.memberId) : null, r.title].filter(Boolean).join(' — ') || 'Réservé',
    }));
  } else {
    const rows = await listBookingsInRange(db, feed.coopId, { ...range, memberId: feed.memberId! });
    name = 'Mes réservations';
    bookings = rows.map((r) => ({ ...calendarFields(r), summary: r.title ? `${r.resourceName} — ${r.title}` : r.resourceName }));
  }
  return { name, ics: buildBookingFeed({ name, bookings, now }) };
}

function calendarFields(r: Awaited<ReturnType<typeof listBookingsInRange>>[number]): Omit<CalendarBooking, 'summary'> {
  return { bookingId: r.id, location: r.siteName, startsAt: r.startsAt, endsAt: r.endsAt, timeZone: r.timeZone, cancelled: false, sequence: 0, updatedAt: r.createdAt };
}
