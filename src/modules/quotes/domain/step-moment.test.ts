import { describe, expect, it } from 'vitest';
import { stepMoment } from './step-moment.js';

describe('the moment a quote step is stamped with', () => {
  const now = new Date('2026-11-23T15:42:00Z');

  it('is the clock for a step taken today', () => {
    expect(stepMoment('2026-11-23', now, '2026-11-23')).toBe(now);
  });

  it('is the day of the step for a step dated earlier, so a replayed history stays in order', () => {
    expect(stepMoment('2026-11-01', now, '2026-11-23').toISOString()).toBe('2026-11-01T10:00:00.000Z');
  });
});
