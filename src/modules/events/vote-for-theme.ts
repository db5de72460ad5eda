import { and, eq } from 'drizzle-orm';
import { sqlState, UNIQUE_VIOLATION, type Db } from '../../platform/db/client.js';
import type { Actor } from '../../platform/http/context.js';
import { eventsErrors } from './errors.js';
import { eventViewerOf } from './event-viewer.js';
import { eventThemeProposals, eventThemeVotes } from './schema.js';

async function voterAndProposal(db: Db, actor: Actor, proposalId: string) {
  const [proposal] = await db.select().from(eventThemeProposals).where(and(eq(eventThemeProposals.coopId, actor.coopId), eq(eventThemeProposals.id, proposalId)));
  if (!proposal) throw eventsErrors.PROPOSAL_NOT_FOUND();
  const { memberId } = await eventViewerOf(db, actor);
  if (!memberId) throw eventsErrors.NOT_A_MEMBER();
  return { proposal, memberId };
}

/** One vote per member and proposal: the primary key refuses a second, even two taps at once. Only an open proposal takes votes. */
export async function voteForTheme(db: Db, actor: Actor, proposalId: string): Promise<void> {
  const { proposal, memberId } = await voterAndProposal(db, actor, proposalId);
  if (proposal.status !== 'open') throw eventsErrors.PROPOSAL_CLOSED();
  try {
    await db.insert(eventThemeVotes).values({ coopId: actor.coopId, proposalId, memberId });
  } catch (err) {
    if (sqlState(err) === UNIQUE_VIOLATION) throw eventsErrors.ALREADY_VOTED();
    throw err;
  }
}

/** Takes one's vote back (nothing happens if there was none). */
export async function withdrawThemeVote(db: Db, actor: Actor, proposalId: string): Promise<void> {
  const { memberId } = await voterAndProposal(db, actor, proposalId);
  await db.delete(eventThemeVotes).where(and(eq(eventThemeVotes.coopId, actor.coopId), eq(eventThemeVotes.proposalId, proposalId), eq(eventThemeVotes.memberId, memberId)));
}
