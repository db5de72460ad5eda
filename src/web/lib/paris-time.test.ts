import { describe, expect, it } from 'vitest';
import { isoToParisWallTime, parisWallTimeToIso } from './paris-time';

describe('Paris wall-clock time', () => {
  it('reads a typed time as Paris time, summer and winter', () => {
    expect(parisWallTimeToIso('2026-07-01T09:30')).toBe('2026-07-01T07:30:00.000Z');
    expect(parisWallTimeToIso('2026-12-01T09:30')).toBe('2026-12-01T08:30:00.000Z');
    expect(parisWallTimeToIso('2026-10-25T12:00')).toBe('2026-10-25T11:00:00.000Z');
    expect(parisWallTimeToIso('hier')).toBe('');
  });

  it('shows an instant as the Paris time an edit form is prefilled with, and reads it back to the same instant', () => {
    expect(isoToParisWallTime('2026-07-01T07:30:00.000Z')).toBe('2026-07-01T09:30');
    expect(isoToParisWallTime('2026-12-01T08:30:00.000Z')).toBe('2026-12-01T09:30');
    expect(isoToParisWallTime('2026-03-29T01:30:00.000Z')).toBe('2026-03-29T03:30');
    expect(parisWallTimeToIso(isoToParisWallTime('2026-11-17T11:45:00.000Z'))).toBe('2026-11-17T11:45:00.000Z');
    expect(isoToParisWallTime('garbage')).toBe('');
  });
});
