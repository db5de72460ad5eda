import { describe, expect, it } from 'vitest';
import { boundCentsOf, formatRate } from './amounts';

describe('contribution amounts in the forms', () => {
  it('reads a bound typed in euros as cents, empty as none, out of range as invalid', () => {
    expect(boundCentsOf('')).toBeNull();
    expect(boundCentsOf(12.345)).toBe(1235);
    expect(boundCentsOf('50,5')).toBe(5050);
    expect(boundCentsOf(-1)).toBeUndefined();
    expect(boundCentsOf(1_000_001)).toBeUndefined();
  });
  it('shows a rate in basis points as a percentage', () => {
    expect(formatRate(1000, 'en')).toBe('10%');
    expect(formatRate(1150, 'fr').replace(/\s/g, ' ')).toBe('11,5 %');
  });
});
