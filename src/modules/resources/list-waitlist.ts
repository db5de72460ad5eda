import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberIdOfUser, memberNames } from '../members/index.js';
import { opsErrors } from './ops-errors.js';
import { resources, resourceWaitlist } from './schema.js';
import type { WaitlistEntry } from './waitlist-contract.js';

type Filter = ReturnType<typeof eq>;

async function entries(db: Executor, coopId: string, where: Filter[]): Promise<WaitlistEntry[]> {
  const rows = await db
    .select({
      id: resourceWaitlist.id,
      resourceId: resourceWaitlist.resourceId,
      resourceName: resources.name,
      memberId: resourceWaitlist.memberId,
      startsAt: resourceWaitlist.startsAt,
      endsAt: resourceWaitlist.endsAt,
      status: resourceWaitlist.status,
      createdAt: resourceWaitlist.createdAt,
      notifiedAt: resourceWaitlist.notifiedAt,
    })
    .from(resourceWaitlist)
    .innerJoin(resources, and(eq(resources.coopId, resourceWaitlist.coopId), eq(resources.id, resourceWaitlist.resourceId)))
    .where(and(eq(resourceWaitlist.coopId, coopId), ...where))
    .orderBy(asc(resourceWaitlist.startsAt), asc(resourceWaitlist.createdAt), asc(resourceWaitlist.id));
  const names = await memberNames(db, coopId, [...new Set(rows.map((r) => r.memberId))]);
  return rows.map((r) => ({ ...r, memberName: names.get(r.memberId) ?? null }));
}

export async function getWaitlistEntry(db: Executor, coopId: string, id: string): Promise<WaitlistEntry> {
  const [entry] = await entries(db, coopId, [eq(resourceWaitlist.id, id)]);
  if (!entry) throw opsErrors.WAITLIST_NOT_FOUND();
  return entry;
}

/** My waits for slots not yet over: still waiting, or freed (to book before someone else does). */
export async function listMyWaits(db: Executor, actor: Actor, now: Date): Promise<WaitlistEntry[]> {
  const self = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!self) return [];
  return entries(db, actor.coopId, [eq(resourceWaitlist.memberId, self), inArray(resourceWaitlist.status, ['waiting', 'notified']), gt(resourceWaitlist.endsAt, now)]);
}

/** The team's view of who waits for a resource's slots not yet over, in the order they will be told. */
export async function listResourceWaits(db: Executor, actor: Actor, resourceId: string, now: Date): Promise<WaitlistEntry[]> {
  const [r] = await db.select({ id: resources.id }).from(resources).where(and(eq(resources.coopId, actor.coopId), eq(resources.id, resourceId)));
  if (!r) throw opsErrors.RESOURCE_NOT_FOUND();
  return entries(db, actor.coopId, [eq(resourceWaitlist.resourceId, resourceId), inArray(resourceWaitlist.status, ['waiting', 'notified']), gt(resourceWaitlist.endsAt, now)]);
}
