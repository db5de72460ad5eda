import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from './markdown';

describe('the page text renderer', () => {
  it('reads headings, paragraphs, lists and code blocks', () => {
    const blocks = parseMarkdown('# Titre\n\nUn paragraphe\nsur deux lignes.\n\n- un\n- deux\n\n1. premier\n2. second\n\n```\n<b>brut</b>\n```');
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'list', 'code']);
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ type: 'text', text: 'un' }], [{ type: 'text', text: 'deux' }]] });
    expect(blocks[3]).toMatchObject({ ordered: true });
    expect(blocks[4]).toEqual({ type: 'code', text: '<b>brut</b>' });
  });

  it('reads bold, italic, code and links inline', () => {
    expect(parseInline('**gras** et *penché* et `code` et [site](https://exemple.fr)')).toEqual([
      { type: 'strong', children: [{ type: 'text', text: 'gras' }] },
      { type: 'text', text: ' et ' },
      { type: 'em', children: [{ type: 'text', text: 'penché' }] },
      { type: 'text', text: ' et ' },
      { type: 'code', text: 'code' },
      { type: 'text', text: ' et ' },
      { type: 'link', href: 'https://exemple.fr', children: [{ type: 'text', text: 'site' }] },
    ]);
  });

  it('never turns a script address into a link, and keeps HTML as text', () => {
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('//evil.example')).toBeNull();
    expect(safeHref('/knowledge')).toBe('/knowledge');
    expect(parseInline('[clic](javascript:alert(1))')).toEqual([{ type: 'text', text: '[clic](javascript:alert(1)' }, { type: 'text', text: ')' }]);
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ type: 'paragraph', lines: [[{ type: 'text', text: '<script>alert(1)</script>' }]] }]);
  });
});
