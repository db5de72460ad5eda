import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import { memberTradeProfiles } from '../members/index.js';
import { quoteTotals } from '../quotes/index.js';
import { campaignOf } from './campaign.js';
import { PROMISE_STATUSES, type CounterView, type PromiseStatus, type PromiseView, type ResultsView } from './contract.js';
import { cochallengeCompanies, cochallengePairs, cochallengePromises } from './schema.js';

/** The live counter: promises against the goal, by pair and by profile (refreshed by the phones and the big screen every few seconds). */
export async function promiseCounter(db: Executor, coopId: string, cochallengeId: string): Promise<CounterView> {
  const campaign = await campaignOf(db, coopId, cochallengeId);
  const [byPairRows, byProfileRows, pairs] = await Promise.all([
    db.select({ pairId: cochallengePromises.pairId, n: count() }).from(cochallengePromises).where(and(eq(cochallengePromises.coopId, coopId), eq(cochallengePromises.cochallengeId, cochallengeId))).groupBy(cochallengePromises.pairId),
    db.select({ memberId: cochallengePromises.profileMemberId, n: count() }).from(cochallengePromises).where(and(eq(cochallengePromises.coopId, coopId), eq(cochallengePromises.cochallengeId, cochallengeId))).groupBy(cochallengePromises.profileMemberId),
    db.select().from(cochallengePairs).where(and(eq(cochallengePairs.coopId, coopId), eq(cochallengePairs.cochallengeId, cochallengeId))).orderBy(asc(cochallengePairs.number)),
  ]);
  const names = await memberTradeProfiles(db, coopId, [...pairs.flatMap((p) => [p.memberAId, p.memberBId]), ...byProfileRows.map((r) => r.memberId)]);
  const nameOf = (id: string) => names.get(id)?.name ?? '?';
  const perPair = new Map(byPairRows.map((r) => [r.pairId, Number(r.n)]));
  return {
    goal: campaign.goalPromises,
    promised: byPairRows.reduce((s, r) => s + Number(r.n), 0),
    byPair: pairs.map((p) => ({ pairNumber: p.number, names: `${nameOf(p.memberAId)} & ${nameOf(p.memberBId)}`, promised: perPair.get(p.id) ?? 0 })),
    byProfile: byProfileRows.map((r) => ({ memberId: r.memberId, name: nameOf(r.memberId), promised: Number(r.n) })).sort((a, b) => b.promised - a.promised || a.name.localeCompare(b.name, 'fr')),
  };
}

/** Every promise of the day with its follow-up and its quote, newest first. */
export async function listPromises(db: Executor, coopId: string, cochallengeId: string): Promise<PromiseView[]> {
  await campaignOf(db, coopId, cochallengeId);
  const rows = await db
    .select({ p: cochallengePromises, companyName: cochallengeCompanies.name, pairNumber: cochallengePairs.number })
    .from(cochallengePromises)
    .innerJoin(cochallengeCompanies, and(eq(cochallengeCompanies.coopId, cochallengePromises.coopId), eq(cochallengeCompanies.id, cochallengePromises.companyId)))
    .innerJoin(cochallengePairs, and(eq(cochallengePairs.coopId, cochallengePromises.coopId), eq(cochallengePairs.id, cochallengePromises.pairId)))
    .where(and(eq(cochallengePromises.coopId, coopId), eq(cochallengePromises.cochallengeId, cochallengeId)))
    .orderBy(asc(cochallengeCompanies.name), asc(cochallengePromises.createdAt));
  const names = await memberTradeProfiles(db, coopId, rows.map((r) => r.p.profileMemberId));
  const quotes = await quoteTotals(db, coopId, rows.flatMap((r) => (r.p.quoteId ? [r.p.quoteId] : [])));
  return rows.map(({ p, companyName, pairNumber }) => {
    const quote = p.quoteId ? quotes.get(p.quoteId) : undefined;
    return {
      id: p.id,
      meetingId: p.meetingId,
      companyId: p.companyId,
      companyName,
      pairNumber,
      profileMemberId: p.profileMemberId,
      profileName: names.get(p.profileMemberId)?.name ?? '?',
      status: p.status,
      quoteId: p.quoteId,
      quoteNumber: quote?.number ?? null,
      quoteNetCents: quote?.netCents ?? null,
      notes: p.notes,
      createdAt: p.createdAt,
    };
  });
}

/**
 * What the day brought: the promises by stage, and in euros the linked quotes' totals excl.
 * VAT — quoted, and of which accepted by the client (the contracts). A quote linked to two
 * promises (one company, two members on one job) counts once.
 */
export async function cochallengeResults(db: Executor, coopId: string, cochallengeId: string): Promise<ResultsView> {
  await campaignOf(db, coopId, cochallengeId);
  const rows = await db
    .select({ status: cochallengePromises.status, quoteId: cochallengePromises.quoteId })
    .from(cochallengePromises)
    .where(and(eq(cochallengePromises.coopId, coopId), eq(cochallengePromises.cochallengeId, cochallengeId)));
  const byStatus = Object.fromEntries(PROMISE_STATUSES.map((s) => [s, 0])) as Record<PromiseStatus, number>;
  for (const r of rows) byStatus[r.status]++;
  const quoteIds = [...new Set(rows.flatMap((r) => (r.quoteId && r.status !== 'dropped' ? [r.quoteId] : [])))];
  const quotes = await quoteTotals(db, coopId, quoteIds);
  let quotedCents = 0;
  let signedCents = 0;
  let contracts = 0;
  for (const q of quotes.values()) {
    quotedCents += q.netCents;
    if (q.status === 'accepted') {
      signedCents += q.netCents;
      contracts++;
    }
  }
  return { promised: rows.length, byStatus, quotedCents, signedCents, quotes: quotes.size, contracts };
}
