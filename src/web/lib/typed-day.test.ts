import { describe, expect, it } from 'vitest';
import { parseTypedDay } from './typed-day';

describe('a day typed in a date field', () => {
  it('reads the day first, as the French write it', () => {
    expect(parseTypedDay('02/12/2026')).toBe('2026-12-02');
    expect(parseTypedDay('2/3/2026')).toBe('2026-03-02');
    expect(parseTypedDay(' 15.04.2026 ')).toBe('2026-04-15');
  });

  it('reads the ISO form too', () => {
    expect(parseTypedDay('2026-04-01')).toBe('2026-04-01');
  });

  it('refuses what is not a day of the calendar', () => {
    expect(parseTypedDay('31/02/2026')).toBeNull();
    expect(parseTypedDay('12/13/2026')).toBeNull();
    expect(parseTypedDay('demain')).toBeNull();
    expect(parseTypedDay('')).toBeNull();
  });
});
