/**
 * A pause of the dunning of one invoice, or of every invoice of a client: the client disputes
 * the work, or a payment plan was agreed. Writing to a client in either case harms the
 * relation and, in a dispute, may weaken the coop's position; so the team stops the steps,
 * with a reason the next person reads, until a day or until someone resumes them.
 */

export const DUNNING_PAUSE_REASONS = ['dispute', 'payment_plan', 'other'] as const;
export type DunningPauseReason = (typeof DUNNING_PAUSE_REASONS)[number];

export interface DunningPauseSnapshot {
  /** Last day of the pause, 'YYYY-MM-DD' (inclusive); null: until resumed. */
  until: string | null;
  /** When someone resumed it; null while it holds. */
  resumedAt: Date | null;
}

/** Whether a pause still holds today: not resumed, and its last day not behind. */
export function isPauseActive(pause: DunningPauseSnapshot, today: string): boolean {
  return pause.resumedAt === null && (pause.until === null || pause.until >= today);
}

/** Checks a pause before it is saved: its last day, if any, is not in the past. */
export function checkPauseUntil(until: string | null, today: string): 'until_in_past' | null {
  return until !== null && until < today ? 'until_in_past' : null;
}
