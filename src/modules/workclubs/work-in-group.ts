import { and, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { ProgressBody, UpdateGoalBody } from './contract.js';
import { canMoveGoal, mayWorkIn } from './domain/workclub-states.js';
import { workclubErrors } from './errors.js';
import { workclubGoals, workclubGroupMembers, workclubProgress, workclubSessions } from './schema.js';
import { groupFor, type GroupReader } from './workclub-access.js';

/** The reader's own seat in an active group: goals and reports are written by the person, not for them. */
async function ownSeat(tx: Executor, reader: GroupReader, groupId: string) {
  const { group, me } = await groupFor(tx, reader, groupId, { lock: true });
  if (!me) throw workclubErrors.NOT_A_PARTICIPANT();
  if (!mayWorkIn(group)) throw workclubErrors.GROUP_CLOSED();
  return me;
}

export async function setGoal(db: Db, reader: GroupReader, groupId: string, text: string): Promise<void> {
  await db.transaction(async (tx) => {
    const me = await ownSeat(tx, reader, groupId);
    await tx.insert(workclubGoals).values({ coopId: reader.coopId, participantId: me.id, text });
  });
}

/** A person rewrites their goal or marks it achieved, dropped, or open again. */
export async function updateGoal(db: Db, reader: GroupReader, goalId: string, body: UpdateGoalBody): Promise<{ groupId: string }> {
  return db.transaction(async (tx) => {
    const [goal] = await tx
      .select({ id: workclubGoals.id, status: workclubGoals.status, groupId: workclubGroupMembers.groupId })
      .from(workclubGoals)
      .innerJoin(workclubGroupMembers, and(eq(workclubGroupMembers.coopId, workclubGoals.coopId), eq(workclubGroupMembers.id, workclubGoals.participantId)))
      .where(and(eq(workclubGoals.coopId, reader.coopId), eq(workclubGoals.id, goalId)));
    if (!goal) throw workclubErrors.GOAL_NOT_FOUND();
    // Someone else's goal, even in the same group, answers as missing: only its owner changes it.
    const me = await ownSeat(tx, reader, goal.groupId).catch((err: unknown) => {
      throw (err as { code?: string }).code === 'GROUP_NOT_FOUND' ? workclubErrors.GOAL_NOT_FOUND() : err;
    });
    const [owned] = await tx.select({ id: workclubGoals.id }).from(workclubGoals).where(and(eq(workclubGoals.coopId, reader.coopId), eq(workclubGoals.id, goalId), eq(workclubGoals.participantId, me.id))).for('update');
    if (!owned) throw workclubErrors.GOAL_NOT_FOUND();
    if (body.status && !canMoveGoal(goal.status, body.status)) throw invalidField('status', { fr: 'Un objectif atteint ou abandonné se rouvre avant de changer.', en: 'An achieved or dropped goal is reopened before it changes.' });
    await tx
      .update(workclubGoals)
      .set({ ...(body.text !== undefined ? { text: body.text } : {}), ...(body.status ? { status: body.status } : {}), updatedAt: new Date() })
      .where(and(eq(workclubGoals.coopId, reader.coopId), eq(workclubGoals.id, goalId)));
    return { groupId: goal.groupId };
  });
}

/** A person's report at one of their group's sessions; reporting again rewrites it (one per session and person). */
export async function reportProgress(db: Db, reader: GroupReader, groupId: string, body: ProgressBody): Promise<void> {
  await db.transaction(async (tx) => {
    const me = await ownSeat(tx, reader, groupId);
    const [session] = await tx.select({ id: workclubSessions.id }).from(workclubSessions).where(and(eq(workclubSessions.coopId, reader.coopId), eq(workclubSessions.id, body.sessionId), eq(workclubSessions.groupId, groupId)));
    if (!session) throw invalidField('sessionId', { fr: 'Séance inconnue dans ce groupe.', en: 'Unknown session in this group.' });
    await tx
      .insert(workclubProgress)
      .values({ coopId: reader.coopId, sessionId: body.sessionId, participantId: me.id, report: body.report, status: body.status })
      .onConflictDoUpdate({ target: [workclubProgress.coopId, workclubProgress.sessionId, workclubProgress.participantId], set: { report: body.report, status: body.status, updatedAt: new Date() } });
  });
}
