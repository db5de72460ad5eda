import { describe, expect, it } from 'vitest';
import { foldText, searchTerms, slugify, snippetOf } from './search-text.js';

describe('search helpers', () => {
  it('fold accents and case, keeping one character for one', () => {
    expect(foldText('Dépenses Été')).toBe('depenses ete');
    expect(foldText('Œuvre').length).toBe('Œuvre'.length);
  });

  it('a query gives its folded words, short ones dropped', () => {
    expect(searchTerms('Notes de FRAIS à rembourser')).toEqual(['notes', 'de', 'frais', 'rembourser']);
    expect(searchTerms('a ')).toEqual([]);
  });

  it('the snippet is cut around the first word found, accents ignored, and marks the words', () => {
    const body = `${'Introduction. '.repeat(20)}Les frais de déplacement sont remboursés sur justificatif.`;
    const s = snippetOf(body, ['deplacement'], 20);
    expect(s.text.startsWith('…')).toBe(true);
    const [from, to] = s.highlights[0]!;
    expect(Array.from(s.text).slice(from, to).join('')).toBe('déplacement');
  });

  it('a text without the words gives its beginning', () => {
    expect(snippetOf('Bonjour à toutes et à tous', ['absent'], 5).text).toBe('Bonjour à…');
  });

  it('slugs are readable and never empty', () => {
    expect(slugify("Guide de l'entrepreneur·e")).toBe('guide-de-l-entrepreneur-e');
    expect(slugify('!!!')).toBe('page');
  });
});
