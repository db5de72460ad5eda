import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { memberNames } from '../members/index.js';
import type { ThemeProposal } from './contract.js';
import { rankThemeProposals } from './domain/rank-theme-proposals.js';
import { eventViewerOf } from './event-viewer.js';
import { eventThemeProposals, eventThemeVotes } from './schema.js';

/** The open proposals, ranked by votes; then those already scheduled. */
export async function listThemeProposals(db: Db, actor: Actor): Promise<{ items: ThemeProposal[] }> {
  const viewer = await eventViewerOf(db, actor);
  const votes = db.select({ n: sql<number>`count(*)::int` }).from(eventThemeVotes).where(and(eq(eventThemeVotes.coopId, eventThemeProposals.coopId), eq(eventThemeVotes.proposalId, eventThemeProposals.id)));
  const mine = viewer.memberId
    ? sql<boolean>`exists (select 1 from event_theme_votes v where v.coop_id = ${eventThemeProposals.coopId} and v.proposal_id = ${eventThemeProposals.id} and v.member_id = ${viewer.memberId})`
    : sql<boolean>`false`;
  const rows = await db
    .select({ p: eventThemeProposals, votes: sql<number>`(${votes})`, votedByMe: mine })
    .from(eventThemeProposals)
    .where(and(eq(eventThemeProposals.coopId, actor.coopId), sql`${eventThemeProposals.status} <> 'dismissed'`))
    .limit(500);
  const names = await memberNames(db, actor.coopId, [...new Set(rows.flatMap((r) => (r.p.proposedByMemberId ? [r.p.proposedByMemberId] : [])))]);
  const view = rows.map((r) => ({
    id: r.p.id,
    title: r.p.title,
    details: r.p.details,
    proposedBy: r.p.proposedByMemberId ? (names.get(r.p.proposedByMemberId) ?? null) : null,
    wouldHost: r.p.wouldHost,
    status: r.p.status,
    votes: Number(r.votes ?? 0),
    votedByMe: Boolean(r.votedByMe),
    mine: r.p.proposedByUserId === actor.userId,
    createdAt: r.p.createdAt,
  }));
  const open = rankThemeProposals(view.filter((v) => v.status === 'open'));
  const scheduled = rankThemeProposals(view.filter((v) => v.status === 'scheduled'));
  return { items: [...open, ...scheduled] };
}
