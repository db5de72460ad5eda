import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { workclubErrors } from './errors.js';
import { workclubGroupMembers, workclubGroups, workclubSeasons } from './schema.js';

/**
 * Who reads or writes in a group: the coop's team (any group), a member (only the group they
 * are placed in), or an external participant holding their signed link (only theirs).
 */
export type GroupReader = { coopId: string; team: true } | { coopId: string; team: false; memberId: string } | { coopId: string; team: false; externalParticipantId: string };

export const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return (e.code ?? e.cause?.code) === '23505';
};

/** The reader an authenticated person is: the team, or a member (a person without a member record reads nothing). */
export async function readerOf(db: Executor, actor: Actor): Promise<GroupReader> {
  if (isStaff(actor)) return { coopId: actor.coopId, team: true };
  const memberId = await memberIdOfUser(db, actor.coopId, actor.userId);
  if (!memberId) throw workclubErrors.NOT_A_MEMBER();
  return { coopId: actor.coopId, team: false, memberId };
}

export async function seasonOf(db: Executor, coopId: string, id: string, opts: { lock?: boolean } = {}) {
  const query = db.select().from(workclubSeasons).where(and(eq(workclubSeasons.coopId, coopId), eq(workclubSeasons.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  if (!row) throw workclubErrors.SEASON_NOT_FOUND();
  return row;
}

/**
 * The group and the reader's own participant row in it. A member or external participant
 * who is not in the group gets the same 404 as for a group that does not exist: the page of
 * another group is not theirs to know about.
 */
export async function groupFor(db: Executor, reader: GroupReader, groupId: string, opts: { lock?: boolean } = {}) {
  const query = db.select().from(workclubGroups).where(and(eq(workclubGroups.coopId, reader.coopId), eq(workclubGroups.id, groupId)));
  const [group] = opts.lock ? await query.for('update') : await query;
  if (!group) throw workclubErrors.GROUP_NOT_FOUND();
  if (reader.team) return { group, me: null };
  const person = 'memberId' in reader ? eq(workclubGroupMembers.memberId, reader.memberId) : eq(workclubGroupMembers.externalParticipantId, reader.externalParticipantId);
  const [me] = await db
    .select()
    .from(workclubGroupMembers)
    .where(and(eq(workclubGroupMembers.coopId, reader.coopId), eq(workclubGroupMembers.groupId, groupId), person));
  if (!me) throw workclubErrors.GROUP_NOT_FOUND();
  return { group, me };
}
