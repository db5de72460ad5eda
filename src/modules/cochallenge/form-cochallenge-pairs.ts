import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/record-audit.js';
import type { Db, Executor } from '../../platform/db/client.js';
import { invalidField } from '../../platform/errors.js';
import type { Actor } from '../../platform/http/context.js';
import { memberTradeProfiles } from '../members/index.js';
import { lockedCampaign, openSetup } from './campaign.js';
import { formPairs } from './domain/form-pairs.js';
import { cochallengePairs, cochallengeParticipants } from './schema.js';

async function pitchersOf(tx: Executor, coopId: string, cochallengeId: string): Promise<string[]> {
  const rows = await tx
    .select({ memberId: cochallengeParticipants.memberId })
    .from(cochallengeParticipants)
    .where(and(eq(cochallengeParticipants.coopId, coopId), eq(cochallengeParticipants.cochallengeId, cochallengeId), eq(cochallengeParticipants.role, 'pitcher')));
  return rows.map((r) => r.memberId).sort();
}

async function replacePairs(tx: Executor, coopId: string, cochallengeId: string, pairs: [string, string][]): Promise<void> {
  await tx.delete(cochallengePairs).where(and(eq(cochallengePairs.coopId, coopId), eq(cochallengePairs.cochallengeId, cochallengeId)));
  if (pairs.length > 0) await tx.insert(cochallengePairs).values(pairs.map(([a, b], i) => ({ coopId, cochallengeId, number: i + 1, memberAId: a, memberBId: b })));
}

/** The planner proposes pairs of pitchers of different trades (see formPairs); staff may then set others. */
export async function proposePairs(db: Db, actor: Actor, cochallengeId: string, seed: number): Promise<{ unpaired: string | null; sameTradePairs: number }> {
  return db.transaction(async (tx) => {
    await openSetup(tx, await lockedCampaign(tx, actor.coopId, cochallengeId));
    const pitchers = await pitchersOf(tx, actor.coopId, cochallengeId);
    if (pitchers.length < 2) throw invalidField('pitchers', { fr: 'Inscrivez au moins deux membres comme binômeurs.', en: 'Register at least two members as pitchers.' });
    const profiles = await memberTradeProfiles(tx, actor.coopId, pitchers);
    const formed = formPairs(
      pitchers.map((memberId) => ({ memberId, trade: profiles.get(memberId)?.trades[0] ?? null })),
      seed,
    );
    await replacePairs(tx, actor.coopId, cochallengeId, formed.pairs);
    await recordAudit(tx, actor, { action: 'cochallenge.pairs_proposed', entityType: 'cochallenge', entityId: cochallengeId, after: { pairs: formed.pairs.length, sameTradePairs: formed.sameTradePairs, seed } });
    return { unpaired: formed.unpaired, sameTradePairs: formed.sameTradePairs };
  });
}

/** Staff set the pairs themselves: every member a registered pitcher, in one pair at most. */
export async function setPairs(db: Db, actor: Actor, cochallengeId: string, pairs: [string, string][]): Promise<void> {
  await db.transaction(async (tx) => {
    await openSetup(tx, await lockedCampaign(tx, actor.coopId, cochallengeId));
    const pitchers = new Set(await pitchersOf(tx, actor.coopId, cochallengeId));
    const seen = new Set<string>();
    pairs.forEach(([a, b], i) => {
      for (const [j, m] of [a, b].entries()) {
        if (!pitchers.has(m)) throw invalidField(`pairs.${i}.${j}`, { fr: 'Ce membre n’est pas inscrit comme binômeur.', en: 'This member is not registered as a pitcher.' });
        if (seen.has(m)) throw invalidField(`pairs.${i}.${j}`, { fr: 'Un membre ne fait partie que d’un binôme.', en: 'A member belongs to one pair only.' });
        seen.add(m);
      }
    });
    await replacePairs(tx, actor.coopId, cochallengeId, pairs);
    await recordAudit(tx, actor, { action: 'cochallenge.pairs_set', entityType: 'cochallenge', entityId: cochallengeId, after: { pairs } });
  });
}
