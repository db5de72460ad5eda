import { describe, expect, it } from 'vitest';
import { diffFields } from './diff.js';

describe('diffFields', () => {
  it('keeps only the fields whose value changed, with before and after', () => {
    expect(diffFields({ a: 1, b: 'x', c: null }, { a: 2, b: 'x', c: null })).toEqual({ a: { before: 1, after: 2 } });
  });

  it('records a creation as every field going from null to its value', () => {
    expect(diffFields(null, { name: 'Alice' })).toEqual({ name: { before: null, after: 'Alice' } });
  });

  it('compares dates by instant and nested values by content', () => {
    const d = new Date('2026-01-01T00:00:00Z');
    expect(diffFields({ at: d, tags: ['a'] }, { at: new Date(d), tags: ['a'] })).toEqual({});
  });

  it('never writes the value of a secret field', () => {
    expect(diffFields({ passwordHash: 'old' }, { passwordHash: 'new' }, ['passwordHash'])).toEqual({
      passwordHash: { before: '***', after: '***' },
    });
  });
});
