import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberTradeProfiles } from '../members/index.js';
import { campaignOf, toView } from './campaign.js';
import type { CochallengeDetail, CochallengeView } from './contract.js';
import { normalTag } from './domain/plan-cochallenge.js';
import { cochallengeCompanies, cochallengePairs, cochallengeParticipants, cochallenges } from './schema.js';

export async function listCochallenges(db: Executor, coopId: string): Promise<CochallengeView[]> {
  const rows = await db.select().from(cochallenges).where(eq(cochallenges.coopId, coopId)).orderBy(desc(cochallenges.day), asc(cochallenges.name));
  return rows.map(toView);
}

/** The campaign with its setup: companies, participants (with their trades), pairs. */
export async function getCochallenge(db: Executor, coopId: string, id: string): Promise<CochallengeDetail> {
  const campaign = await campaignOf(db, coopId, id);
  const [companies, participants, pairs] = await Promise.all([
    db.select().from(cochallengeCompanies).where(and(eq(cochallengeCompanies.coopId, coopId), eq(cochallengeCompanies.cochallengeId, id))).orderBy(asc(cochallengeCompanies.name)),
    db.select().from(cochallengeParticipants).where(and(eq(cochallengeParticipants.coopId, coopId), eq(cochallengeParticipants.cochallengeId, id))),
    db.select().from(cochallengePairs).where(and(eq(cochallengePairs.coopId, coopId), eq(cochallengePairs.cochallengeId, id))).orderBy(asc(cochallengePairs.number)),
  ]);
  const people = await memberTradeProfiles(
    db,
    coopId,
    participants.map((p) => p.memberId),
  );
  const pairOf = new Map(pairs.flatMap((p) => [[p.memberAId, p.number] as const, [p.memberBId, p.number] as const]));
  const person = (memberId: string) => people.get(memberId) ?? { name: '?', trades: [], skills: [] };
  const mainTrade = (memberId: string) => normalTag(person(memberId).trades[0] ?? '');
  return {
    ...toView(campaign),
    companies: companies.map((c) => ({ id: c.id, name: c.name, tags: c.tags, contactName: c.contactName, contactPhone: c.contactPhone, address: c.address, slots: c.slots })),
    participants: participants
      .map((p) => ({ memberId: p.memberId, name: person(p.memberId).name, role: p.role, pitch: p.pitch, trades: person(p.memberId).trades, skills: person(p.memberId).skills, pairNumber: pairOf.get(p.memberId) ?? null }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    pairs: pairs.map((p) => ({ id: p.id, number: p.number, members: [p.memberAId, p.memberBId].map((m) => ({ memberId: m, name: person(m).name, trades: person(m).trades })) })),
    sameTradePairs: pairs.filter((p) => mainTrade(p.memberAId) !== '' && mainTrade(p.memberAId) === mainTrade(p.memberBId)).length,
  };
}
