import { describe, expect, it } from 'vitest';
import { parseTypedTime } from './typed-time';

describe('a typed time of day', () => {
  it('reads the ways people write it, on 24 hours', () => {
    expect(parseTypedTime('09:30')).toBe('09:30');
    expect(parseTypedTime('9:30')).toBe('09:30');
    expect(parseTypedTime('9h30')).toBe('09:30');
    expect(parseTypedTime(' 14H05 ')).toBe('14:05');
    expect(parseTypedTime('0930')).toBe('09:30');
    expect(parseTypedTime('23.59')).toBe('23:59');
    expect(parseTypedTime('00:00')).toBe('00:00');
  });
  it('refuses what is not a time of day', () => {
    for (const text of ['', '9', '9:3', '24:00', '12:60', '12:30 PM', 'midi', '1:2:3']) expect(parseTypedTime(text), text).toBeNull();
  });
});
