import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { resourcesErrors } from './errors.js';
import { resources, resourceUnavailabilities } from './schema.js';

type View = { id: string; resourceId: string; startsAt: Date; endsAt: Date; reason: string };
const columns = { id: resourceUnavailabilities.id, resourceId: resourceUnavailabilities.resourceId, startsAt: resourceUnavailabilities.startsAt, endsAt: resourceUnavailabilities.endsAt, reason: resourceUnavailabilities.reason };

/** Periods out of service of resources overlapping [from, to) (the gist index on `during` serves it). */
export async function unavailabilitiesInRange(db: Executor, coopId: string, q: { from: Date; to: Date; resourceIds?: string[] }): Promise<View[]> {
  if (q.resourceIds && q.resourceIds.length === 0) return [];
  return db
    .select(columns)
    .from(resourceUnavailabilities)
    .where(
      and(
        eq(resourceUnavailabilities.coopId, coopId),
        sql`${resourceUnavailabilities.during} && tstzrange(${q.from.toISOString()}::timestamptz, ${q.to.toISOString()}::timestamptz, '[)')`,
        q.resourceIds ? inArray(resourceUnavailabilities.resourceId, q.resourceIds) : undefined,
      ),
    )
    .orderBy(asc(resourceUnavailabilities.startsAt));
}

export async function listUnavailabilities(db: Executor, coopId: string, resourceId: string, from: Date): Promise<View[]> {
  return db
    .select(columns)
    .from(resourceUnavailabilities)
    .where(and(eq(resourceUnavailabilities.coopId, coopId), eq(resourceUnavailabilities.resourceId, resourceId), sql`${resourceUnavailabilities.endsAt} > ${from.toISOString()}::timestamptz`))
    .orderBy(asc(resourceUnavailabilities.startsAt));
}

/**
 * Takes a resource out of service over a period. Bookings already made over it stand (staff
 * see them on the calendar and move them); new bookings over it are refused.
 */
export async function addUnavailability(db: Db, actor: Actor, resourceId: string, body: { startsAt: string; endsAt: string; reason: string }): Promise<View> {
  return db.transaction(async (tx) => {
    const [r] = await tx.select({ id: resources.id }).from(resources).where(and(eq(resources.coopId, actor.coopId), eq(resources.id, resourceId))).for('update');
    if (!r) throw resourcesErrors.RESOURCE_NOT_FOUND();
    const [row] = await tx.insert(resourceUnavailabilities).values({ coopId: actor.coopId, resourceId, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt), reason: body.reason, createdBy: actor.userId }).returning(columns);
    await recordAudit(tx, actor, { action: 'resource.unavailability.add', entityType: 'resource_unavailability', entityId: row!.id, after: { ...row! } });
    return row!;
  });
}

export async function removeUnavailability(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(resourceUnavailabilities).where(and(eq(resourceUnavailabilities.coopId, actor.coopId), eq(resourceUnavailabilities.id, id))).returning(columns);
    if (!row) throw resourcesErrors.UNAVAILABILITY_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'resource.unavailability.remove', entityType: 'resource_unavailability', entityId: id, before: { ...row } });
  });
}
