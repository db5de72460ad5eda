import { describe, expect, it } from 'vitest';
import { splitPeriod } from './period-months.js';

describe('splitting a period into whole months and edge days', () => {
  it('reads a calendar year from twelve whole months and no line', () => {
    expect(splitPeriod('2026-01-01', '2026-12-31')).toEqual({ months: { from: '2026-01-01', to: '2026-12-01' }, days: [] });
  });

  it('reads the days before the first and after the last whole month from the lines', () => {
    expect(splitPeriod('2026-01-15', '2026-04-10')).toEqual({
      months: { from: '2026-02-01', to: '2026-03-01' },
      days: [
        { from: '2026-01-15', to: '2026-01-31' },
        { from: '2026-04-01', to: '2026-04-10' },
      ],
    });
  });

  it('reads a period inside one month from the lines only', () => {
    expect(splitPeriod('2026-03-02', '2026-03-30')).toEqual({ months: null, days: [{ from: '2026-03-02', to: '2026-03-30' }] });
    expect(splitPeriod('2026-03-15', '2026-04-14')).toEqual({ months: null, days: [{ from: '2026-03-15', to: '2026-04-14' }] });
  });

  it('knows the last day of February, in a leap year too', () => {
    expect(splitPeriod('2028-02-01', '2028-02-29')).toEqual({ months: { from: '2028-02-01', to: '2028-02-01' }, days: [] });
    expect(splitPeriod('2027-02-01', '2027-02-28')).toEqual({ months: { from: '2027-02-01', to: '2027-02-01' }, days: [] });
    expect(splitPeriod('2028-02-01', '2028-02-28').months).toBeNull();
  });

  it('leaves an open start or end open on the months', () => {
    expect(splitPeriod(undefined, '2026-06-10')).toEqual({ months: { to: '2026-05-01' }, days: [{ from: '2026-06-01', to: '2026-06-10' }] });
    expect(splitPeriod('2026-06-10', undefined)).toEqual({ months: { from: '2026-07-01' }, days: [{ from: '2026-06-10', to: '2026-06-30' }] });
    expect(splitPeriod()).toEqual({ months: {}, days: [] });
  });

  it('gives nothing for a period that ends before it starts', () => {
    expect(splitPeriod('2026-05-01', '2026-04-30')).toEqual({ months: null, days: [] });
  });

  it('crosses the year boundary', () => {
    expect(splitPeriod('2025-12-31', '2026-01-31')).toEqual({ months: { from: '2026-01-01', to: '2026-01-01' }, days: [{ from: '2025-12-31', to: '2025-12-31' }] });
  });
});
