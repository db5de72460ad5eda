import type { Db } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { announceSession, type SessionMailDeps } from './announce-session.js';
import type { Session } from './contract.js';
import { mayWorkIn } from './domain/workclub-states.js';
import { workclubErrors } from './errors.js';
import { workclubSessions } from './schema.js';
import { groupFor, isUniqueViolation } from './workclub-access.js';

export const SESSION_TAKEN = { fr: 'Une séance de ce groupe commence déjà à cette heure.', en: 'A session of this group already starts at this time.' };

/**
 * Staff schedule a session of a group (a room or a video link); two sessions of a group never
 * start at the same time (a unique key). Every participant is mailed the group's calendar in
 * the same transaction.
 */
export async function scheduleSession(db: Db, deps: SessionMailDeps | null, actor: Actor, groupId: string, body: { startsAt: string; durationMinutes: number; place: string }): Promise<Session> {
  try {
    return await db.transaction(async (tx) => {
      const { group } = await groupFor(tx, { coopId: actor.coopId, team: true }, groupId, { lock: true });
      if (!mayWorkIn(group)) throw workclubErrors.GROUP_CLOSED();
      const [row] = await tx.insert(workclubSessions).values({ coopId: actor.coopId, groupId, startsAt: new Date(body.startsAt), durationMinutes: body.durationMinutes, place: body.place }).returning();
      if (deps) await announceSession(tx, deps, actor.coopId, groupId, { kind: 'scheduled', session: row! });
      return { id: row!.id, startsAt: row!.startsAt, durationMinutes: row!.durationMinutes, place: row!.place };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidField('startsAt', SESSION_TAKEN);
    throw err;
  }
}
