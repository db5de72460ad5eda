import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { checkEventFields } from './check-event-fields.js';
import type { CreateEventInput } from './contract.js';
import { eventThemeProposals, events, type EventRow } from './schema.js';

/** Staff schedule an event; one answering a members' theme proposal marks it scheduled. */
export async function createEvent(db: Db, actor: Actor, input: CreateEventInput): Promise<EventRow> {
  const fields = {
    hostMemberId: input.hostMemberId ?? null,
    hostName: input.hostName || null,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    registrationDeadline: input.registrationDeadline ?? null,
    proposalId: input.proposalId ?? null,
  };
  await checkEventFields(db, actor.coopId, fields);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({ coopId: actor.coopId, kind: input.kind, title: input.title, theme: input.theme || null, description: input.description || null, place: input.place || null, onlineUrl: input.onlineUrl || null, capacity: input.capacity ?? null, createdBy: actor.userId, ...fields })
      .returning();
    if (fields.proposalId) await tx.update(eventThemeProposals).set({ status: 'scheduled' }).where(and(eq(eventThemeProposals.coopId, actor.coopId), eq(eventThemeProposals.id, fields.proposalId)));
    await recordAudit(tx, actor, { action: 'event.created', entityType: 'event', entityId: row!.id, after: { kind: row!.kind, title: row!.title, startsAt: row!.startsAt.toISOString(), capacity: row!.capacity } });
    return row!;
  });
}
