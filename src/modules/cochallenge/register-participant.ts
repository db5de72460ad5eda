import { and, eq, or } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { assertMembersExist } from '../members/index.js';
import { lockedCampaign, openSetup } from './campaign.js';
import type { ParticipantBody } from './contract.js';
import { cochallengeErrors } from './errors.js';
import { cochallengePairs, cochallengeParticipants } from './schema.js';

/** Someone who no longer pitches leaves their pair: the pair is undone, its partner to pair again. */
async function undoPairOf(tx: Executor, coopId: string, cochallengeId: string, memberId: string) {
  await tx
    .delete(cochallengePairs)
    .where(and(eq(cochallengePairs.coopId, coopId), eq(cochallengePairs.cochallengeId, cochallengeId), or(eq(cochallengePairs.memberAId, memberId), eq(cochallengePairs.memberBId, memberId))));
}

/** A member takes part as pitcher, profile or logistics (or changes role or pitch). */
export async function registerParticipant(db: Db, actor: Actor, cochallengeId: string, memberId: string, body: ParticipantBody): Promise<void> {
  await db.transaction(async (tx) => {
    const campaign = await lockedCampaign(tx, actor.coopId, cochallengeId);
    await assertMembersExist(tx, actor.coopId, [memberId], 'memberId');
    const [before] = await tx
      .select()
      .from(cochallengeParticipants)
      .where(and(eq(cochallengeParticipants.coopId, actor.coopId), eq(cochallengeParticipants.cochallengeId, cochallengeId), eq(cochallengeParticipants.memberId, memberId)));
    // Only the pitch changing leaves the plan as it is (the phones show the new line).
    if (!before || before.role !== body.role) await openSetup(tx, campaign);
    if (before && before.role === 'pitcher' && body.role !== 'pitcher') await undoPairOf(tx, actor.coopId, cochallengeId, memberId);
    await tx
      .insert(cochallengeParticipants)
      .values({ coopId: actor.coopId, cochallengeId, memberId, role: body.role, pitch: body.pitch ?? null })
      .onConflictDoUpdate({ target: [cochallengeParticipants.coopId, cochallengeParticipants.cochallengeId, cochallengeParticipants.memberId], set: { role: body.role, pitch: body.pitch ?? null } });
    await recordAudit(tx, actor, { action: 'cochallenge.participant_set', entityType: 'cochallenge', entityId: cochallengeId, before: before ? { memberId, role: before.role } : undefined, after: { memberId, role: body.role } });
  });
}

export async function removeParticipant(db: Db, actor: Actor, cochallengeId: string, memberId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await openSetup(tx, await lockedCampaign(tx, actor.coopId, cochallengeId));
    await undoPairOf(tx, actor.coopId, cochallengeId, memberId);
    const gone = await tx
      .delete(cochallengeParticipants)
      .where(and(eq(cochallengeParticipants.coopId, actor.coopId), eq(cochallengeParticipants.cochallengeId, cochallengeId), eq(cochallengeParticipants.memberId, memberId)))
      .returning({ role: cochallengeParticipants.role });
    if (gone.length === 0) throw cochallengeErrors.PARTICIPANT_NOT_FOUND();
    await recordAudit(tx, actor, { action: 'cochallenge.participant_removed', entityType: 'cochallenge', entityId: cochallengeId, before: { memberId, role: gone[0]!.role } });
  });
}
