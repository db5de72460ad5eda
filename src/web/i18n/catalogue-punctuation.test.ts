import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';

/** Every message of a catalogue with its key path. */
function messages(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => messages(v, path ? `${path}.${k}` : k));
  return [];
}

describe('the wording of the catalogues', () => {
  // A message shown alone (the last reason an invoice cannot be issued) ended with " ;".
  // Lists add their own separators (`itemEnd`), so no message carries one.
  it.each([
    ['fr', fr],
    ['en', en],
  ])('no %s message ends with a stray semicolon', (_lang, catalogue) => {
    const stray = messages(catalogue).filter(([key, text]) => !key.endsWith('.itemEnd') && /;\s*$/.test(text));
    expect(stray).toEqual([]);
  });
});
