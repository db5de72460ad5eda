import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { clientNames } from '../clients/index.js';
import { memberIdOfUser, memberNames } from '../members/index.js';
import type { Availability } from './contract.js';
import { bookableHours } from './domain/evaluate-booking-rules.js';
import { busyBookingsInRange } from './busy-bookings-in-range.js';
import { listSites } from './manage-sites.js';
import { unavailabilitiesInRange } from './manage-unavailabilities.js';
import { getResourceSettings } from './resource-settings.js';
import { rulesOfResources } from './set-booking-rules.js';
import { resources, resourceSites } from './schema.js';

/**
 * What is busy on each active resource over a period: bookings and unavailabilities (with
 * their reason); the rest inside the hours its rules accept (`bookableHours`) is free. Three range queries served by the gist
 * indexes, whatever the number of resources. Where the coop hides names, a member reads
 * "booked" (no name is sent) except on their own bookings.
 */
export async function getAvailability(db: Executor, actor: Actor, q: { from: Date; to: Date; siteId?: string; resourceId?: string }): Promise<Availability> {
  const list = await activeResources(db, actor.coopId, q);
  if (list.length === 0) return { resources: [] };
  const ids = list.map((r) => r.id);
  const byAll = !q.resourceId && !q.siteId;
  const staff = isStaff(actor) || actor.roles.includes('accountant');
  const [sites, bookings, offs, settings, self, rules] = await Promise.all([
    listSites(db, actor.coopId),
    busyBookingsInRange(db, actor.coopId, { from: q.from, to: q.to, resourceIds: byAll ? undefined : ids }),
    unavailabilitiesInRange(db, actor.coopId, { from: q.from, to: q.to, resourceIds: byAll ? undefined : ids }),
    getResourceSettings(db, actor.coopId),
    staff ? Promise.resolve(null) : memberIdOfUser(db, actor.coopId, actor.userId),
    rulesOfResources(db, actor.coopId, list),
  ]);
  const hide = !staff && settings.hideBookerNames;
  const [mNames, cNames] = await Promise.all([
    memberNames(db, actor.coopId, hide ? (self ? [self] : []) : [...new Set(bookings.flatMap((b) => (b.memberId ? [b.memberId] : [])))]),
    staff ? clientNames(db, actor.coopId, [...new Set(bookings.flatMap((b) => (b.clientId ? [b.clientId] : [])))]) : Promise.resolve(new Map<string, string>()),
  ]);
  const siteOf = new Map(sites.map((s) => [s.id, s]));
  const busyOf = new Map<string, Availability['resources'][number]['busy']>(ids.map((id) => [id, []]));
  for (const b of bookings) {
    const mine = self !== null && b.memberId === self;
    const label = mine ? (mNames.get(b.memberId!) ?? null) : b.memberId ? (hide ? null : (mNames.get(b.memberId) ?? null)) : staff && b.clientId ? (cNames.get(b.clientId) ?? null) : null;
    busyOf.get(b.resourceId)?.push({ type: 'booking', startsAt: b.startsAt, endsAt: b.endsAt, label, bookingId: staff || mine ? b.id : null, mine });
  }
  for (const u of offs) busyOf.get(u.resourceId)?.push({ type: 'unavailable', startsAt: u.startsAt, endsAt: u.endsAt, label: u.reason, bookingId: null, mine: false });
  return {
    resources: list.map((r) => {
      const s = siteOf.get(r.siteId)!;
      // Greyed on the grid: what the resource's rules refuse for the hour alone (none for a van that ignores the office's hours).
      return { ...r, timeZone: s.timeZone, openingHours: s.openingHours, bookableHours: bookableHours(rules.get(r.id) ?? [], s.openingHours), busy: busyOf.get(r.id)!.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) };
    }),
  };
}

/**
 * The grid's rows: the five columns it shows of each active resource, in the catalogue's order
 * (site, kind, name). Not `listResources`: prices, descriptions and photos are not on the grid,
 * and reading them for 500 resources cost as much as the week's bookings.
 */
function activeResources(db: Executor, coopId: string, q: { siteId?: string; resourceId?: string }) {
  const where: (SQL | undefined)[] = [eq(resources.coopId, coopId), eq(resources.active, true), q.siteId ? eq(resources.siteId, q.siteId) : undefined, q.resourceId ? inArray(resources.id, [q.resourceId]) : undefined];
  return db
    .select({ id: resources.id, name: resources.name, kind: resources.kind, siteId: resources.siteId, siteName: resourceSites.name })
    .from(resources)
    .innerJoin(resourceSites, and(eq(resourceSites.coopId, resources.coopId), eq(resourceSites.id, resources.siteId)))
    .where(and(...where))
    .orderBy(asc(resourceSites.name), asc(resources.kind), asc(resources.name));
}
