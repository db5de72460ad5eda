import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberTrades } from '../members/index.js';
import type { Proposal } from './contract.js';
import { diversity, normalisedTrades, proposeGroups } from './domain/propose-groups.js';
import { workclubApplications } from './schema.js';
import { seasonOf } from './workclub-access.js';

const RULE = {
  fr: 'Groupes de 4 (3 ou 5 quand le nombre de candidats n’est pas un multiple de 4), qui mêlent les métiers : deux personnes du même métier ne sont ensemble que si c’est inévitable.',
  en: 'Groups of 4 (3 or 5 when the number of applicants is not a multiple of 4) mixing trades: two people of the same trade are together only when it cannot be avoided.',
};

/**
 * The platform's proposal for a season's groups, from the applications still standing. A
 * proposal is not stored: staff adjust it, then confirm it (`confirmGroups`). Another seed,
 * another proposal of the same quality.
 */
export async function proposeSeasonGroups(db: Executor, coopId: string, seasonId: string, seed: number, locale: 'fr' | 'en'): Promise<Proposal> {
  await seasonOf(db, coopId, seasonId);
  const rows = await db
    .select()
    .from(workclubApplications)
    .where(and(eq(workclubApplications.coopId, coopId), eq(workclubApplications.seasonId, seasonId), eq(workclubApplications.status, 'submitted')))
    .orderBy(workclubApplications.createdAt, workclubApplications.id);
  const trades = await memberTrades(db, coopId, rows.flatMap((r) => (r.memberId ? [r.memberId] : [])));
  // An external participant brings their company's network, not one of the coop's trades.
  const applicants = rows.map((r) => ({ id: r.id, trades: r.memberId ? (trades.get(r.memberId)?.trades ?? []) : [] }));
  const tradeMap = new Map(applicants.map((a) => [a.id, normalisedTrades(a.trades)]));
  const groups = proposeGroups(applicants, seed);
  return { seed, rule: RULE[locale], groups: groups.map((g) => ({ applicationIds: g, distinctTrades: diversity([g], tradeMap) })) };
}
