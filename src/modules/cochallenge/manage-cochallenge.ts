import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { lockedCampaign, openSetup, pgCode, type CochallengeRow } from './campaign.js';
import type { CreateCochallengeBody, UpdateCochallengeBody } from './contract.js';
import { cochallengeErrors } from './errors.js';
import { cochallenges } from './schema.js';

export async function createCochallenge(db: Db, actor: Actor, body: CreateCochallengeBody): Promise<CochallengeRow> {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(cochallenges)
        .values({ coopId: actor.coopId, createdBy: actor.userId, ...body })
        .returning();
      await recordAudit(tx, actor, { action: 'cochallenge.created', entityType: 'cochallenge', entityId: row!.id, after: { name: row!.name, day: row!.day, goal: row!.goalPromises } });
      return row!;
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw cochallengeErrors.COCHALLENGE_NAME_TAKEN();
    throw err;
  }
}

/** The name, day and goal change at any stage; the number of profiles per meeting is setup (it drops a stored plan). */
export async function updateCochallenge(db: Db, actor: Actor, id: string, body: UpdateCochallengeBody): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      const campaign = await lockedCampaign(tx, actor.coopId, id);
      const planShaping = (body.profilesPerMeeting !== undefined && body.profilesPerMeeting !== campaign.profilesPerMeeting) || (body.startTime !== undefined && body.startTime !== campaign.startTime) || (body.meetingMinutes !== undefined && body.meetingMinutes !== campaign.meetingMinutes);
      if (planShaping) await openSetup(tx, campaign);
      await tx.update(cochallenges).set({ ...body, updatedAt: sql`now()` }).where(and(eq(cochallenges.coopId, actor.coopId), eq(cochallenges.id, id)));
      await recordAudit(tx, actor, { action: 'cochallenge.updated', entityType: 'cochallenge', entityId: id, before: { name: campaign.name, day: campaign.day, goal: campaign.goalPromises }, after: body });
    });
  } catch (err) {
    if (pgCode(err) === '23505') throw cochallengeErrors.COCHALLENGE_NAME_TAKEN();
    throw err;
  }
}

/** planned → live (the day starts: the plan is frozen, phones record promises) → closed (follow-up only). */
export async function moveCochallenge(db: Db, actor: Actor, id: string, to: 'live' | 'closed'): Promise<void> {
  await db.transaction(async (tx) => {
    const campaign = await lockedCampaign(tx, actor.coopId, id);
    const from = campaign.status;
    if (to === 'live' && from !== 'planned') throw from === 'preparing' ? cochallengeErrors.COCHALLENGE_NOT_PLANNED() : cochallengeErrors.COCHALLENGE_BAD_MOVE();
    if (to === 'closed' && from !== 'live') throw cochallengeErrors.COCHALLENGE_BAD_MOVE();
    await tx.update(cochallenges).set({ status: to, updatedAt: sql`now()` }).where(and(eq(cochallenges.coopId, actor.coopId), eq(cochallenges.id, id)));
    await recordAudit(tx, actor, { action: `cochallenge.${to}`, entityType: 'cochallenge', entityId: id, before: { status: from }, after: { status: to } });
  });
}
