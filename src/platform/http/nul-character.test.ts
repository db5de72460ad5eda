import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { assertNoNulCharacter, MAX_NESTING_DEPTH, nulCharacterPath } from './nul-character.js';

describe('the NUL character in a request', () => {
  it('is found with the path of the field that holds it, in nested objects and arrays', () => {
    expect(nulCharacterPath({ name: 'ok', addresses: [{ city: 'Paris' }, { city: 'Ly\u0000on' }] })).toBe('addresses.1.city');
    expect(nulCharacterPath('a\u0000b')).toBe('');
  });

  it('is absent from ordinary text, numbers, booleans and nulls', () => {
    expect(nulCharacterPath({ name: 'Élodie', n: 3, b: true, none: null, tags: ['a', 'b'] })).toBeNull();
  });

  it('is refused as a bad value of that field, with the prefix of the request part', () => {
    try {
      assertNoNulCharacter({ q: 'x\u0000' }, 'query.');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).fields[0].path).toBe('query.q');
    }
  });
});

describe('a request nested too deep', () => {
  it('is walked without recursion and refused past the limit, with the path where it went too deep', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    try {
      assertNoNulCharacter({ a: deep });
      expect.unreachable();
    } catch (err) {
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).fields[0].path).toBe('a' + '.0'.repeat(MAX_NESTING_DEPTH - 1));
    }
  });

  it('is accepted up to the limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < MAX_NESTING_DEPTH; i++) deep = [deep];
    expect(() => assertNoNulCharacter(deep)).not.toThrow();
  });
});
