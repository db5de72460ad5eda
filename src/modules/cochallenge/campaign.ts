import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.js';
import type { CochallengeView } from './contract.js';
import { cochallengeErrors } from './errors.js';
import { cochallengeMeetings, cochallenges } from './schema.js';

export type CochallengeRow = typeof cochallenges.$inferSelect;

/** The campaign, locked: setup, planning, moves and promises of one campaign run one at a time. */
export async function lockedCampaign(tx: Executor, coopId: string, id: string): Promise<CochallengeRow> {
  const [row] = await tx.select().from(cochallenges).where(and(eq(cochallenges.coopId, coopId), eq(cochallenges.id, id))).for('update');
  if (!row) throw cochallengeErrors.COCHALLENGE_NOT_FOUND();
  return row;
}

export async function campaignOf(db: Executor, coopId: string, id: string): Promise<CochallengeRow> {
  const [row] = await db.select().from(cochallenges).where(and(eq(cochallenges.coopId, coopId), eq(cochallenges.id, id)));
  if (!row) throw cochallengeErrors.COCHALLENGE_NOT_FOUND();
  return row;
}

/**
 * Setup (companies, participants, pairs) changes only before the day; a stored plan no longer
 * matches a changed setup, so it is dropped and the campaign is back to preparing.
 */
export async function openSetup(tx: Executor, campaign: CochallengeRow): Promise<void> {
  if (campaign.status === 'live' || campaign.status === 'closed') throw cochallengeErrors.COCHALLENGE_FROZEN();
  if (campaign.status === 'planned') {
    await tx.delete(cochallengeMeetings).where(and(eq(cochallengeMeetings.coopId, campaign.coopId), eq(cochallengeMeetings.cochallengeId, campaign.id)));
    await tx
      .update(cochallenges)
      .set({ status: 'preparing', planFitScore: null, planSeed: null, plannedAt: null, updatedAt: sql`now()` })
      .where(and(eq(cochallenges.coopId, campaign.coopId), eq(cochallenges.id, campaign.id)));
  }
}

export function toView(row: CochallengeRow): CochallengeView {
  return {
    id: row.id,
    name: row.name,
    day: row.day,
    startTime: row.startTime,
    meetingMinutes: row.meetingMinutes,
    goalPromises: row.goalPromises,
    profilesPerMeeting: row.profilesPerMeeting,
    status: row.status,
    planFitScore: row.planFitScore,
    plannedAt: row.plannedAt,
  };
}

/** "HH:MM" of a round, from the day's start: rounds follow each other without a break. */
export function startOfRound(startTime: string, minutes: number, round: number): string {
  const [h, m] = startTime.split(':').map(Number) as [number, number];
  const total = h * 60 + m + round * minutes;
  return `${String(Math.floor(total / 60) % 24).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Drizzle wraps the driver's error: the SQLSTATE is on it or on its cause. */
export function pgCode(err: unknown): string | undefined {
  const e = err as { code?: string; cause?: { code?: string } };
  return e.code ?? e.cause?.code;
}
export function pgConstraint(err: unknown): string | undefined {
  const e = err as { constraint?: string; constraint_name?: string; cause?: { constraint?: string; constraint_name?: string } };
  return e.constraint ?? e.constraint_name ?? e.cause?.constraint ?? e.cause?.constraint_name;
}
