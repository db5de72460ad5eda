import { describe, expect, it } from 'vitest';
import { diffRevisions } from './revision-diff.js';

describe('the summary of a revision', () => {
  it('counts every line of a first version as added', () => {
    expect(diffRevisions(null, { title: 'T', body: 'a\nb\nc' })).toEqual({ titleChanged: false, charsBefore: 0, charsAfter: 5, linesAdded: 3, linesRemoved: 0 });
  });

  it('an edited line is one removed and one added; untouched lines count for nothing', () => {
    const d = diffRevisions({ title: 'T', body: 'a\nb\nc\nd' }, { title: 'T', body: 'a\nB\nc\nd\ne' });
    expect(d.linesAdded).toBe(2);
    expect(d.linesRemoved).toBe(1);
    expect(d.titleChanged).toBe(false);
  });

  it('a moved line is seen as removed and added, like a unified diff', () => {
    const d = diffRevisions({ title: 'T', body: 'x\ny\nz' }, { title: 'U', body: 'y\nz\nx' });
    expect(d).toMatchObject({ linesAdded: 1, linesRemoved: 1, titleChanged: true });
  });

  it('the same text gives no change, whatever the line endings', () => {
    expect(diffRevisions({ title: 'T', body: 'a\r\nb' }, { title: 'T', body: 'a\nb' })).toMatchObject({ linesAdded: 0, linesRemoved: 0 });
  });
});
