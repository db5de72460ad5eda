import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { announceSession, type SessionMailDeps } from './announce-session.js';
import type { RescheduleSessionBody, Session } from './contract.js';
import { mayWorkIn } from './domain/workclub-states.js';
import { workclubErrors } from './errors.js';
import { SESSION_TAKEN } from './schedule-session.js';
import { workclubSessions } from './schema.js';
import { groupFor, isUniqueViolation } from './workclub-access.js';

/**
 * Staff move a session (time, length or place). Its SEQUENCE grows so that the calendars that
 * imported it replace it (same UID), and every participant is mailed the updated calendar in
 * the same transaction. The group row is locked first, like scheduling, so two changes of one
 * group's sessions run one after the other.
 */
export async function rescheduleSession(db: Db, deps: SessionMailDeps | null, actor: Actor, sessionId: string, body: RescheduleSessionBody): Promise<Session> {
  try {
    return await db.transaction(async (tx) => {
      const [found] = await tx.select({ groupId: workclubSessions.groupId }).from(workclubSessions).where(and(eq(workclubSessions.coopId, actor.coopId), eq(workclubSessions.id, sessionId)));
      if (!found) throw workclubErrors.SESSION_NOT_FOUND();
      const { group } = await groupFor(tx, { coopId: actor.coopId, team: true }, found.groupId, { lock: true });
      if (!mayWorkIn(group)) throw workclubErrors.GROUP_CLOSED();
      const [before] = await tx.select().from(workclubSessions).where(and(eq(workclubSessions.coopId, actor.coopId), eq(workclubSessions.id, sessionId))).for('update');
      if (!before) throw workclubErrors.SESSION_NOT_FOUND();
      const startsAt = body.startsAt !== undefined ? new Date(body.startsAt) : before.startsAt;
      const durationMinutes = body.durationMinutes ?? before.durationMinutes;
      const place = body.place ?? before.place;
      // Nothing changed: no new version, no mail (a double click sends nothing twice).
      if (startsAt.getTime() === before.startsAt.getTime() && durationMinutes === before.durationMinutes && place === before.place) return { id: before.id, startsAt: before.startsAt, durationMinutes, place };
      const [row] = await tx
        .update(workclubSessions)
        .set({ startsAt, durationMinutes, place, sequence: sql`${workclubSessions.sequence} + 1`, updatedAt: new Date() })
        .where(and(eq(workclubSessions.coopId, actor.coopId), eq(workclubSessions.id, sessionId)))
        .returning();
      const moved = startsAt.getTime() !== before.startsAt.getTime();
      if (deps) await announceSession(tx, deps, actor.coopId, found.groupId, { kind: 'rescheduled', session: row!, previousStartsAt: moved ? before.startsAt : null });
      return { id: row!.id, startsAt: row!.startsAt, durationMinutes: row!.durationMinutes, place: row!.place };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidField('startsAt', SESSION_TAKEN);
    throw err;
  }
}
