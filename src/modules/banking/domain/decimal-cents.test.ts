import { describe, expect, it } from 'vitest';
import { decimalToCents } from './decimal-cents.js';

describe('bank amounts in cents', () => {
  it('reads decimal amounts digit by digit, never through a float', () => {
    expect(decimalToCents('1234.56')).toBe(123_456);
    expect(decimalToCents('0.1')).toBe(10);
    expect(decimalToCents('0.07')).toBe(7);
    expect(decimalToCents('12')).toBe(1_200);
    expect(decimalToCents('12.')).toBe(1_200);
    expect(decimalToCents('-12.30')).toBe(-1_230);
    expect(decimalToCents('1005.03')).toBe(100_503);
  });

  it('accepts trailing zeros beyond the cent but refuses a fraction of a cent', () => {
    expect(decimalToCents('17513.47000')).toBe(1_751_347);
    expect(decimalToCents('89.905')).toBeNull();
  });

  it('refuses what is not a plain decimal', () => {
    for (const text of ['', '1,50', '1e3', '12.3.4', ' 12', 'EUR 12', '-']) expect(decimalToCents(text)).toBeNull();
  });
});
