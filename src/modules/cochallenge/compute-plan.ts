import { and, eq, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db } from '../../platform/db/client.js';
import { AppError } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { memberTradeProfiles } from '../members/index.js';
import { lockedCampaign } from './campaign.js';
import { planCochallenge } from './domain/plan-cochallenge.js';
import { planRefusalText } from './domain/plan-refusal-text.js';
import { cochallengeErrors } from './errors.js';
import { cochallengeCompanies, cochallengeMeetings, cochallengePairs, cochallengeParticipants, cochallengePresentations, cochallenges } from './schema.js';

/**
 * Runs the planner on the campaign's setup and stores the plan in place of the previous one.
 * Allowed until the day starts (live): then phones hold the plan and promises point into it.
 * The database re-checks the plan's rules on insert: a pair or a company twice in a round, or a
 * company hearing a profile twice, breaks a unique key and nothing is stored.
 */
export async function computePlan(db: Db, actor: Actor, cochallengeId: string, seed: number): Promise<void> {
  await db.transaction(async (tx) => {
    const campaign = await lockedCampaign(tx, actor.coopId, cochallengeId);
    if (campaign.status === 'live' || campaign.status === 'closed') throw cochallengeErrors.COCHALLENGE_FROZEN();
    const scope = (t: typeof cochallengePairs | typeof cochallengeCompanies | typeof cochallengeParticipants) => and(eq(t.coopId, actor.coopId), eq(t.cochallengeId, cochallengeId));
    const pairs = await tx.select().from(cochallengePairs).where(scope(cochallengePairs)).orderBy(cochallengePairs.number);
    const companies = await tx.select().from(cochallengeCompanies).where(scope(cochallengeCompanies)).orderBy(cochallengeCompanies.name);
    // Pitchers are presented too, by the other pairs: members sell each other's skills.
    const presented = await tx
      .select({ memberId: cochallengeParticipants.memberId })
      .from(cochallengeParticipants)
      .where(and(scope(cochallengeParticipants), inArray(cochallengeParticipants.role, ['pitcher', 'profile'])))
      .orderBy(cochallengeParticipants.memberId);
    const people = await memberTradeProfiles(
      tx,
      actor.coopId,
      presented.map((p) => p.memberId),
    );
    const result = planCochallenge({
      pairs: pairs.map((p) => ({ id: p.id, memberIds: [p.memberAId, p.memberBId] as const })),
      companies: companies.map((c) => ({ id: c.id, tags: c.tags, slots: c.slots })),
      profiles: presented.map((p) => ({ memberId: p.memberId, tags: [...(people.get(p.memberId)?.trades ?? []), ...(people.get(p.memberId)?.skills ?? [])] })),
      profilesPerMeeting: campaign.profilesPerMeeting,
      seed,
    });
    if (!result.ok) {
      const names = new Map(companies.map((c) => [c.id, c.name]));
      throw new AppError('PLAN_REFUSED', 'unprocessable', planRefusalText(result.refusal, (id) => names.get(id) ?? id));
    }
    await tx.delete(cochallengeMeetings).where(and(eq(cochallengeMeetings.coopId, actor.coopId), eq(cochallengeMeetings.cochallengeId, cochallengeId)));
    const { plan } = result;
    const meetingIds = await tx
      .insert(cochallengeMeetings)
      .values(plan.meetings.map((m) => ({ coopId: actor.coopId, cochallengeId, pairId: m.pairId, companyId: m.companyId, round: m.round, fit: m.fit })))
      .returning({ id: cochallengeMeetings.id });
    const presentations = plan.meetings.flatMap((m, i) => m.profileIds.map((profileMemberId, position) => ({ coopId: actor.coopId, meetingId: meetingIds[i]!.id, companyId: m.companyId, profileMemberId, position })));
    for (let i = 0; i < presentations.length; i += 2000) await tx.insert(cochallengePresentations).values(presentations.slice(i, i + 2000));
    await tx
      .update(cochallenges)
      .set({ status: 'planned', planSeed: seed, planFitScore: plan.fitScore, plannedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(cochallenges.coopId, actor.coopId), eq(cochallenges.id, cochallengeId)));
    await recordAudit(tx, actor, {
      action: 'cochallenge.planned',
      entityType: 'cochallenge',
      entityId: cochallengeId,
      after: { seed, meetings: plan.meetings.length, rounds: plan.rounds, fitScore: plan.fitScore, target: plan.target },
    });
  });
}
