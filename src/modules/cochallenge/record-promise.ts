import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { isStaff, type Actor } from '../../platform/http/context.js';
import { memberIdOfUser } from '../members/index.js';
import { campaignOf } from './campaign.js';
import type { RecordPromiseBody } from './contract.js';
import { cochallengeErrors } from './errors.js';
import { cochallengeMeetings, cochallengePairs, cochallengePresentations, cochallengePromises } from './schema.js';

/**
 * A company promised to meet a presented member: recorded by a pitcher of that meeting (or
 * staff helping on the day), from a phone that may lose its connection. The phone makes one
 * key per tap and sends it again until it gets an answer, so the same key is the same promise
 * (200, not a second one); two phones tapping the same profile at the same meeting also count
 * once. Both rules are unique keys: `on conflict do nothing` waits for a concurrent insert to
 * commit and then finds its row, so concurrent identical POSTs count once.
 */
export async function recordPromise(db: Db, actor: Actor, cochallengeId: string, body: RecordPromiseBody): Promise<{ id: string; created: boolean }> {
  return db.transaction(async (tx) => {
    const campaign = await campaignOf(tx, actor.coopId, cochallengeId);
    const [meeting] = await tx
      .select({ id: cochallengeMeetings.id, companyId: cochallengeMeetings.companyId, pairId: cochallengeMeetings.pairId, a: cochallengePairs.memberAId, b: cochallengePairs.memberBId })
      .from(cochallengeMeetings)
      .innerJoin(cochallengePairs, and(eq(cochallengePairs.coopId, cochallengeMeetings.coopId), eq(cochallengePairs.id, cochallengeMeetings.pairId)))
      .where(and(eq(cochallengeMeetings.coopId, actor.coopId), eq(cochallengeMeetings.cochallengeId, cochallengeId), eq(cochallengeMeetings.id, body.meetingId)));
    if (!meeting) throw cochallengeErrors.MEETING_NOT_FOUND();
    if (!isStaff(actor)) {
      const memberId = await memberIdOfUser(tx, actor.coopId, actor.userId);
      if (!memberId || (memberId !== meeting.a && memberId !== meeting.b)) throw cochallengeErrors.NOT_PITCHER_OF_MEETING();
    }
    const sameKey = async () => {
      const [row] = await tx.select().from(cochallengePromises).where(and(eq(cochallengePromises.coopId, actor.coopId), eq(cochallengePromises.idempotencyKey, body.idempotencyKey)));
      return row;
    };
    // A retry of an answered tap, even after the day closed, gets its promise back.
    const earlier = await sameKey();
    if (earlier) {
      if (earlier.meetingId !== body.meetingId || earlier.profileMemberId !== body.profileMemberId) throw cochallengeErrors.PROMISE_KEY_REUSED();
      return { id: earlier.id, created: false };
    }
    if (campaign.status !== 'live') throw cochallengeErrors.COCHALLENGE_NOT_LIVE();
    const [presented] = await tx
      .select({ meetingId: cochallengePresentations.meetingId })
      .from(cochallengePresentations)
      .where(and(eq(cochallengePresentations.coopId, actor.coopId), eq(cochallengePresentations.meetingId, meeting.id), eq(cochallengePresentations.profileMemberId, body.profileMemberId)));
    if (!presented) throw cochallengeErrors.PROFILE_NOT_PRESENTED([{ path: 'profileMemberId', message: { fr: 'Ce profil n’est pas présenté à ce rendez-vous.', en: 'This profile is not presented at this meeting.' } }]);
    const [inserted] = await tx
      .insert(cochallengePromises)
      .values({ coopId: actor.coopId, cochallengeId, meetingId: meeting.id, companyId: meeting.companyId, pairId: meeting.pairId, profileMemberId: body.profileMemberId, idempotencyKey: body.idempotencyKey, recordedBy: actor.userId, notes: body.notes ?? null })
      .onConflictDoNothing()
      .returning({ id: cochallengePromises.id });
    if (inserted) {
      await recordAudit(tx, actor, { action: 'cochallenge.promise_recorded', entityType: 'cochallenge_promise', entityId: inserted.id, after: { meetingId: meeting.id, profileMemberId: body.profileMemberId } });
      return { id: inserted.id, created: true };
    }
    const again = await sameKey();
    if (again) {
      if (again.meetingId !== body.meetingId || again.profileMemberId !== body.profileMemberId) throw cochallengeErrors.PROMISE_KEY_REUSED();
      return { id: again.id, created: false };
    }
    const [sameFact] = await tx
      .select({ id: cochallengePromises.id })
      .from(cochallengePromises)
      .where(and(eq(cochallengePromises.coopId, actor.coopId), eq(cochallengePromises.meetingId, meeting.id), eq(cochallengePromises.profileMemberId, body.profileMemberId)));
    if (!sameFact) throw cochallengeErrors.PROMISE_NOT_FOUND();
    return { id: sameFact.id, created: false };
  });
}
