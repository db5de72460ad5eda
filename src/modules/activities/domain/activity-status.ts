export const ACTIVITY_STATUSES = ['active', 'suspended', 'closed'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/**
 * Where an activity may go from where it is. Suspending pauses an activity (a member on
 * leave, an unpaid fee) and can be undone; closing ends it for good, because its analytic
 * code stays on past entries and exports and must never be reused for new business.
 */
const MOVES: Record<ActivityStatus, readonly ActivityStatus[]> = {
  active: ['suspended', 'closed'],
  suspended: ['active', 'closed'],
  closed: [],
};

export function canMoveActivity(from: ActivityStatus, to: ActivityStatus): boolean {
  return MOVES[from].includes(to);
}

/** The statuses an activity in `from` may move to, for the actions the interface offers. */
export const nextStatusesOf = (from: ActivityStatus): readonly ActivityStatus[] => MOVES[from];
