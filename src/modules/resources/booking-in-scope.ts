import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { activityScopeOf, scopeHolds } from '../activities/index.js';
import { opsErrors } from './ops-errors.js';
import { resourceBookings, resources } from './schema.js';

/**
 * A booking with its resource, if the actor may act on it: staff on any of the coop's, a
 * member on those billed to their activities (the one scope rule). Locked when `lock` is set,
 * so a check-in or a handover is decided on the booking as it stands in the transaction.
 * Another's booking is a 404, as if it did not exist.
 */
export async function bookingInScope(tx: Executor, actor: Actor, bookingId: string, lock = false) {
  const q = tx
    .select({ booking: resourceBookings, kind: resources.kind, resourceName: resources.name, siteId: resources.siteId })
    .from(resourceBookings)
    .innerJoin(resources, and(eq(resources.coopId, resourceBookings.coopId), eq(resources.id, resourceBookings.resourceId)))
    .where(and(eq(resourceBookings.coopId, actor.coopId), eq(resourceBookings.id, bookingId)));
  const [row] = lock ? await q.for('update', { of: resourceBookings }) : await q;
  if (!row) throw opsErrors.BOOKING_NOT_FOUND();
  const scope = await activityScopeOf(tx, actor);
  if (!(scope === 'all' || (row.booking.activityId !== null && scopeHolds(scope, row.booking.activityId)))) throw opsErrors.BOOKING_NOT_FOUND();
  return row;
}
