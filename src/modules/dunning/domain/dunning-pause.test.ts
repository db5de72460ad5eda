import { describe, expect, it } from 'vitest';
import { checkPauseUntil, isPauseActive } from './dunning-pause.js';

describe('dunning pause', () => {
  it('a pause without an end holds until someone resumes it', () => {
    expect(isPauseActive({ until: null, resumedAt: null }, '2030-01-01')).toBe(true);
    expect(isPauseActive({ until: null, resumedAt: new Date('2026-05-01T10:00:00Z') }, '2026-05-02')).toBe(false);
  });

  it('a pause with an end holds through its last day, and not after', () => {
    expect(isPauseActive({ until: '2026-05-31', resumedAt: null }, '2026-05-31')).toBe(true);
    expect(isPauseActive({ until: '2026-05-31', resumedAt: null }, '2026-06-01')).toBe(false);
  });

  it('a pause cannot end in the past', () => {
    expect(checkPauseUntil('2026-05-01', '2026-05-02')).toBe('until_in_past');
    expect(checkPauseUntil('2026-05-02', '2026-05-02')).toBeNull();
    expect(checkPauseUntil(null, '2026-05-02')).toBeNull();
  });
});
