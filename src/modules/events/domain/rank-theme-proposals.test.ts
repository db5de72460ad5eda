import { describe, expect, it } from 'vitest';
import { rankThemeProposals } from './rank-theme-proposals.js';

const p = (id: string, votes: number, day: number) => ({ id, votes, createdAt: new Date(Date.UTC(2026, 10, day)) });

describe('theme proposals ranking', () => {
  it('puts the most voted first and, at equal votes, the older proposal; ties share a rank', () => {
    const ranked = rankThemeProposals([p('linkedin', 2, 5), p('tjm', 5, 9), p('urssaf', 2, 1), p('compta', 0, 2)]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['tjm', 1],
      ['urssaf', 2],
      ['linkedin', 2],
      ['compta', 4],
    ]);
  });

  it('ranks nothing when there is nothing', () => {
    expect(rankThemeProposals([])).toEqual([]);
  });
});
