import { describe, expect, it } from 'vitest';
import { likeEscape } from './search.js';

describe('text typed in a search box', () => {
  it('searches for %, _ and \\ themselves rather than using them as wildcards', () => {
    expect(likeEscape('100%_net\\brut')).toBe('100\\%\\_net\\\\brut');
    expect(likeEscape('Pâtisserie Dupont')).toBe('Pâtisserie Dupont');
  });
});
