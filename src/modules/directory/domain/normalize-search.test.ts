import { describe, expect, it } from 'vitest';
import { normalizeSearch, searchWords } from './normalize-search.js';

describe('accent-insensitive search normalisation', () => {
  it('"developpeuse" finds "Développeuse"', () => {
    expect(normalizeSearch('Développeuse web')).toContain(normalizeSearch('developpeuse'));
  });

  it('"ebeniste" finds "Ébéniste" (a capital with its accent)', () => {
    expect(normalizeSearch('Ébéniste')).toBe('ebeniste');
  });

  it('folds ligatures and cedillas as a French reader does', () => {
    expect(normalizeSearch('Cœur de métier — façade')).toBe('coeur de metier facade');
  });

  it('splits a query into distinct folded words, ignoring punctuation', () => {
    expect(searchWords('  Céramiste, céramiste  LYON! ')).toEqual(['ceramiste', 'lyon']);
  });

  it('an empty or punctuation-only query has no words', () => {
    expect(searchWords(' - , ')).toEqual([]);
  });
});
