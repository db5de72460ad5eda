import { and, eq } from 'drizzle-orm';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { FRANCE_TIME_ZONE } from '../../platform/calendar/index.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { computeOccupancy, openMinutesIn } from './domain/occupancy.js';
import { listBookingsInRange } from './list-bookings-in-range.js';
import { resources, resourceSites } from './schema.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Kinds used round the clock (a van is out over the night): their open time is the whole period. */
const ROUND_THE_CLOCK = ['van', 'equipment'];

/**
 * Occupancy of the coop's resources over [from, to] (whole days, in the coop's zone): desks
 * and rooms against their site's opening hours, vans and equipment against the whole period.
 */
export async function getOccupancy(db: Db, actor: Actor, q: { from: string; to: string; siteId?: string }) {
  const from = dayjs.tz(q.from, FRANCE_TIME_ZONE).toDate();
  const to = dayjs.tz(q.to, FRANCE_TIME_ZONE).add(1, 'day').toDate();
  const rows = await db
    .select({ id: resources.id, name: resources.name, kind: resources.kind, siteId: resources.siteId, siteName: resourceSites.name, timeZone: resourceSites.timeZone, hours: resourceSites.openingHours })
    .from(resources)
    .innerJoin(resourceSites, and(eq(resourceSites.coopId, resources.coopId), eq(resourceSites.id, resources.siteId)))
    .where(and(eq(resources.coopId, actor.coopId), eq(resources.active, true), q.siteId ? eq(resources.siteId, q.siteId) : undefined))
    .orderBy(resourceSites.name, resources.name);
  const bookings = await listBookingsInRange(db, actor.coopId, { from, to, siteId: q.siteId });
  const report = computeOccupancy({
    from,
    to,
    timeZone: FRANCE_TIME_ZONE,
    resources: rows.map((r) => ({
      id: r.id,
      name: r.name,
      siteId: r.siteId,
      openMinutes: openMinutesIn({
        from,
        to,
        timeZone: r.timeZone,
        weekly: ROUND_THE_CLOCK.includes(r.kind) || r.hours.length === 0 ? null : r.hours.map((s) => ({ weekday: s.weekday - 1, startMinute: minutes(s.opens), endMinute: minutes(s.closes) })),
      }),
    })),
    bookings: bookings.map((b) => ({ resourceId: b.resourceId, startsAt: b.startsAt, endsAt: b.endsAt, status: b.status, priceCents: b.priceCents })),
  });
  const siteNames = new Map(rows.map((r) => [r.siteId, r.siteName]));
  const kinds = new Map(rows.map((r) => [r.id, r.kind]));
  return {
    from: q.from,
    to: q.to,
    resources: report.resources.map((l) => ({ ...l, kind: kinds.get(l.resourceId) ?? 'custom', siteName: siteNames.get(l.siteId ?? '') ?? '' })),
    sites: report.sites.map((s) => ({ ...s, siteId: s.siteId ?? '', siteName: siteNames.get(s.siteId ?? '') ?? '' })),
    peakHours: report.peakHours,
    totals: report.totals,
  };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The occupancy per resource as CSV (French spreadsheet conventions: `;` and decimal comma). */
export function occupancyCsv(report: Awaited<ReturnType<typeof getOccupancy>>): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[;"\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const hours = (m: number) => (m / 60).toFixed(1).replace('.', ',');
  const lines = [['Site', 'Ressource', 'Heures réservées', 'Heures ouvertes', 'Taux (%)', 'Réservations', 'Absences', 'Chiffre (EUR HT)'].join(';')];
  for (const r of report.resources) {
    lines.push([cell(r.siteName), cell(r.name), hours(r.bookedMinutes), hours(r.openMinutes), (r.ratePerMille / 10).toFixed(1).replace('.', ','), r.bookings, r.noShows, (r.revenueCents / 100).toFixed(2).replace('.', ',')].join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}
