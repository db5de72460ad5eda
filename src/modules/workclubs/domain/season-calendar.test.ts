import { describe, expect, it } from 'vitest';
import { defaultSeasonEnd, proposeSessionDates } from './season-calendar.js';
import { canMoveGoal, mayApply } from './workclub-states.js';

describe('season calendar', () => {
  it('ends 45 days after the start by default', () => {
    expect(defaultSeasonEnd('2026-09-14')).toBe('2026-10-29');
  });

  it('proposes a kickoff, a session every two weeks, and the review on the last day', () => {
    expect(proposeSessionDates('2026-09-14', '2026-10-29')).toEqual([
      { date: '2026-09-14', kind: 'kickoff' },
      { date: '2026-09-28', kind: 'work' },
      { date: '2026-10-12', kind: 'work' },
      { date: '2026-10-29', kind: 'review' },
    ]);
  });

  it('leaves out a working session in the last week before the review', () => {
    expect(proposeSessionDates('2026-09-01', '2026-09-20').map((s) => s.kind)).toEqual(['kickoff', 'review']);
    expect(proposeSessionDates('2026-09-01', '2026-09-22').map((s) => s.date)).toEqual(['2026-09-01', '2026-09-15', '2026-09-22']);
  });
});

describe('workclub states', () => {
  it('lets a goal be achieved or dropped, and reopened', () => {
    expect(canMoveGoal('open', 'achieved')).toBe(true);
    expect(canMoveGoal('achieved', 'open')).toBe(true);
    expect(canMoveGoal('achieved', 'dropped')).toBe(false);
  });

  it('takes applications only while the season is open and inside its window', () => {
    const season = { status: 'open' as const, applicationsOpenOn: '2026-09-01', applicationsCloseOn: '2026-09-10' };
    expect(mayApply(season, '2026-08-31')).toBe(false);
    expect(mayApply(season, '2026-09-01')).toBe(true);
    expect(mayApply(season, '2026-09-10')).toBe(true);
    expect(mayApply(season, '2026-09-11')).toBe(false);
    expect(mayApply({ ...season, status: 'running' }, '2026-09-05')).toBe(false);
  });
});
