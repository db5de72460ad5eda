import { describe, expect, it } from 'vitest';
import { quoteNumber, quoteSeriesKey } from './quote-number.js';

describe('quote numbers', () => {
  it('are D, the year of validation and a four-digit sequence', () => {
    expect(quoteNumber(quoteSeriesKey('2026-03-04'), 1)).toBe('D2026-0001');
    expect(quoteNumber('2027', 12345)).toBe('D2027-12345');
  });
});
