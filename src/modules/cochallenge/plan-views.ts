import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberIdOfUser, memberTradeProfiles } from '../members/index.js';
import { campaignOf, startOfRound, toView } from './campaign.js';
import type { MyDayView, PlannedMeetingView, PlanView } from './contract.js';
import { fitOf } from './domain/plan-cochallenge.js';
import { cochallengeErrors } from './errors.js';
import { cochallengeCompanies, cochallengeMeetings, cochallengePairs, cochallengeParticipants, cochallengePresentations, cochallengePromises } from './schema.js';

/** The stored meetings of a campaign (optionally one pair's), each with its profiles, in round order. */
async function plannedMeetings(db: Executor, coopId: string, cochallengeId: string, pairId?: string): Promise<PlannedMeetingView[]> {
  const campaign = await campaignOf(db, coopId, cochallengeId);
  const meetings = await db
    .select({ id: cochallengeMeetings.id, round: cochallengeMeetings.round, fit: cochallengeMeetings.fit, pairId: cochallengeMeetings.pairId, pairNumber: cochallengePairs.number, companyId: cochallengeMeetings.companyId, companyName: cochallengeCompanies.name, companyAddress: cochallengeCompanies.address, companyTags: cochallengeCompanies.tags })
    .from(cochallengeMeetings)
    .innerJoin(cochallengePairs, and(eq(cochallengePairs.coopId, cochallengeMeetings.coopId), eq(cochallengePairs.id, cochallengeMeetings.pairId)))
    .innerJoin(cochallengeCompanies, and(eq(cochallengeCompanies.coopId, cochallengeMeetings.coopId), eq(cochallengeCompanies.id, cochallengeMeetings.companyId)))
    .where(and(eq(cochallengeMeetings.coopId, coopId), eq(cochallengeMeetings.cochallengeId, cochallengeId), pairId ? eq(cochallengeMeetings.pairId, pairId) : undefined))
    .orderBy(asc(cochallengeMeetings.round), asc(cochallengePairs.number));
  if (meetings.length === 0) return [];
  const presentations = await db
    .select()
    .from(cochallengePresentations)
    .where(and(eq(cochallengePresentations.coopId, coopId), inArray(cochallengePresentations.meetingId, meetings.map((m) => m.id))))
    .orderBy(asc(cochallengePresentations.position));
  const pitches = await db
    .select({ memberId: cochallengeParticipants.memberId, pitch: cochallengeParticipants.pitch })
    .from(cochallengeParticipants)
    .where(and(eq(cochallengeParticipants.coopId, coopId), eq(cochallengeParticipants.cochallengeId, cochallengeId)));
  const pitchOf = new Map(pitches.map((p) => [p.memberId, p.pitch]));
  const people = await memberTradeProfiles(db, coopId, [...new Set(presentations.map((p) => p.profileMemberId))]);
  const byMeeting = new Map<string, string[]>();
  for (const p of presentations) byMeeting.set(p.meetingId, [...(byMeeting.get(p.meetingId) ?? []), p.profileMemberId]);
  return meetings.map((m) => ({
    id: m.id,
    round: m.round,
    startsAt: startOfRound(campaign.startTime, campaign.meetingMinutes, m.round),
    pairId: m.pairId,
    pairNumber: m.pairNumber,
    companyId: m.companyId,
    companyName: m.companyName,
    companyAddress: m.companyAddress,
    fit: m.fit,
    profiles: (byMeeting.get(m.id) ?? []).map((memberId) => {
      const person = people.get(memberId);
      return { memberId, name: person?.name ?? '?', pitch: pitchOf.get(memberId) ?? null, trades: person?.trades ?? [], fit: fitOf(m.companyTags, [...(person?.trades ?? []), ...(person?.skills ?? [])]) };
    }),
  }));
}

export async function getPlan(db: Executor, coopId: string, cochallengeId: string): Promise<PlanView> {
  const campaign = await campaignOf(db, coopId, cochallengeId);
  const meetings = await plannedMeetings(db, coopId, cochallengeId);
  const presented = await db
    .select({ memberId: cochallengeParticipants.memberId })
    .from(cochallengeParticipants)
    .where(and(eq(cochallengeParticipants.coopId, coopId), eq(cochallengeParticipants.cochallengeId, cochallengeId), inArray(cochallengeParticipants.role, ['pitcher', 'profile'])));
  const counts = new Map(presented.map((p) => [p.memberId, 0]));
  for (const m of meetings) for (const p of m.profiles) counts.set(p.memberId, (counts.get(p.memberId) ?? 0) + 1);
  const names = await memberTradeProfiles(db, coopId, [...counts.keys()]);
  const total = meetings.length * campaign.profilesPerMeeting;
  const exact = counts.size === 0 ? 0 : total / counts.size;
  return {
    cochallenge: toView(campaign),
    meetings,
    target: { exact: Math.round(exact * 100) / 100, floor: Math.floor(exact), ceil: Math.ceil(exact) },
    presentations: [...counts].map(([memberId, count]) => ({ memberId, name: names.get(memberId)?.name ?? '?', count })).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
  };
}

/** A pitcher's day on their phone: their pair's companies in order, the profiles to present, what is already promised. */
export async function getMyDay(db: Executor, coopId: string, userId: string, cochallengeId: string): Promise<MyDayView> {
  const campaign = await campaignOf(db, coopId, cochallengeId);
  const memberId = await memberIdOfUser(db, coopId, userId);
  const [pair] = memberId
    ? await db
        .select()
        .from(cochallengePairs)
        .where(and(eq(cochallengePairs.coopId, coopId), eq(cochallengePairs.cochallengeId, cochallengeId), or(eq(cochallengePairs.memberAId, memberId), eq(cochallengePairs.memberBId, memberId))))
    : [];
  if (!pair) return { cochallenge: toView(campaign), pairNumber: null, partnerName: null, meetings: [] };
  if (!memberId) throw cochallengeErrors.PARTICIPANT_NOT_FOUND();
  const partnerId = pair.memberAId === memberId ? pair.memberBId : pair.memberAId;
  const partner = await memberTradeProfiles(db, coopId, [partnerId]);
  const meetings = await plannedMeetings(db, coopId, cochallengeId, pair.id);
  const promised = meetings.length
    ? await db
        .select({ meetingId: cochallengePromises.meetingId, profileMemberId: cochallengePromises.profileMemberId })
        .from(cochallengePromises)
        .where(and(eq(cochallengePromises.coopId, coopId), inArray(cochallengePromises.meetingId, meetings.map((m) => m.id))))
    : [];
  return {
    cochallenge: toView(campaign),
    pairNumber: pair.number,
    partnerName: partner.get(partnerId)?.name ?? null,
    meetings: meetings.map((m) => ({ ...m, promisedProfileIds: promised.filter((p) => p.meetingId === m.id).map((p) => p.profileMemberId) })),
  };
}
