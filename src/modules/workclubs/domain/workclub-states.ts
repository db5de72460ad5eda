/**
 * The states of a workclub's things and the moves between them. A season is open to
 * applications, then runs once staff confirm its groups, then closes. A goal is open until
 * its owner marks it achieved or dropped (and may reopen it: a project changes shape over
 * 45 days). At each session a participant reports where they stand.
 */
export const SEASON_STATUSES = ['open', 'running', 'closed'] as const;
export type SeasonStatus = (typeof SEASON_STATUSES)[number];

export const APPLICATION_STATUSES = ['submitted', 'withdrawn', 'placed'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const GROUP_STATUSES = ['active', 'closed'] as const;
export type GroupStatus = (typeof GROUP_STATUSES)[number];

export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const PROGRESS_STATUSES = ['on_track', 'done', 'blocked'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

const GOAL_MOVES: Record<GoalStatus, readonly GoalStatus[]> = {
  open: ['achieved', 'dropped'],
  achieved: ['open'],
  dropped: ['open'],
};

export const canMoveGoal = (from: GoalStatus, to: GoalStatus): boolean => from === to || GOAL_MOVES[from].includes(to);

/**
 * A member may apply (or withdraw) while the season is open and today is inside its
 * application window; once staff confirm the groups, the season runs and the list is frozen.
 */
export function mayApply(season: { status: SeasonStatus; applicationsOpenOn: string; applicationsCloseOn: string }, today: string): boolean {
  return season.status === 'open' && today >= season.applicationsOpenOn && today <= season.applicationsCloseOn;
}

/** Goals and progress are written while the group works; a closed group is a record. */
export const mayWorkIn = (group: { status: GroupStatus }) => group.status === 'active';
