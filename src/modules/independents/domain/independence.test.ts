import { describe, expect, it } from 'vitest';
import { alertMove, rollingYearStart, volumeRatioBp } from './independence.js';

describe('the rolling 12 months', () => {
  it('start the day after the same day a year before', () => {
    expect(rollingYearStart('2026-12-02')).toBe('2025-12-03');
    expect(rollingYearStart('2026-01-01')).toBe('2025-01-02');
  });
  it('end of February of a leap year falls back to the last day before adding one', () => {
    expect(rollingYearStart('2028-02-29')).toBe('2027-03-01');
  });
});

describe('the ratio of volume to declared revenue', () => {
  it('is in basis points, rounded down', () => {
    expect(volumeRatioBp(50_000_00, 100_000_00)).toBe(5000);
    expect(volumeRatioBp(1, 3)).toBe(3333);
    expect(volumeRatioBp(4_999_999, 10_000_000)).toBe(4999);
  });
  it('may exceed 100 % (more through the coop than declared)', () => {
    expect(volumeRatioBp(150, 100)).toBe(15000);
  });
  it('is null without a declared revenue', () => {
    expect(volumeRatioBp(100, null)).toBeNull();
    expect(volumeRatioBp(100, 0)).toBeNull();
  });
});

describe('crossing the threshold', () => {
  it('opens an alert when the ratio reaches the threshold and none is open', () => {
    expect(alertMove(5000, 5000, false)).toBe('open');
    expect(alertMove(4999, 5000, false)).toBe('none');
  });
  it('does nothing more while the member stays above: once per crossing', () => {
    expect(alertMove(7000, 5000, true)).toBe('none');
  });
  it('clears the alert once back under, so the next crossing warns again', () => {
    const moves: string[] = [];
    let open = false;
    for (const ratio of [3000, 5200, 6000, 4000, 5100, 5100]) {
      const move = alertMove(ratio, 5000, open);
      moves.push(move);
      if (move === 'open') open = true;
      if (move === 'clear') open = false;
    }
    expect(moves).toEqual(['none', 'open', 'none', 'clear', 'open', 'none']);
  });
  it('clears an open alert when the revenue declared is gone', () => {
    expect(alertMove(null, 5000, true)).toBe('clear');
    expect(alertMove(null, 5000, false)).toBe('none');
  });
});
